/** A hand-driven clock for the `tapi` provider's timeouts: nothing runs until the test says so. */
import type { Schedule } from '../telephony/tapi/bridge-connection.js';

/** Tasks wait until the test advances the clock past their time. */
export class FakeScheduler {
  private now = 0;
  private tasks: { at: number; task: () => void }[] = [];

  /** The function to inject as the provider's `schedule`. */
  readonly schedule: Schedule = (task, ms) => {
    const entry = { at: this.now + ms, task };
    this.tasks.push(entry);
    return () => {
      this.tasks = this.tasks.filter((each) => each !== entry);
    };
  };

  /** How many tasks wait. */
  get pending(): number {
    return this.tasks.length;
  }

  /** Moves the clock `ms` forward, running every task that falls due, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.tasks.filter((each) => each.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.tasks = this.tasks.filter((each) => each !== due);
      this.now = due.at;
      due.task();
    }
    this.now = until;
  }
}
