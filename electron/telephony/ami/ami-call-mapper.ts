/**
 * Turns the AMI event stream into the agent's calls: Asterisk 12+ (`Newchannel`, `Newstate`,
 * `DialBegin`, `DialEnd`, `BridgeEnter`, `Hangup`) and Asterisk 11 (`Dial` begin/end, `Bridge`
 * link, `LocalBridge`, `Rename`, `Hangup`) alike. Pure: events in, {@link LineEvent}s out, no I/O.
 *
 * A call starts when a dial touches the agent's phone (see `watchedChannelMatcher`):
 * - someone dials one of its legs → `offering` (remote = the caller's `CallerIDNum`);
 * - one of its legs dials someone → `dialing` (remote = the number the phone dialled);
 * - Ringdesk's own `Originate` → `dialing` once Asterisk accepts it (see the provider).
 * The call id is the call's root (`Linkedid`, or worked out on Asterisk 11, see
 * {@link ChannelTable}); Ringdesk's own calls use the id it gave Asterisk as `ChannelId`.
 *
 * ```
 *  offering ──agent's leg Up / answered / bridged──▶ connected ──last leg hangs up──▶ ended(cause)
 *     └──────────────last leg hangs up (no ANSWER, no bridge)──────────────────▶ ended → missed
 *  dialing ──its dial ANSWERed / leg bridged──▶ connected ──last leg hangs up──▶ ended(cause)
 * ```
 * For an `Originate`, the agent picking up their own phone is not `connected`: only the far
 * side (a channel of the call that is neither the agent's phone nor a Local helper) answering
 * or entering a bridge is.
 *
 * Invariants (with those of {@link AmiCallBook}):
 * - A call being placed (an Originate, or a call the phone dialled) that is not connected MUST
 *   end when the agent's end of it hangs up: the Originate's first channel (`Local/…;1`, or the
 *   phone itself; on Asterisk 11 still the same uniqueid after a masquerade), the phone's leg
 *   that answered the Originate (not once it hangs up as a masquerade's `<ZOMBIE>`), or the leg
 *   the phone dialled from. It MUST NOT wait for the
 *   other channels of the call (a Local helper still running the dialplan, a dialplan
 *   application such as FreePBX's echo test `*43` that dials nobody): with the agent gone, the
 *   dial is over, and a call left "dialing" would never end if those channels linger.
 * - The end cause is the Q.850 cause of the last leg's `Hangup`, except for a call never
 *   answered, where a generic cause (normal clearing) gives way to the failed dial's status
 *   (`noAnswer`, `busy`, `cancel`), while a specific one (`answeredElsewhere`) stands.
 * - Hostile input cannot grow memory: oversized fields are ignored (see `field`), at most
 *   `maxCalls` calls and `maxChannels` channels are held, events Ringdesk does not use are dropped.
 */
import type { LineEvent } from '../line-provider.js';
import { AmiCallBook, type AmiCall } from './ami-call-book.js';
import { AmiCallDetails, type AmiLineNote } from './ami-call-details.js';
import { dialStatusCause, hangupCauseName, isGenericCause } from './ami-causes.js';
import { isLocalChannel, originatedChannelMatcher, watchedChannelMatcher } from './ami-channel-names.js';
import { ChannelTable } from './ami-channel-table.js';
import {
  dialBegin,
  dialEnd,
  outgoingNumber,
  remoteNumber,
  type DialEnd,
  type DialLeg,
} from './ami-dial-events.js';
import { partyOf } from './ami-party.js';
import { field } from './ami-fields.js';
import type { AmiMessage } from './ami-message.js';

/** What the mapper needs: the line to watch, Ringdesk's Originate channel, where events go. */
export interface AmiCallMapperOptions {
  /** The agent's line as in the settings (`12`, `PJSIP/12`): what the events name as `line`. */
  readonly line: string;
  /** The device whose channels are the agent's (`PJSIP/phone-b7`; default: `line`). */
  readonly device?: string;
  /** The agent's own extension (default: `line` without its technology). */
  readonly ownNumber?: string;
  /** The channel Ringdesk's `Originate` rings first (to recognise it on Asterisk 11). */
  readonly originateChannel: string;
  readonly emit: (event: LineEvent) => void;
  /** Most calls held at once (default 64); more are ignored. */
  readonly maxCalls?: number;
  /** Most channels remembered (default 4096). */
  readonly maxChannels?: number;
  /** Queues whose abandoned callers are journaled (default none). */
  readonly abandonedQueues?: ReadonlySet<string>;
  /** Where notes for the line log go (raw presentation values, party changes). */
  readonly note?: (note: AmiLineNote) => void;
}

