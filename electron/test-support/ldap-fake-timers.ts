/**
 * Manual timers for the LDAP directory's tests: nothing fires until the test moves time on, so
 * schedules and deadlines are tested without waiting and without depending on machine load.
 */
import type { LdapTimers } from '../contacts/ldap/ldap-timers.js';

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/** Timers on a clock that moves only when {@link FakeLdapTimers.advance} is called. */
export class FakeLdapTimers implements LdapTimers {
  private current = 0;
  private nextId = 1;
  private pending: PendingTimer[] = [];

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, due: this.current + ms, callback });
    return id;
  }

  now(): number {
    return this.current;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  /** The delays (from now) of the timers still pending, soonest first. */
  get delays(): number[] {
    return this.pending.map((timer) => timer.due - this.current).sort((a, b) => a - b);
  }

  /**
   * Moves time on by `ms`, firing every timer that falls due in order, and lets the promise
   * jobs they start run before the next one fires.
   */
  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    for (;;) {
      const next = [...this.pending].sort((a, b) => a.due - b.due)[0];
      if (next === undefined || next.due > until) break;
      this.pending = this.pending.filter((timer) => timer !== next);
      this.current = next.due;
      next.callback();
      await settle();
    }
    this.current = until;
    await settle();
  }
}

/** Lets pending promise jobs (and jobs they queue) run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 20; round++) await new Promise<void>((resolve) => setImmediate(resolve));
}
