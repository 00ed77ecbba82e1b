/**
 * Fakes for shell/auto-update.ts: an updater that behaves like electron-updater's `AppUpdater`
 * as far as that module sees it (a failed check emits `error` and rejects; checks can be left
 * hanging), and a repeating timer the test fires by hand.
 */
import type { Every, UpdaterLike } from '../shell/auto-update.js';

type Listener = (payload: never) => void;

export class FakeUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  /** Every feed URL set, in order. */
  readonly feeds: string[] = [];
  /** How many checks were started. */
  checks = 0;
  private readonly listeners = new Map<string, Listener[]>();
  private outcome: 'found-nothing' | Error | 'hang' = 'found-nothing';

  /** Makes every following check fail with `error` (or hang, never settling). */
  failChecksWith(error: Error | 'hang'): void {
    this.outcome = error;
  }

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options.url);
  }

  checkForUpdates(): Promise<unknown> {
    this.checks++;
    const outcome = this.outcome;
    if (outcome === 'hang') return new Promise(() => undefined);
    if (outcome === 'found-nothing') return Promise.resolve(null);
    this.emit('error', outcome);
    return Promise.reject(outcome);
  }

  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: string, listener: Listener): unknown {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  /** How many listeners an event has. */
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Emits an event as electron-updater would. */
  emit(event: 'error', error: Error): void;
  emit(event: 'update-downloaded', info: { version: string }): void;
  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (value: unknown) => void)(payload);
  }
}

/** A repeating timer that runs only when the test says `fire()`. */
export class FakeInterval {
  private runs: { run: () => void; ms: number }[] = [];

  readonly every: Every = (run, ms) => {
    const entry = { run, ms };
    this.runs.push(entry);
    return () => {
      this.runs = this.runs.filter((each) => each !== entry);
    };
  };

  /** The intervals of the timers set and not stopped. */
  get intervals(): number[] {
    return this.runs.map((each) => each.ms);
  }

  /** One period passes: every running timer fires once. */
  fire(): void {
    for (const { run } of [...this.runs]) run();
  }
}
