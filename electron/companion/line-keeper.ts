/**
 * Keeps the Companion's line connected: connects at start, and after a failed connect or a lost
 * line tries again on the one reconnect policy's schedule (backoff with jitter, capped). No
 * provider reconnects by itself; this is the only place that does. It also remembers why the
 * line is down, for faces to show.
 *
 * Invariants:
 * - At most one reconnect is scheduled at a time.
 * - After `stop`, nothing is scheduled and nothing reconnects.
 */
import type { LineProvider } from '../telephony/line-provider.js';
import type { ReconnectPolicy } from './reconnect-policy.js';

export interface LineKeeperOptions {
  readonly provider: LineProvider;
  readonly reconnect: ReconnectPolicy;
  /** Runs `task` after `ms`; returns a function that cancels it. */
  readonly schedule: (task: () => void, ms: number) => () => void;
  /** A connect failed: faces should show the line's state and reason. */
  readonly onFailure: () => void;
}

export class LineKeeper {
  private reasonText: string | null = null;
  private stopped = false;
  private cancelReconnect: (() => void) | null = null;

  constructor(private readonly options: LineKeeperOptions) {}

  /** Why the line is not connected (the last failure or the provider's word), or null. */
  get reason(): string | null {
    return this.options.provider.state === 'connected' ? null : this.reasonText;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Connects; a failure is remembered, reported and retried later, never thrown. */
  async connect(): Promise<void> {
    try {
      await this.options.provider.connect();
      this.options.reconnect.reset();
      this.reasonText = null;
    } catch (error) {
      this.reasonText = error instanceof Error ? error.message : String(error);
      this.options.onFailure();
      this.scheduleReconnect();
    }
  }

  /** The provider said its state changed (with a reason, perhaps). */
  noteState(state: LineProvider['state'], reason: string | undefined): void {
    if (reason !== undefined) this.reasonText = reason;
    if (state === 'disconnected' && !this.stopped) this.scheduleReconnect();
  }

  /** Stops reconnecting for good. */
  stop(): void {
    this.stopped = true;
    this.cancelReconnect?.();
    this.cancelReconnect = null;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.cancelReconnect !== null) return;
    const delay = this.options.reconnect.nextDelay();
    this.cancelReconnect = this.options.schedule(() => {
      this.cancelReconnect = null;
      void this.connect();
    }, delay);
  }
}
