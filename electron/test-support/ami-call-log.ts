/**
 * What a user would see of an AMI line: its events fed into the app's own CallTracker, the
 * calls that finished (with state, cause and numbers) and those still open.
 */
import type { CallSnapshot } from '../telephony/call-session.js';
import { CallTracker } from '../telephony/call-tracker.js';
import type { LineEvent, LineProvider } from '../telephony/line-provider.js';

/** A provider's events, the CallTracker's view of them, and waits for an event. */
export class AmiCallLog {
  readonly events: LineEvent[] = [];
  readonly finished: CallSnapshot[] = [];
  /** Events the tracker refused, with its reason: a provider bug when not empty. */
  readonly dropped: string[] = [];
  private time = 0;
  private readonly waiters: { test: (event: LineEvent) => boolean; resolve: (event: LineEvent) => void }[] =
    [];
  readonly tracker = new CallTracker(
    () => ++this.time,
    (event, reason) => this.dropped.push(`${event.type}: ${reason}`),
  );

  /** Records `provider`'s events from now on; returns the unsubscribe function. */
  attach(provider: LineProvider): () => void {
    return provider.onEvent((event) => {
      this.handle(event);
    });
  }

  handle(event: LineEvent): void {
    this.events.push(event);
    const change = this.tracker.handle(event);
    if (change?.kind === 'finished') this.finished.push(change.call);
    this.wake(event);
  }

  /** Closes the open calls as the Companion does when the line is lost. */
  closeAll(cause: string): CallSnapshot[] {
    const closed = this.tracker.closeAll(cause).map((change) => change.call);
    this.finished.push(...closed);
    return closed;
  }

  /** The calls still open. */
  active(): CallSnapshot[] {
    return this.tracker.active();
  }

  /** The state events, as `state` or `state: reason`. */
  states(): string[] {
    return this.events.flatMap((event) =>
      event.type === 'state'
        ? [event.reason === undefined ? event.state : `${event.state}: ${event.reason}`]
        : [],
    );
  }

  /** Resolves once an event satisfying `test` has been seen (or at once if it was). */
  waitFor(test: (event: LineEvent) => boolean): Promise<LineEvent> {
    const seen = this.events.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => {
      this.waiters.push({ test, resolve });
    });
  }

  /** Wakes waiters; called for each event after it is recorded. */
  private wake(event: LineEvent): void {
    for (const waiter of [...this.waiters]) {
      if (!waiter.test(event)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  }
}
