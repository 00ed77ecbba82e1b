/**
 * Popups of finished calls close themselves, so the agent's screen does not fill with old
 * calls. The rule, kept simple on purpose:
 *
 * - When a call ends (answered and hung up, or missed), its popup closes `seconds` later
 *   (settings `popup.autoCloseSeconds`; 0 keeps every popup until the agent closes it).
 * - Whenever the agent acts on that popup meanwhile (picks a contact, asks to choose again,
 *   opens an action), the countdown starts again from the full time: a popup never vanishes
 *   under the agent's hands while they are still choosing.
 * - A popup closed by hand (or trimmed) stops its countdown.
 *
 * Time comes from an injected `schedule`, so the rule is unit-tested with a fake clock.
 */

/** The setting, the Companion's timer and its way to close a popup. */
export interface PopupAutoCloseDeps {
  /** Seconds after the end; 0: never. */
  readonly seconds: number;
  /** Runs `task` after `ms`; returns a function that cancels it. */
  readonly schedule: (task: () => void, ms: number) => () => void;
  /** Closes the popup (the Companion's `dismissPopup`, which tells every face). */
  readonly close: (callId: string) => void;
}

/** The countdowns of one Companion's finished popups (the rule above). */
export class PopupAutoClose {
  private readonly timers = new Map<string, () => void>();

  constructor(private readonly deps: PopupAutoCloseDeps) {}

  /** The call ended: start counting down. */
  start(callId: string): void {
    if (this.deps.seconds <= 0) return;
    this.cancel(callId);
    const cancel = this.deps.schedule(() => {
      this.timers.delete(callId);
      this.deps.close(callId);
    }, this.deps.seconds * 1000);
    this.timers.set(callId, cancel);
  }

  /** The agent acted on the popup: if it is counting down, count from the full time again. */
  restart(callId: string): void {
    if (this.timers.has(callId)) this.start(callId);
  }

  /** The popup closed another way: stop counting. */
  cancel(callId: string): void {
    this.timers.get(callId)?.();
    this.timers.delete(callId);
  }

  /** Stops every countdown (the Companion stops). */
  clear(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }
}
