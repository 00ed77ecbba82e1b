/**
 * Records a provider's line events and waits for the one a test expects, so tests wait for what
 * happens instead of sleeping (the bridge under Wine takes seconds to start on a busy machine).
 */
import type { LineEvent, LineProvider } from '../telephony/line-provider.js';

/** A provider's line events, recorded from construction on. */
export class LineEventLog {
  /** Every event so far, oldest first. */
  readonly events: LineEvent[] = [];
  private readonly waiters: { match: (event: LineEvent) => boolean; resolve: (event: LineEvent) => void }[] =
    [];

  constructor(provider: Pick<LineProvider, 'onEvent'>) {
    provider.onEvent((event) => {
      this.events.push(event);
      for (const waiter of [...this.waiters]) {
        if (!waiter.match(event)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    });
  }

  /**
   * The first event (seen already or still to come) that `match` accepts. Rejects after
   * `timeoutMs`, listing the events seen, so a failing test says what happened instead.
   */
  until(match: (event: LineEvent) => boolean, timeoutMs = 30_000): Promise<LineEvent> {
    const seen = this.events.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no such line event within ${timeoutMs} ms; saw ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      const waiter = {
        match,
        resolve: (event: LineEvent) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The `state` event that reports `disconnected`, with its reason. */
  disconnected(timeoutMs?: number): Promise<Extract<LineEvent, { type: 'state' }>> {
    return this.until(
      (event) => event.type === 'state' && event.state === 'disconnected',
      timeoutMs,
    ) as Promise<Extract<LineEvent, { type: 'state' }>>;
  }
}
