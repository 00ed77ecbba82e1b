/**
 * The one fake clock (shared/clock.ts's seam) for every timer: the Companion's confirmations,
 * popups and reconnects, the providers' pings and timeouts, the lookup's timeouts and cache, the
 * REST transport, the file watcher. Nothing runs until the test moves time forward, so no test
 * depends on the machine's speed.
 */

import type { Clock, Schedule } from '../shared/clock.js';

interface Task {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
}

/** A manual clock: inject it (or its `now` and `schedule`); the test calls `advance`. */
export class FakeClock implements Clock {
  private time: number;
  private order = 0;
  private tasks: Task[] = [];

  constructor(start = Date.UTC(2026, 0, 5, 9, 0)) {
    this.time = start;
  }

  /** The `now` dependency. */
  readonly now = (): number => this.time;

  /** The `schedule` dependency: runs `run` after `ms`; returns the cancel function. */
  readonly schedule: Schedule = (run, ms) => {
    const task = { at: this.time + ms, order: this.order++, run };
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((entry) => entry !== task);
    };
  };

  /** How many timers are set. */
  get pending(): number {
    return this.tasks.length;
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.runNext(end));
    this.time = end;
  }

  /** The delays (from now) of the timers still set, soonest first. */
  get delays(): number[] {
    return this.tasks.map((task) => task.at - this.time).sort((a, b) => a - b);
  }

  /**
   * Moves time forward by `ms` as {@link advance} does, but lets the promise jobs each timer
   * starts run before the next one falls due: for code whose timers start asynchronous work
   * (a sync that schedules the next one when it has finished).
   */
  async advanceSettled(ms: number): Promise<void> {
    const end = this.time + ms;
    while (this.runNext(end)) await settle();
    this.time = end;
    await settle();
  }

  /** Runs the first timer due by `end` (moving time to it); false when none is. */
  private runNext(end: number): boolean {
    const due = this.tasks
      .filter((task) => task.at <= end)
      .sort((a, b) => a.at - b.at || a.order - b.order)[0];
    if (due === undefined) return false;
    this.tasks = this.tasks.filter((task) => task !== due);
    this.time = due.at;
    due.run();
    return true;
  }
}

/** Lets pending promise jobs (and the jobs they queue, and I/O callbacks between) run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 20; round++) await new Promise<void>((resolve) => setImmediate(resolve));
}
