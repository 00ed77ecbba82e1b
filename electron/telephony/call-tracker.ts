/**
 * Turns a provider's line events into call sessions keyed by the provider's call id, and says
 * what changed. Providers may repeat or reorder events (PBXs do); an event that does not fit a
 * call's state machine is dropped and reported, never applied.
 */
import { CallSession, IllegalTransitionError, isFinished, type CallSnapshot } from './call-session.js';
import type { LineEvent } from './line-provider.js';

/** What one line event did to the calls. */
export interface CallChange {
  readonly kind: 'started' | 'updated' | 'finished';
  readonly call: CallSnapshot;
}

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
      case 'connected':
        return this.move(event, 'answer');
      case 'ended':
        return this.move(event, 'hangup', event.cause ?? null);
      // Party updates are the Companion's to apply (issue 17, sections 1–2).
      case 'updated':
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
      remote: event.remote,
      dialled: event.type === 'dialing' ? event.dialled : null,
      startedAt: this.now(),
    });
    this.sessions.set(event.callId, session);
    return { kind: 'started', call: session.snapshot };
  }

  private move(
    event: LineEvent & { callId: string },
    move: 'answer' | 'hangup',
    cause: string | null = null,
  ) {
    const session = this.sessions.get(event.callId);
    if (session === undefined) {
      this.onDropped(event, 'unknown call');
      return null;
    }
    try {
      const call = session.apply(move, this.now(), cause);
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
