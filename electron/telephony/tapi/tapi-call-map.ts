/**
 * Turns the bridge's `call` and `callInfo` messages (TAPI call states and parties) into
 * Ringdesk's line events.
 *
 * TAPI reports many states; Ringdesk needs a few moments. The first state seen of a call
 * decides what it is: `offering`/`accepted` an incoming call (`offering`), `dialtone`/
 * `dialing`/`proceeding`/`ringback` an outgoing one (`dialing`); a call first seen already
 * talking counts by its origin and is reported connected at once. `connected` (or on hold,
 * conferenced) is reported once; `disconnected`, `busy` and `idle` end the call, with TAPI's
 * disconnect mode as the cause (`rejected` when the agent rejected it).
 *
 * ```
 *            offering / dialtone…            connected (active)
 *  (unseen) ─────────────────────▶ ringing ─────────────────────▶ connected
 *     │                            dialing          │                  │
 *     │ inactive (another phone)      │  connected inactive            │
 *     ▼                               ▼  (answered elsewhere: ended)   │
 *  elsewhere ──active here──▶ (reported as above)    gone              │
 *     └──────────── disconnected / busy / idle: ended (if reported) ◀──┘
 * ```
 *
 * Invariants:
 * - The remote party MUST follow the call: every state change and LINE_CALLINFO re-reads the
 *   parties, and a change of number, presentation or name of a reported call MUST be reported
 *   as `updated` (see {@link remoteParty}), only then, and never after the call ended.
 * - A call ringing or talking only at another phone of a shared or bridged appearance
 *   (LINEOFFERINGMODE_INACTIVE, LINECONNECTEDMODE_INACTIVE) MUST NOT be reported as this
 *   agent's; a call that rang here and is answered at another phone ends with the outcome
 *   `answeredElsewhere` (never missed); so does one the switch ends as picked up from elsewhere,
 *   and one it forwarded ends `forwarded` (to the redirection address where TAPI names it; the
 *   causes and outcomes of an end are in tapi-call-end.ts, {@link endedEvent}).
 * - A dialled call MUST NOT stay `dialing` when its states, idle included, came before the
 *   dial's reply: the reply's `ended` closes it, and a call already seen ending is never
 *   reported again.
 *
 * Call ids are the bridge's, prefixed with the connection (`tapi-3-7`), so a call from an
 * earlier bridge process can never be confused with one of the next. The map is bounded: it
 * refuses to track more than {@link MAX_TRACKED_CALLS} calls at once.
 */
import type { LineEvent } from '../line-provider.js';
import { cleanText } from './clean-text.js';
import { answeredElsewhere, causeOf, endedEvent } from './tapi-call-end.js';
import type { CallInfoMessage, CallMessage, CallStateName } from './tapi-protocol.js';
import {
  emptyParties,
  partiesOf,
  partyChanged,
  remoteParty,
  type CallParties,
  type Placed,
  type RemoteParty,
} from './tapi-parties.js';

export { MAX_PARTY_LENGTH } from './tapi-parties.js';

/** Most calls tracked at once (the bridge itself tracks at most 64). */
export const MAX_TRACKED_CALLS = 256;

/** How many ended calls the map remembers, so a late dial reply does not bring one back. */
const REMEMBERED_ENDS = 256;

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
  readonly direction: 'incoming' | 'outgoing';
  /** `elsewhere`: at another phone, not reported; `gone`: answered elsewhere, already ended. */
  phase: 'ringing' | 'dialing' | 'connected' | 'elsewhere' | 'gone';
  rejecting: boolean;
  placed: Placed | null;
  parties: CallParties;
  /** The remote party as last reported. */
  reported: RemoteParty;
}

/** The calls of one bridge connection, from the bridge's call messages to line events. */
export class TapiCallMap {
  private readonly calls = new Map<string, Tracked>();
  private readonly ended = new Set<string>();

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

  /** True while the call is ringing at this phone (incoming, not answered, not ended). */
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
   * `dialing` unless the bridge already reported the call (drivers may send its states first);
   * with `ended` (its states, idle included, came before the reply) it also reports the end.
   *
   * @throws TooManyCallsError
   */
  placed(
    bridgeCall: string,
    number: string,
    dialled: string,
    ended?: { cause?: string | undefined },
  ): LineEvent[] {
    const placed = { number, dialled: cleanText(dialled, 256) };
    const known = this.calls.get(bridgeCall);
    if (known !== undefined) {
      known.placed = placed;
      return this.update(known);
    }
    if (this.ended.has(bridgeCall)) return [];
    const callId = this.callIdOf(bridgeCall);
    const dialing: LineEvent = {
      type: 'dialing',
      callId,
      line: this.line,
      remote: number,
      dialled: placed.dialled,
      presentation: 'allowed',
    };
    if (ended !== undefined) {
      this.remember(bridgeCall);
      return [dialing, { type: 'ended', callId, cause: ended.cause ?? 'normalClearing' }];
    }
    const parties = emptyParties();
    this.track(bridgeCall, {
      callId,
      direction: 'outgoing',
      phase: 'dialing',
      rejecting: false,
      placed,
      parties,
      reported: remoteParty('outgoing', parties, placed),
    });
    return [dialing];
  }

