/**
 * Turns the bridge's `call` messages (TAPI call states) into Ringdesk's line events.
 *
 * TAPI reports many states; Ringdesk needs four moments. The first state seen of a call
 * decides what it is: `offering`/`accepted` an incoming call (`offering`, with the caller ID),
 * `dialtone`/`dialing`/`proceeding`/`ringback` an outgoing one (`dialing`, with the called ID);
 * a call first seen already talking counts by its origin and is reported connected at once.
 * `connected` (or on hold, conferenced) is reported once; `disconnected`, `busy` and `idle` end
 * the call, with TAPI's disconnect mode as the cause (`rejected` when the agent rejected it).
 * Later states of an ended call, and a call first seen ending, are ignored.
 *
 * Call ids are the bridge's, prefixed with the connection (`tapi-3-7`), so a call from an
 * earlier bridge process can never be confused with one of the next. The map is bounded: it
 * refuses to track more than {@link MAX_TRACKED_CALLS} calls at once.
 */
import type { LineEvent } from '../line-provider.js';
import { cleanText } from './clean-text.js';
import type { CallMessage, CallStateName } from './tapi-protocol.js';

/** Most calls tracked at once (the bridge itself tracks at most 64). */
export const MAX_TRACKED_CALLS = 256;

/** Longest caller or called ID passed on, in characters. */
export const MAX_PARTY_LENGTH = 64;

const INCOMING: ReadonlySet<CallStateName> = new Set(['offering', 'accepted']);
const OUTGOING: ReadonlySet<CallStateName> = new Set(['dialtone', 'dialing', 'proceeding', 'ringback']);
const TALKING: ReadonlySet<CallStateName> = new Set([
  'connected',
  'onHold',
  'conferenced',
  'onHoldPendingConference',
  'onHoldPendingTransfer',
]);
const ENDING: ReadonlySet<CallStateName> = new Set(['disconnected', 'idle', 'busy']);

/** More calls than the map tracks: the bridge is misbehaving. */
export class TooManyCallsError extends Error {
  override readonly name = 'TooManyCallsError';
}

interface Tracked {
  readonly callId: string;
  phase: 'ringing' | 'dialing' | 'connected';
  rejecting: boolean;
}

/** The calls of one bridge connection, from the bridge's call messages to line events. */
export class TapiCallMap {
  private readonly calls = new Map<string, Tracked>();

  /**
   * @param line the agent's line, as the settings name it (reported in events)
   * @param prefix what makes this connection's call ids unique (`tapi-3`)
   */
  constructor(
    private readonly line: string,
    private readonly prefix: string,
  ) {}

  /** Ringdesk's id for the bridge's call id. */
  callIdOf(bridgeCall: string): string {
    return `${this.prefix}-${bridgeCall}`;
  }

  /** The bridge's id of a call Ringdesk tracks, or null when it does not (any more). */
  bridgeCallOf(callId: string): string | null {
    const head = `${this.prefix}-`;
    if (!callId.startsWith(head)) return null;
    const bridgeCall = callId.slice(head.length);
    return this.calls.has(bridgeCall) ? bridgeCall : null;
  }

  /** True while the call is ringing (incoming, not answered, not ended). */
  isRinging(callId: string): boolean {
    const bridgeCall = this.bridgeCallOf(callId);
    return bridgeCall !== null && this.calls.get(bridgeCall)?.phase === 'ringing';
  }

  /** Marks a call as being rejected by the agent, so its end says `rejected`; returns an undo. */
  markRejecting(callId: string): () => void {
    const bridgeCall = this.bridgeCallOf(callId);
    const tracked = bridgeCall === null ? undefined : this.calls.get(bridgeCall);
    if (tracked !== undefined) tracked.rejecting = true;
    return () => {
      if (tracked !== undefined) tracked.rejecting = false;
    };
  }

  /**
   * A call Ringdesk placed: `number` as the agent meant it, `dialled` as TAPI dials it. Reports
   * `dialing` unless the bridge already reported the call (drivers may send its states first).
   *
   * @throws TooManyCallsError
   */
  placed(bridgeCall: string, number: string, dialled: string): LineEvent[] {
    if (this.calls.has(bridgeCall)) return [];
    const callId = this.track(bridgeCall, 'dialing');
    return [{ type: 'dialing', callId, line: this.line, remote: number, dialled: cleanText(dialled, 256) }];
  }

  /**
   * The line events one call message means (none, one or two).
   *
   * @throws TooManyCallsError
   */
  handle(message: CallMessage): LineEvent[] {
    const tracked = this.calls.get(message.call);
    if (tracked === undefined) return this.firstSight(message);
    const { callId } = tracked;
    if (TALKING.has(message.state) && tracked.phase !== 'connected') {
      tracked.phase = 'connected';
      return [{ type: 'connected', callId }];
    }
    if (!ENDING.has(message.state)) return [];
    this.calls.delete(message.call);
    return [{ type: 'ended', callId, cause: causeOf(message, tracked.rejecting) }];
  }

  /** Forgets every call (the connection is gone; the Companion closes what it still holds). */
  clear(): void {
    this.calls.clear();
  }

  private firstSight(message: CallMessage): LineEvent[] {
    const { state, origin } = message;
    const incoming = INCOMING.has(state) || (TALKING.has(state) && origin !== 'outbound');
    const outgoing = OUTGOING.has(state) || (TALKING.has(state) && origin === 'outbound');
    if (!incoming && !outgoing) return [];
    const callId = this.track(message.call, incoming ? 'ringing' : 'dialing');
    const events: LineEvent[] = [];
    if (incoming) {
      events.push({ type: 'offering', callId, line: this.line, remote: party(message.callerId) });
    } else {
      const called = party(message.calledId);
      events.push({ type: 'dialing', callId, line: this.line, remote: called, dialled: called });
    }
    if (TALKING.has(state)) {
      this.calls.set(message.call, { callId, phase: 'connected', rejecting: false });
      events.push({ type: 'connected', callId });
    }
    return events;
  }

  private track(bridgeCall: string, phase: Tracked['phase']): string {
    if (this.calls.size >= MAX_TRACKED_CALLS) {
      throw new TooManyCallsError(`the TAPI bridge reports more than ${MAX_TRACKED_CALLS} calls at once`);
    }
    const callId = this.callIdOf(bridgeCall);
    this.calls.set(bridgeCall, { callId, phase, rejecting: false });
    return callId;
  }
}

function party(id: string): string {
  return cleanText(id, MAX_PARTY_LENGTH);
}

function causeOf(message: CallMessage, rejecting: boolean): string {
  if (rejecting) return 'rejected';
  if (message.state === 'busy') return 'busy';
  return message.cause ?? 'normalClearing';
}
