/**
 * The ring timeout: a call still ringing (or dialling) with no news from the line for the
 * configured time is closed — a ringing one as missed — with the cause {@link NO_HANGUP_CAUSE},
 * so a PBX that never sends the hang-up cannot leave a call ringing for ever.
 *
 * ```
 *  (none) ──watch──▶ waiting ──news (watch again)──▶ waiting
 *                       │ └──answered / ended (stop)──▶ (none)
 *                       └──time passes──▶ expire(callId) ──▶ (none)
 * ```
 *
 * Invariants: at most one timer per call; every timer runs on the one clock seam (the injected
 * `schedule`), and `clear()` cancels them all.
 */
import { NO_HANGUP_CAUSE } from '../contract/call-causes.js';
import type { Schedule } from '../shared/clock.js';

/** The cause a call closed by the ring timeout ends with (the call log names it in words). */
export { NO_HANGUP_CAUSE };

/** The default ring timeout: three minutes. */
export const DEFAULT_RING_TIMEOUT_MS = 180_000;

export class RingTimeout {
  private readonly timers = new Map<string, () => void>();

  constructor(
    private readonly options: {
      readonly ms: number;
      readonly schedule: Schedule;
      /** Closes the call: it had no news for `ms`. */
      readonly expire: (callId: string) => void;
    },
  ) {}

  /** Starts (or, on news, restarts) the wait for `callId`. */
  watch(callId: string): void {
    this.stop(callId);
    const cancel = this.options.schedule(() => {
      this.timers.delete(callId);
      this.options.expire(callId);
    }, this.options.ms);
    this.timers.set(callId, cancel);
  }

  /** The call is answered or over: no timeout for it any more. */
  stop(callId: string): void {
    this.timers.get(callId)?.();
    this.timers.delete(callId);
  }

  /** Cancels every wait (the Companion stops). */
  clear(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }
}