  /**
   * The line events one call message means (none, one or more).
   *
   * @throws TooManyCallsError
   */
  handle(message: CallMessage): LineEvent[] {
    const tracked = this.calls.get(message.call);
    if (tracked === undefined) return this.firstSight(message);
    // Parties TAPI could not give this time are kept as they were, not reported as gone.
    if (message.infoError === undefined) tracked.parties = partiesOf(message);
    const { callId } = tracked;
    if (ENDING.has(message.state)) {
      this.calls.delete(message.call);
      this.remember(message.call);
      if (tracked.phase === 'elsewhere' || tracked.phase === 'gone') return [];
      return [endedEvent(tracked, causeOf(message, tracked.rejecting))];
    }
    if (tracked.phase === 'gone') return [];
    if (tracked.phase === 'elsewhere') return message.inactive ? [] : this.report(tracked, message.state);
    if (message.inactive && TALKING.has(message.state) && tracked.phase === 'ringing') {
      tracked.phase = 'gone';
      return [answeredElsewhere(callId)];
    }
    const events = this.update(tracked);
    if (TALKING.has(message.state) && !message.inactive && tracked.phase !== 'connected') {
      tracked.phase = 'connected';
      events.push({ type: 'connected', callId });
    }
    return events;
  }

  /** LINE_CALLINFO: the call's parties changed; reports `updated` when its remote party did. */
  info(message: CallInfoMessage): LineEvent[] {
    const tracked = this.calls.get(message.call);
    if (tracked === undefined || message.infoError !== undefined) return [];
    tracked.parties = partiesOf(message);
    return tracked.phase === 'elsewhere' || tracked.phase === 'gone' ? [] : this.update(tracked);
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
    const parties = partiesOf(message);
    const direction = incoming ? 'incoming' : 'outgoing';
    const tracked: Tracked = {
      callId: this.callIdOf(message.call),
      direction,
      phase: 'elsewhere',
      rejecting: false,
      placed: null,
      parties,
      reported: remoteParty(direction, parties, null),
    };
    this.track(message.call, tracked);
    return message.inactive ? [] : this.report(tracked, state);
  }

  /** The first report of a call: offering or dialing (with the name, if any), connected when talking. */
  private report(tracked: Tracked, state: CallStateName): LineEvent[] {
    const { callId, direction } = tracked;
    const party = remoteParty(direction, tracked.parties, tracked.placed);
    tracked.reported = party;
    tracked.phase = direction === 'incoming' ? 'ringing' : 'dialing';
    const { remote, presentation } = party;
    const named = party.name === '' ? {} : { name: party.name };
    const events: LineEvent[] = [
      direction === 'incoming'
        ? { type: 'offering', callId, line: this.line, remote, presentation, ...named }
        : { type: 'dialing', callId, line: this.line, remote, dialled: remote, presentation, ...named },
    ];
    if (TALKING.has(state)) {
      tracked.phase = 'connected';
      events.push({ type: 'connected', callId });
    }
    return events;
  }

  /** `updated` when the remote party differs from the one last reported. */
  private update(tracked: Tracked): LineEvent[] {
    const party = remoteParty(tracked.direction, tracked.parties, tracked.placed);
    if (!partyChanged(tracked.reported, party)) return [];
    tracked.reported = party;
    const { remote, presentation, name } = party;
    return [{ type: 'updated', callId: tracked.callId, remote, presentation, name }];
  }

  private track(bridgeCall: string, tracked: Tracked): void {
    if (this.calls.size >= MAX_TRACKED_CALLS) {
      throw new TooManyCallsError(`the TAPI bridge reports more than ${MAX_TRACKED_CALLS} calls at once`);
    }
    this.calls.set(bridgeCall, tracked);
  }

  private remember(bridgeCall: string): void {
    this.ended.add(bridgeCall);
    if (this.ended.size > REMEMBERED_ENDS) {
      const oldest = this.ended.values().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
  }
}
