/**
 * One call on the watched line, as a small state machine (SIP.js's discipline: a state enum,
 * one transition function that throws on illegal moves).
 *
 * ```
 *  incoming:  ringing ──answer──▶ connected ──hangup──▶ ended
 *                ├────────────hangup────────────────▶ missed
 *                └────────────handOff───────────────▶ ended (forwarded: not missed here)
 *  outgoing:  dialing ──answer──▶ connected ──hangup──▶ ended
 *                └────────────hangup────────────────▶ ended (never connected)
 * ```
 *
 * Invariants:
 * - A session MUST NOT leave `ended` or `missed`.
 * - `answeredAt` MUST be set exactly when the session has been `connected`.
 * - `missed` MUST only follow `ringing` (an incoming call nobody answered); a ringing call handed
 *   off elsewhere (forwarded) MUST NOT become `missed`.
 */

/** Where a call is in its life. */
export enum CallState {
  Ringing = 'ringing',
  Dialing = 'dialing',
  Connected = 'connected',
  Ended = 'ended',
  Missed = 'missed',
}

export type CallDirection = 'incoming' | 'outgoing';

/** What can happen to a call: `handOff` ends it because it went elsewhere (forwarded). */
export type CallEvent = 'answer' | 'hangup' | 'handOff';

/** A move the state machine does not allow. */
export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';

  constructor(
    readonly from: CallState,
    readonly event: CallEvent,
  ) {
    super(`a ${from} call cannot ${event}`);
  }
}

/** The one transition function. @throws IllegalTransitionError */
export function nextCallState(from: CallState, event: CallEvent): CallState {
  switch (from) {
    case CallState.Ringing:
      if (event === 'answer') return CallState.Connected;
      return event === 'hangup' ? CallState.Missed : CallState.Ended;
    case CallState.Dialing:
      return event === 'answer' ? CallState.Connected : CallState.Ended;
    case CallState.Connected:
      if (event !== 'answer') return CallState.Ended;
      break;
    case CallState.Ended:
    case CallState.Missed:
      break;
  }
  throw new IllegalTransitionError(from, event);
}

/** True once a call can change no more. */
export function isFinished(state: CallState): boolean {
  return state === CallState.Ended || state === CallState.Missed;
}

/** A call as the line reports it; times are epoch milliseconds. */
export interface CallSnapshot {
  /** The provider's id for the call. */
  readonly callId: string;
  readonly direction: CallDirection;
  /** The agent's line the call is on. */
  readonly line: string;
  /** The other party's number as the provider gave it (caller ID, or the dialled number). */
  readonly remote: string;
  /** For outgoing calls: the string the line dialled. */
  readonly dialled: string | null;
  readonly state: CallState;
  readonly startedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number | null;
  /** Why the call ended, when the provider says (`busy`, `normalClearing`, ...). */
  readonly cause: string | null;
}

/** A call whose state moves only through {@link nextCallState}. */
export class CallSession {
  private current: CallSnapshot;

  constructor(start: Omit<CallSnapshot, 'state' | 'answeredAt' | 'endedAt' | 'cause'>) {
    this.current = {
      ...start,
      state: start.direction === 'incoming' ? CallState.Ringing : CallState.Dialing,
      answeredAt: null,
      endedAt: null,
      cause: null,
    };
  }

  get snapshot(): CallSnapshot {
    return this.current;
  }

  /** Applies `event` at time `at`. @throws IllegalTransitionError */
  apply(event: CallEvent, at: number, cause: string | null = null): CallSnapshot {
    const state = nextCallState(this.current.state, event);
    this.current = {
      ...this.current,
      state,
      answeredAt: event === 'answer' ? at : this.current.answeredAt,
      endedAt: isFinished(state) ? at : null,
      cause: event === 'answer' ? this.current.cause : cause,
    };
    return this.current;
  }
}
