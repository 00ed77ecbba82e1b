/**
 * One call on the watched line, as a small state machine (SIP.js's discipline: a state enum,
 * one transition function that throws on illegal moves).
 *
 * ```
 *  incoming:  ringing ──answer──▶ connected ──hangup / settle──▶ ended
 *                ├────────────hangup──────────────────────────▶ missed
 *                ├────────────handOff─────────────────────────▶ ended (forwarded: not missed here)
 *                └────────────settle──────────────────────────▶ ended (answered elsewhere,
 *                                                     refused, forwarded, abandoned in a queue)
 *  outgoing:  dialing ──answer──▶ connected ──hangup / settle──▶ ended
 *                └────────────hangup / settle─────────────────▶ ended (never connected)
 * ```
 * `settle` is a hang-up with an outcome (see `CallOutcome`): the line says what became of it.
 * The remote party may change in any live state ({@link CallSession.updateParty}); that is no move.
 *
 * Invariants:
 * - A session MUST NOT leave `ended` or `missed`.
 * - `answeredAt` MUST be set exactly when the session has been `connected`.
 * - `missed` MUST only follow `ringing` (an incoming call that rang here and nobody answered);
 *   a ringing call handed off elsewhere (forwarded), or whose line said what became of it
 *   (`settle`), MUST NOT become `missed`.
 */
import type { CallOutcome, Presentation } from '../contract/line-party.js';

/** Where a call is in its life. */
export enum CallState {
  Ringing = 'ringing',
  Dialing = 'dialing',
  Connected = 'connected',
  Ended = 'ended',
  Missed = 'missed',
}

export type CallDirection = 'incoming' | 'outgoing';

/**
 * What can happen to a call: `handOff` ends it because it went elsewhere (forwarded); `settle`
 * ends it with an outcome the line reported (see `CallOutcome`).
 */
export type CallEvent = 'answer' | 'hangup' | 'handOff' | 'settle';

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
  /** How the line presents `remote` (`withheld`: `remote` is ''); absent: see `presentationOf`. */
  readonly presentation?: Presentation;
  /** The remote party's name as the line reports it, if it does. */
  readonly remoteName?: string | null;
  /** The queue the call rang from at this phone, if it did. */
  readonly queue?: string | null;
  /** False for a call of the agent's queue that never rang at this phone (journal only). */
  readonly ringsHere?: boolean;
  /** What became of the call, where the line says (set when it settles). */
  readonly outcome?: CallOutcome | null;
}

/** The remote party of a call as the line reports it. */
export interface RemoteParty {
  readonly remote: string;
  readonly presentation: Presentation;
  readonly remoteName: string | null;
}

/** A call whose state moves only through {@link nextCallState}. */
export class CallSession {
  private current: CallSnapshot;

  constructor(start: Omit<CallSnapshot, 'state' | 'answeredAt' | 'endedAt' | 'cause' | 'outcome'>) {
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
  apply(
    event: CallEvent,
    at: number,
    cause: string | null = null,
    outcome: CallOutcome | null = null,
  ): CallSnapshot {
    const state = nextCallState(this.current.state, event);
    this.current = {
      ...this.current,
      state,
      answeredAt: event === 'answer' ? at : this.current.answeredAt,
      endedAt: isFinished(state) ? at : null,
      cause: event === 'answer' ? this.current.cause : cause,
      ...(event === 'settle' && outcome !== null ? { outcome } : {}),
    };
    return this.current;
  }

  /**
   * The remote party changed (a late caller ID, a transfer, the digits of a call dialled by
   * hand). Returns null when the call is finished or the party is the same.
   */
  updateParty(party: RemoteParty): CallSnapshot | null {
    const now = this.current;
    if (isFinished(now.state)) return null;
    if (
      now.remote === party.remote &&
      now.presentation === party.presentation &&
      (now.remoteName ?? null) === party.remoteName
    )
      return null;
    this.current = { ...now, ...party };
    return this.current;
  }
}