/** AMI events in, the agent's calls out as LineEvents (see the file comment for the rules). */
export class AmiCallMapper {
  private readonly channels: ChannelTable;
  private readonly calls: AmiCallBook;
  private readonly isWatched: (channel: string) => boolean;
  private readonly isOriginated: (channel: string) => boolean;
  private readonly ownNumber: string;
  private readonly details: AmiCallDetails;
  /**
   * Asterisk 11 calls whose last leg hung up before their `Dial` end said why (a caller who
   * cancels: the `Dial End` with `CANCEL` follows the ringing leg's `Hangup`), by the dialling
   * channel: they end at that `Dial` end, or at the dialling channel's own `Hangup`.
   */
  private readonly lateDialEnds = new Map<string, { call: AmiCall; cause: string | undefined }>();

  constructor(private readonly options: AmiCallMapperOptions) {
    this.channels = new ChannelTable(options.maxChannels ?? 4096);
    this.calls = new AmiCallBook(options.line, options.emit, options.maxCalls ?? 64);
    this.isWatched = watchedChannelMatcher(options.device ?? options.line);
    this.isOriginated = originatedChannelMatcher(options.originateChannel);
    this.ownNumber = options.ownNumber ?? options.line.slice(options.line.indexOf('/') + 1);
    this.details = new AmiCallDetails({
      calls: this.calls,
      channels: this.channels,
      isWatched: this.isWatched,
      ownNumber: this.ownNumber,
      abandonedQueues: options.abandonedQueues ?? new Set(),
      note: options.note ?? (() => undefined),
    });
  }

  /** What is held, to check the bounds. */
  get stats(): { readonly channels: number; readonly calls: number } {
    return { channels: this.channels.size, calls: this.calls.size };
  }

  /** Reads one AMI event; anything else (and any event it does not use) is ignored. */
  handle(message: AmiMessage): void {
    switch (message.event?.toLowerCase()) {
      case 'newchannel':
        this.newchannel(message);
        break;
      case 'newstate':
        this.newstate(message);
        break;
      case 'dialbegin':
      case 'dialend':
      case 'dial':
        this.dial(message);
        break;
      case 'bridgeenter':
        this.bridged(field(message, 'Uniqueid'), field(message, 'Channel'), field(message, 'Linkedid'));
        break;
      case 'bridge':
        if (field(message, 'Bridgestate')?.toLowerCase() !== 'link') break;
        this.bridged(field(message, 'Uniqueid1'), field(message, 'Channel1'), undefined);
        this.bridged(field(message, 'Uniqueid2'), field(message, 'Channel2'), undefined);
        this.details.bridgeLink(message);
        break;
      case 'dialstate':
        this.dialState(message);
        break;
      case 'newcallerid':
        this.details.callerId(message);
        break;
      case 'newconnectedline':
        this.details.connectedLine(message);
        break;
      case 'queuecallerjoin':
      case 'join':
        this.details.queueJoin(message);
        break;
      case 'queuecallerabandon':
        this.details.queueAbandon(message);
        break;
      case 'agentconnect':
        this.details.agentConnect(message);
        break;
      case 'localbridge':
        this.localBridge(message);
        break;
      case 'rename':
        this.rename(message);
        break;
      case 'hangup':
        this.hangup(message);
        break;
      default:
        break;
    }
  }

  /** Holds Ringdesk's own Originate, silent until accepted. False when too many calls are held. */
  expectOriginate(callId: string, number: string, dialable: string): boolean {
    return this.calls.add('originate', callId, number, dialable) !== null;
  }

  /** Asterisk accepted the Originate: the call is announced (and caught up). */
  announceOriginate(callId: string): void {
    const call = this.calls.get(callId);
    if (call !== undefined) this.calls.announce(call);
  }

