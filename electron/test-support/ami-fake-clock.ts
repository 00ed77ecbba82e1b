/**
 * Fake time for the AMI provider's timers (ping interval, Pong and action timeouts): nothing
 * runs until a test calls {@link FakeAmiClock.advance}, so timing never depends on the machine.
 */
import type { Schedule } from '../telephony/ami/ami-connection.js';

interface Task {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
}

/** A manual clock: `schedule` for the provider, `advance` for the test. */
export class FakeAmiClock {
  private time = 0;
  private order = 0;
  private tasks: Task[] = [];

  /** The `schedule` dependency. */
  readonly schedule: Schedule = (run, ms) => {
    const task = { at: this.time + ms, order: this.order++, run };
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((entry) => entry !== task);
    };
  };

  /** Milliseconds since the start. */
  now(): number {
    return this.time;
  }

  /** How many timers are set. */
  get pending(): number {
    return this.tasks.length;
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.tasks
        .filter((task) => task.at <= end)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (due === undefined) break;
      this.tasks = this.tasks.filter((task) => task !== due);
      this.time = due.at;
      due.run();
    }
    this.time = end;
  }
}
