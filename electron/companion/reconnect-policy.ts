/**
 * The one reconnect policy for every provider: exponential backoff with full jitter, capped.
 * Providers never reconnect by themselves; the Companion asks this policy how long to wait.
 */
export interface ReconnectPolicyOptions {
  /** First delay, in milliseconds (default 1 s). */
  readonly baseMs?: number;
  /** Longest delay (default 60 s). */
  readonly capMs?: number;
  /** A number in [0, 1) (injected so tests are repeatable). */
  readonly random?: () => number;
}

export class ReconnectPolicy {
  private attempt = 0;

  constructor(private readonly options: ReconnectPolicyOptions = {}) {}

  /** The delay before the next attempt: random in [base/2, min(cap, base·2^attempt)]. */
  nextDelay(): number {
    const base = this.options.baseMs ?? 1000;
    const cap = this.options.capMs ?? 60_000;
    const ceiling = Math.min(cap, base * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    const random = this.options.random ?? Math.random;
    return Math.round(Math.min(ceiling, base / 2 + random() * (ceiling - base / 2)));
  }

  /** Called once connected: the next failure starts from the first delay again. */
  reset(): void {
    this.attempt = 0;
  }
}
