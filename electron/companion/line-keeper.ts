/**
 * Keeps the Companion's line connected: connects at start, and after a failed connect or a lost
 * line tries again on the one reconnect policy's schedule (backoff with jitter, capped). No
 * provider reconnects by itself; this is the only place that does. It also remembers why the
 * line is down, for faces to show.
 *
 * Invariants:
 * - At most one reconnect is scheduled at a time.
 * - After `stop`, nothing is scheduled and nothing reconnects.
 * - `retryAt` is set exactly while a reconnect is scheduled (faces count down to it).
 * - `retryNow` MUST NOT start a second connect while one runs or the line is connected.
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
  /** The clock's now, for when the next attempt is due (default: Date.now). */
  readonly now?: () => number;
}

export class LineKeeper {
  private reasonText: string | null = null;
  private stopped = false;
  private cancelReconnect: (() => void) | null = null;
  private retryTime: number | null = null;
  private connecting = false;

  constructor(private readonly options: LineKeeperOptions) {}

  /** Why the line is not connected (the last failure or the provider's word), or null. */
  get reason(): string | null {
    return this.options.provider.state === 'connected' ? null : this.reasonText;
  }

  /** When the next attempt is due (epoch ms), or null when none is scheduled. */
  get retryAt(): number | null {
    return this.retryTime;
  }

  /** The current time on the keeper's clock. */
  now(): number {
    return (this.options.now ?? Date.now)();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Connects; a failure is remembered, reported and retried later, never thrown. */
  async connect(): Promise<void> {
    this.connecting = true;
    try {
      await this.options.provider.connect();
      this.options.reconnect.reset();
      this.reasonText = null;
    } catch (error) {
      this.reasonText = error instanceof Error ? error.message : String(error);
      // Scheduled first, so the faces told of the failure also learn when the next try is.
      this.scheduleReconnect();
      this.options.onFailure();
    } finally {
      this.connecting = false;
    }
  }

  /**
   * The agent asks to try now: the scheduled attempt is brought forward. False (and nothing
   * done) when the line is connected, a connect is running, or the keeper is stopped.
   */
  retryNow(): boolean {
    if (this.stopped || this.connecting || this.options.provider.state !== 'disconnected') return false;
    this.cancelReconnect?.();
    this.cancelReconnect = null;
    this.retryTime = null;
    void this.connect();
    return true;
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
    this.retryTime = null;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.cancelReconnect !== null) return;
    const delay = this.options.reconnect.nextDelay();
    this.retryTime = this.now() + delay;
    this.cancelReconnect = this.options.schedule(() => {
      this.cancelReconnect = null;
      this.retryTime = null;
      void this.connect();
    }, delay);
  }
}
