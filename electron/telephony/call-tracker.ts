/**
 * Turns a provider's line events into call sessions keyed by the provider's call id, and says
 * what changed. Providers may repeat or reorder events (PBXs do); an event that does not fit a
 * call's state machine is dropped and reported, never applied.
 */
import {
  CallSession,
  IllegalTransitionError,
  isFinished,
  type CallSnapshot,
  type RemoteParty,
} from './call-session.js';
import { presentationOf, type CallOutcome, type LineEvent } from './line-provider.js';

/**
 * What one line event did to the calls: a call started, moved (`updated`), got a new remote
 * party (`party`, with the one it replaces), or finished.
 */
export type CallChange =
  | { readonly kind: 'started' | 'updated' | 'finished'; readonly call: CallSnapshot }
  | { readonly kind: 'party'; readonly call: CallSnapshot; readonly previous: RemoteParty };

/**
 * Causes saying that a call went elsewhere rather than unanswered: `forwarded` (Zammad's and
 * sipgate's meaning: the call was diverted to another destination). A ringing call that ends with
 * one is ended, not missed.
 */
export const HAND_OFF_CAUSES: ReadonlySet<string> = new Set(['forwarded']);

export class CallTracker {
  private readonly sessions = new Map<string, CallSession>();

  constructor(
    private readonly now: () => number,
    /** Told about events that were dropped, with the reason. */
    private readonly onDropped: (event: LineEvent, reason: string) => void = () => undefined,
  ) {}

  /** Applies one line event; returns the change, or null when nothing changed. */
  handle(event: LineEvent): CallChange | null {
    switch (event.type) {
      case 'offering':
      case 'dialing':
        return this.start(event);
      case 'updated':
        return this.party(event);
      case 'connected':
        return this.move(event, 'answer');
      case 'ended':
        if (event.outcome !== undefined)
          return this.move(event, 'settle', event.cause ?? null, event.outcome);
        return this.move(
          event,
          event.cause !== undefined && HAND_OFF_CAUSES.has(event.cause) ? 'handOff' : 'hangup',
          event.cause ?? null,
        );
      case 'state':
        return null;
    }
  }

  /**
   * Closes every open call, as when the line is lost: a ringing call becomes missed, the others
   * ended, with `cause`. A call that ended while the line was away is never left ringing.
   */
  closeAll(cause: string): CallChange[] {
    return [...this.sessions.keys()].flatMap((callId) => {
      const change = this.move({ type: 'ended', callId, cause }, 'hangup', cause);
      return change === null ? [] : [change];
    });
  }

  /** The calls still open, oldest first. */
  active(): CallSnapshot[] {
    return [...this.sessions.values()].map((session) => session.snapshot);
  }

  private start(event: Extract<LineEvent, { type: 'offering' | 'dialing' }>): CallChange | null {
    if (this.sessions.has(event.callId)) {
      this.onDropped(event, 'call already known');
      return null;
    }
    const session = new CallSession({
      callId: event.callId,
      direction: event.type === 'offering' ? 'incoming' : 'outgoing',
      line: event.line,
      ...partyOf(event),
      dialled: event.type === 'dialing' ? event.dialled : null,
      startedAt: this.now(),
      queue: event.type === 'offering' ? (event.queue ?? null) : null,
      ringsHere: event.type !== 'offering' || event.ringsHere !== false,
    });
    this.sessions.set(event.callId, session);
    return { kind: 'started', call: session.snapshot };
  }

  private party(event: Extract<LineEvent, { type: 'updated' }>): CallChange | null {
    const session = this.sessions.get(event.callId);
    if (session === undefined) {
      this.onDropped(event, 'unknown call');
      return null;
    }
    const previous = session.snapshot;
    const call = session.updateParty(partyOf(event));
    if (call === null) return null;
    return {
      kind: 'party',
      call,
      previous: {
        remote: previous.remote,
        presentation: previous.presentation ?? presentationOf(previous),
        remoteName: previous.remoteName ?? null,
      },
    };
  }

  private move(
    event: LineEvent & { callId: string },
    move: 'answer' | 'hangup' | 'handOff' | 'settle',
    cause: string | null = null,
    outcome: CallOutcome | null = null,
  ) {
    const session = this.sessions.get(event.callId);
    if (session === undefined) {
      this.onDropped(event, 'unknown call');
      return null;
    }
    try {
      const call = session.apply(move, this.now(), cause, outcome);
      if (!isFinished(call.state)) return { kind: 'updated', call } as const;
      this.sessions.delete(event.callId);
      return { kind: 'finished', call } as const;
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
      this.onDropped(event, error.message);
      return null;
    }
  }
}

/** The remote party an event reports; a withheld number is never kept, even if one came along. */
function partyOf(event: Extract<LineEvent, { type: 'offering' | 'dialing' | 'updated' }>): RemoteParty {
  const presentation = presentationOf(event);
  const name = event.name?.trim().slice(0, 80) ?? '';
  return {
    remote: presentation === 'withheld' ? '' : event.remote,
    presentation,
    remoteName: name === '' ? null : name,
  };
}