  /** `OriginateResponse: Success`: its Uniqueid is the originated channel (Asterisk 11's only clue). */
  originateAnswered(callId: string, uniqueid: string | undefined, channel: string | undefined): void {
    const call = this.calls.get(callId);
    if (call === undefined || call.ended || uniqueid === undefined || call.anchors.has(uniqueid)) return;
    const name = channel ?? this.channels.get(uniqueid)?.name ?? '';
    call.originLegs.add(uniqueid);
    this.calls.attach(call, uniqueid, name, this.channels.rootOf(uniqueid));
  }

  /** The Originate failed or was refused: a call not yet announced vanishes, else it ends. */
  originateFailed(callId: string, cause: string): void {
    const call = this.calls.get(callId);
    if (call === undefined) return;
    if (call.announced) this.calls.end(call, cause);
    else this.calls.drop(call);
  }

  /** Asterisk never said how the Originate went: a call with no channel seen ends as `unknown`. */
  originateUnresolved(callId: string): void {
    const call = this.calls.get(callId);
    if (call?.awaitingChannel === true) this.calls.end(call, 'unknown');
  }

  /**
   * The channel names of the agent's ringing legs of incoming call `callId`, to refuse them.
   * @throws AmiCallError (see {@link AmiCallBook.ringingLegs}) when it is not ringing.
   */
  ringingLegs(callId: string): string[] {
    const legs = this.calls.ringingLegs(callId);
    // Refused by Ringdesk (a blocked caller): it rang here, as far as the agent is concerned.
    const call = this.calls.get(callId);
    if (call !== undefined) this.details.rang(call);
    return legs;
  }

  /** Forgets every call and channel, announcing nothing (the connection is gone). */
  reset(): void {
    this.calls.clear();
    this.channels.clear();
    this.details.clear();
    this.lateDialEnds.clear();
  }

  private newchannel(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    const name = field(message, 'Channel') ?? '';
    const linkedid = field(message, 'Linkedid');
    const record = this.channels.note(uniqueid, name, linkedid);
    if (this.isWatched(name)) record.dialled = remoteNumber(field(message, 'Exten'));
    // Asterisk 13+ gives the Originate's channel its ChannelId; Asterisk 11 ignores it, so the
    // first new root channel named as originated is taken for the oldest Originate waiting.
    let own = this.calls.get(uniqueid);
    if (own?.kind !== 'originate' && this.isOriginated(name) && (linkedid ?? uniqueid) === uniqueid)
      own = [...this.calls.all()].find((call) => call.awaitingChannel);
    if (own?.kind === 'originate' && !own.ended) {
      if (own.awaitingChannel) own.originLegs.add(uniqueid);
      this.calls.attach(own, uniqueid, name, record.root);
    }
  }

  private newstate(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    this.channels.note(uniqueid, field(message, 'Channel'), field(message, 'Linkedid'));
    const call = this.calls.ofAnchor(uniqueid);
    const state = field(message, 'ChannelState');
    // The agent picked up the phone for Ringdesk's Originate: that leg is the agent's end of it.
    if (call?.kind === 'originate' && state === '6' && this.isWatched(call.anchors.get(uniqueid) ?? ''))
      call.originLegs.add(uniqueid);
    if (call?.kind !== 'incoming') return;
    if (state === '5') this.details.rang(call);
    if (state === '6') this.calls.connect(call);
  }

  /** `DialState` (Asterisk 12+): the agent's leg rings, or its phone forwarded the call. */
  private dialState(message: AmiMessage): void {
    const dest = field(message, 'DestUniqueid');
    const call = dest === undefined ? undefined : this.calls.ofAnchor(dest);
    if (call?.kind !== 'incoming') return;
    if (field(message, 'DialStatus')?.toUpperCase() === 'RINGING') this.details.rang(call);
    this.details.forwarded(call, field(message, 'Forward'));
  }

  private dial(message: AmiMessage): void {
    const begin = dialBegin(message);
    if (begin !== null) {
      this.dialStarted(begin.caller, begin.dest, message);
      return;
    }
    const end = dialEnd(message);
    if (end !== null) this.dialEnded(end);
  }

