/**
 * Time for the LDAP directory, injected so that tests can run schedules and timeouts without
 * waiting: timers for the sync schedule and the deadlines that keep a lookup from ever hanging.
 */

/** Starts and cancels one-shot timers, and tells the time (for "once a day"). */
export interface LdapTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** This PC's clock: milliseconds since 1970. */
  now(): number;
}

/**
 * The system's timers, unreferenced: a pending sync or deadline never keeps a command-line run
 * alive on its own.
 */
export const systemTimers: LdapTimers = {
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return timer;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
  now: () => Date.now(),
};

/**
 * `work`, rejected with `onExpiry()`'s error when it has not settled within `ms`, or with
 * `onAbort()`'s when `signal` aborts first. The work itself is not stopped: `onExpiry` and
 * `onAbort` may do that (drop the connection) as a side effect.
 */
export function withDeadline<T>(
  work: Promise<T>,
  options: {
    readonly ms: number;
    readonly timers: LdapTimers;
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
      options.timers.clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      settle();
    };
    const abort = () => {
      finish(() => reject(options.onAbort?.() ?? options.onExpiry()));
    };
    const timer = options.timers.setTimeout(() => {
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
