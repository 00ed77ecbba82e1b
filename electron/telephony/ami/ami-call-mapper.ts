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
 * - The end cause is the Q.850 cause of the last leg's `Hangup`, except for a call never
 *   answered, where a generic cause (normal clearing) gives way to the failed dial's status
 *   (`noAnswer`, `busy`, `cancel`), while a specific one (`answeredElsewhere`) stands.
 * - Hostile input cannot grow memory: oversized fields are ignored (see `field`), at most
 *   `maxCalls` calls and `maxChannels` channels are held, events Ringdesk does not use are dropped.
 */
import type { LineEvent } from '../line-provider.js';
import { AmiCallBook, type AmiCall } from './ami-call-book.js';
import { dialStatusCause, hangupCauseName, isGenericCause } from './ami-causes.js';
import { isLocalChannel, originatedChannelMatcher, watchedChannelMatcher } from './ami-channel-names.js';
import { ChannelTable } from './ami-channel-table.js';
import { dialBegin, dialEnd, outgoingNumber, remoteNumber, type DialLeg } from './ami-dial-events.js';
import { field } from './ami-fields.js';
import type { AmiMessage } from './ami-message.js';

/** What the mapper needs: the line to watch, Ringdesk's Originate channel, where events go. */
export interface AmiCallMapperOptions {
  /** The agent's line as in the settings (`12`, `PJSIP/12`). */
  readonly line: string;
  /** The channel Ringdesk's `Originate` rings first (to recognise it on Asterisk 11). */
  readonly originateChannel: string;
  readonly emit: (event: LineEvent) => void;
  /** Most calls held at once (default 64); more are ignored. */
  readonly maxCalls?: number;
  /** Most channels remembered (default 4096). */
  readonly maxChannels?: number;
}

/** AMI events in, the agent's calls out as LineEvents (see the file comment for the rules). */
export class AmiCallMapper {
  private readonly channels: ChannelTable;
  private readonly calls: AmiCallBook;
  private readonly isWatched: (channel: string) => boolean;
  private readonly isOriginated: (channel: string) => boolean;
  private readonly ownNumber: string;

  constructor(private readonly options: AmiCallMapperOptions) {
    this.channels = new ChannelTable(options.maxChannels ?? 4096);
    this.calls = new AmiCallBook(options.line, options.emit, options.maxCalls ?? 64);
    this.isWatched = watchedChannelMatcher(options.line);
    this.isOriginated = originatedChannelMatcher(options.originateChannel);
    this.ownNumber = options.line.slice(options.line.indexOf('/') + 1);
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
    return this.calls.ringingLegs(callId);
  }

  /** Forgets every call and channel, announcing nothing (the connection is gone). */
  reset(): void {
    this.calls.clear();
    this.channels.clear();
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
    if (own?.kind === 'originate' && !own.ended) this.calls.attach(own, uniqueid, name, record.root);
  }

  private newstate(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    this.channels.note(uniqueid, field(message, 'Channel'), field(message, 'Linkedid'));
    const call = this.calls.ofAnchor(uniqueid);
    if (call?.kind === 'incoming' && field(message, 'ChannelState') === '6') this.calls.connect(call);
  }

  private dial(message: AmiMessage): void {
    const begin = dialBegin(message);
    if (begin !== null) {
      this.dialStarted(begin.caller, begin.dest, message);
      return;
    }
    const end = dialEnd(message);
    if (end !== null) this.dialEnded(end.caller, end.dest, end.destName, end.status);
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
      const remote = remoteNumber(caller === null ? dest.connectedNumber : caller.callerIdNumber);
      this.start('incoming', this.channels.rootOf(dest.uniqueid), dest, remote, '');
    }
  }

  private dialEnded(
    caller: string | undefined,
    dest: string | undefined,
    destName: string | undefined,
    status: string | undefined,
  ): void {
    const answered = status?.toUpperCase() === 'ANSWER';
    const agentLeg = dest === undefined ? undefined : this.calls.ofAnchor(dest);
    if (agentLeg !== undefined) {
      if (agentLeg.kind === 'incoming' && answered) this.calls.connect(agentLeg);
      else if (agentLeg.kind !== 'outgoing' && !answered) this.failedDial(agentLeg, status);
      return;
    }
    if (caller === undefined) return;
    const call = this.calls.ofAnchor(caller) ?? this.calls.ofRoot(this.channels.rootOf(caller));
    if (call === undefined) return;
    const name = destName ?? (dest === undefined ? undefined : this.channels.get(dest)?.name);
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
    const call = this.calls.ofAnchor(uniqueid);
    if (call === undefined || !this.calls.detach(call, uniqueid)) return;
    const cause = field(message, 'Cause');
    const named = hangupCauseName(cause) ?? undefined;
    const dialCause = call.dialCause ?? undefined;
    this.calls.end(
      call,
      !call.connected && isGenericCause(cause) ? (dialCause ?? named) : (named ?? dialCause),
    );
  }

  /** A new call, its leg attached before it is announced (so a listener can already refuse it). */
  private start(
    kind: 'incoming' | 'outgoing',
    root: string,
    leg: DialLeg,
    remote: string,
    dialled: string,
  ): void {
    const call = this.calls.add(kind, root, remote, dialled);
    if (call === null) return;
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