  private dialStarted(caller: DialLeg | null, dest: DialLeg, message: AmiMessage): void {
    if (caller !== null) this.channels.note(caller.uniqueid, caller.name, caller.linkedid);
    this.channels.note(dest.uniqueid, dest.name, dest.linkedid);
    if (caller !== null) this.channels.link(dest.uniqueid, caller.uniqueid);
    const agentCalls = caller !== null && this.isWatched(caller.name);
    const agentCalled = this.isWatched(dest.name);
    if (!agentCalls && !agentCalled) return;
    const existing =
      (caller === null ? undefined : this.calls.ofAnchor(caller.uniqueid)) ??
      this.calls.ofAnchor(dest.uniqueid) ??
      this.calls.ofRoot(this.channels.rootOf(dest.uniqueid));
    if (existing !== undefined) {
      // Another leg of a call already announced: a second device, or the agent's leg of an Originate.
      if (agentCalled && !agentCalls) this.attach(existing, dest);
      if (caller !== null && !agentCalls) existing.remoteLegs.add(caller.uniqueid);
      return;
    }
    if (agentCalls) {
      const clues = [
        this.channels.get(caller.uniqueid)?.dialled,
        field(message, 'Exten'),
        caller.connectedNumber,
        field(message, 'DialString'),
      ];
      const number = outgoingNumber(clues, this.ownNumber);
      this.start('outgoing', this.channels.rootOf(caller.uniqueid), caller, number, number);
    } else {
      const root = this.channels.rootOf(dest.uniqueid);
      const party =
        caller === null
          ? partyOf(dest.connectedNumber, undefined)
          : partyOf(
              caller.callerIdNumber,
              caller.callerIdName,
              this.channels.get(caller.uniqueid)?.callingPres,
            );
      const call = this.calls.add('incoming', root, party.remote, '', party);
      if (call === null) return;
      if (caller !== null) call.remoteLegs.add(caller.uniqueid);
      if (party.presentation !== 'allowed')
        // The raw caller ID (a number the trunk delivered with the call withheld) is for the admin only.
        this.options.note?.({
          callId: call.callId,
          note: `number ${party.presentation}`,
          detail: { CallerIDNum: (caller?.callerIdNumber ?? dest.connectedNumber ?? '').slice(0, 64) },
        });
      call.queue = this.details.queueOf([...(caller === null ? [] : [caller.uniqueid]), root]);
      if (message.event?.toLowerCase() === 'dial' && caller !== null) call.lateDialEnd = caller.uniqueid;
      this.attach(call, dest);
      this.calls.announce(call);
    }
  }

  private dialEnded({ caller, dest, destName, destCallerName, status, forward }: DialEnd): void {
    const answered = status?.toUpperCase() === 'ANSWER';
    const agentLeg = dest === undefined ? undefined : this.calls.ofAnchor(dest);
    if (agentLeg !== undefined) {
      if (agentLeg.kind === 'incoming') this.details.forwarded(agentLeg, forward);
      if (agentLeg.kind === 'incoming' && answered) this.calls.connect(agentLeg);
      else if (agentLeg.kind === 'originate' && answered) agentLeg.originLegs.add(dest ?? '');
      else if (agentLeg.kind !== 'outgoing' && !answered) this.failedDial(agentLeg, status);
      return;
    }
    if (caller === undefined) return;
    const late = this.lateDialEnds.get(caller);
    if (late !== undefined) {
      // Asterisk 11: the Dial end of a call whose ringing leg already hung up says why it ended.
      this.lateDialEnds.delete(caller);
      this.failedDial(late.call, status);
      this.finish(late.call, late.cause, late.call.dialCause ?? late.cause);
      return;
    }
    const call = this.calls.ofAnchor(caller) ?? this.calls.ofRoot(this.channels.rootOf(caller));
    if (call === undefined) return;
    const name = destName ?? (dest === undefined ? undefined : this.channels.get(dest)?.name);
    if (call.kind === 'incoming' && answered) this.details.answeredElsewhere(call, name, destCallerName);
    if (call.kind === 'incoming' && !answered && call.lateDialEnd === caller) this.failedDial(call, status);
    const farSide =
      call.kind === 'outgoing'
        ? call.anchors.has(caller)
        : call.kind === 'originate' && (name === undefined ? call.anchors.has(caller) : this.isFarSide(name));
    if (!farSide) return;
    if (answered) this.calls.connect(call);
    else this.failedDial(call, status);
  }

