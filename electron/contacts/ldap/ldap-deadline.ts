/**
 * Deadlines for the LDAP directory, on the one clock seam (shared/clock.ts), so that tests run
 * schedules and timeouts without waiting and a lookup can never hang.
 */
import type { Clock } from '../../shared/clock.js';

/**
 * `work`, rejected with `onExpiry()`'s error when it has not settled within `ms`, or with
 * `onAbort()`'s when `signal` aborts first. The work itself is not stopped: `onExpiry` and
 * `onAbort` may do that (drop the connection) as a side effect.
 */
export function withDeadline<T>(
  work: Promise<T>,
  options: {
    readonly ms: number;
    readonly clock: Clock;
    readonly onExpiry: () => Error;
    readonly signal?: AbortSignal | undefined;
    readonly onAbort?: () => Error;
  },
): Promise<T> {
  const { signal } = options;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      cancel();
      signal?.removeEventListener('abort', abort);
      settle();
    };
    const abort = () => {
      finish(() => reject(options.onAbort?.() ?? options.onExpiry()));
    };
    const cancel = options.clock.schedule(() => {
      finish(() => reject(options.onExpiry()));
    }, options.ms);
    // Handlers go on first, so that work failing after a deadline is never an unhandled rejection.
    work.then(
      (value) => {
        finish(() => resolve(value));
      },
      (error: unknown) => {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      },
    );
    if (signal?.aborted === true) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}
