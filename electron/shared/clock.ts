/**
 * The one clock seam: every timer and every "now" in Ringdesk comes from a {@link Clock} passed
 * in, so a test moves time with one fake clock (test-support/fake-clock.ts) and nothing depends on
 * the machine's speed. Production code uses {@link systemClock}.
 */

/** Runs `task` after `ms` milliseconds; returns the function that cancels it. */
export type Schedule = (task: () => void, ms: number) => () => void;

export interface Clock {
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly schedule: Schedule;
}

/**
 * The real clock. Its timers do not keep the process alive on their own (a long-running face
 * stays alive through its servers and sockets; a command ends when its work is done).
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule: (task, ms) => {
    const timer = setTimeout(task, ms);
    timer.unref();
    return () => {
      clearTimeout(timer);
    };
  },
};

/** A promise that settles with `work`, or rejects with `timeout()` after `ms` on `clock`. */
export function withTimeout<T>(work: Promise<T>, ms: number, clock: Clock, timeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = clock.schedule(() => {
      reject(timeout());
    }, ms);
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