  private bridged(
    uniqueid: string | undefined,
    name: string | undefined,
    linkedid: string | undefined,
  ): void {
    if (uniqueid === undefined) return;
    const record = this.channels.note(uniqueid, name, linkedid);
    const call = this.calls.ofAnchor(uniqueid);
    if (call !== undefined && call.kind !== 'originate') this.calls.connect(call);
    const originate = this.calls.ofRoot(record.root);
    if (originate?.kind === 'originate' && this.isFarSide(record.name)) this.calls.connect(originate);
  }

  private localBridge(message: AmiMessage): void {
    const one = field(message, 'LocalOneUniqueid') ?? field(message, 'Uniqueid1');
    const two = field(message, 'LocalTwoUniqueid') ?? field(message, 'Uniqueid2');
    if (one === undefined || two === undefined) return;
    this.channels.note(one, field(message, 'LocalOneChannel') ?? field(message, 'Channel1'), undefined);
    this.channels.note(two, field(message, 'LocalTwoChannel') ?? field(message, 'Channel2'), undefined);
    this.channels.link(two, one);
  }

  private rename(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    const name = field(message, 'Newname');
    if (uniqueid === undefined || name === undefined) return;
    this.channels.note(uniqueid, name, undefined);
    this.calls.ofAnchor(uniqueid)?.anchors.set(uniqueid, name);
  }

  private hangup(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    this.channels.remove(uniqueid);
    this.details.hungUp(uniqueid);
    const late = this.lateDialEnds.get(uniqueid);
    if (late !== undefined) {
      this.lateDialEnds.delete(uniqueid);
      this.finish(late.call, late.cause, late.call.dialCause ?? late.cause);
    }
    const call = this.calls.ofAnchor(uniqueid);
    if (call === undefined) return;
    const last = this.calls.detach(call, uniqueid);
    // The agent's end of a call still being placed hung up: the dial is over (see the invariants).
    // Not a masquerade leftover (Asterisk 11: the phone's old leg hangs up as `…<ZOMBIE>` while
    // the phone lives on in the Originate's channel).
    const agentLeft =
      !call.connected &&
      call.kind !== 'incoming' &&
      call.originLegs.has(uniqueid) &&
      !/<(ZOMBIE|MASQ)>$/i.test(field(message, 'Channel') ?? '');
    if (!last && !agentLeft) return;
    const cause = field(message, 'Cause');
    const named = hangupCauseName(cause) ?? undefined;
    const dialCause = call.dialCause ?? undefined;
    const generic = !call.connected && isGenericCause(cause);
    // Asterisk 11 says why an unanswered dial ended only after its ringing leg hung up: wait for it.
    const waitFor = call.lateDialEnd;
    if (
      generic &&
      dialCause === undefined &&
      waitFor !== null &&
      call.kind === 'incoming' &&
      this.channels.get(waitFor) !== undefined
    ) {
      this.lateDialEnds.set(waitFor, { call, cause: named });
      return;
    }
    this.finish(call, named, generic ? (dialCause ?? named) : (named ?? dialCause));
  }

  /** Ends `call` with `cause`, and what became of it where Asterisk said (`hangupCause`: its leg's). */
  private finish(call: AmiCall, hangupCause: string | undefined, cause: string | undefined): void {
    this.calls.end(call, cause, this.details.outcomeOf(call, cause ?? hangupCause));
  }

  /** A new outgoing call, its leg attached before it is announced (so a listener can already refuse it). */
  private start(kind: 'outgoing', root: string, leg: DialLeg, remote: string, dialled: string): void {
    const call = this.calls.add(kind, root, remote, dialled);
    if (call === null) return;
    call.originLegs.add(leg.uniqueid);
    this.attach(call, leg);
    this.calls.announce(call);
  }

  private attach(call: AmiCall, leg: DialLeg): void {
    this.calls.attach(call, leg.uniqueid, leg.name, this.channels.rootOf(leg.uniqueid));
  }

  /** A channel whose answer means the far side of an Originate picked up. */
  private isFarSide(name: string): boolean {
    return name !== '' && !this.isWatched(name) && !isLocalChannel(name);
  }

  private failedDial(call: AmiCall, status: string | undefined): void {
    const cause = dialStatusCause(status);
    if (cause !== null && !call.connected) call.dialCause = cause;
  }
}
