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
 * The parts: dials (`ami-dial-mapping.ts`: where calls start and are answered), ends
 * (`ami-call-ends.ts`: hangups and Asterisk 11's late `Dial` end), details
 * (`ami-call-details.ts`: party changes, presentation, outcome, queues); this class reads the
 * channel events and Ringdesk's own Originate.
 *
 * Invariants (with those of {@link AmiCallBook} and of the parts):
 * - A call being placed that is not connected MUST end when the agent's end of it hangs up,
 *   never waiting for the dialplan's other channels (see `ami-call-ends.ts`): a dial to an
 *   application such as FreePBX's echo test `*43` ends when the agent hangs up.
 * - Hostile input cannot grow memory: oversized fields are ignored (see `field`), at most
 *   `maxCalls` calls and `maxChannels` channels are held, events Ringdesk does not use are dropped.
 */
import type { LineEvent } from '../line-provider.js';
import { AmiCallBook } from './ami-call-book.js';
import { AmiCallDetails, type AmiLineNote } from './ami-call-details.js';
import { AmiCallEnds } from './ami-call-ends.js';
import { originatedChannelMatcher, watchedChannelMatcher } from './ami-channel-names.js';
import { ChannelTable } from './ami-channel-table.js';
import { remoteNumber } from './ami-dial-events.js';
import { AmiDialMapping } from './ami-dial-mapping.js';
import { field } from './ami-fields.js';
import { isFarSide, type AmiMapperContext } from './ami-mapper-context.js';
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
  private readonly context: AmiMapperContext;
  private readonly dials: AmiDialMapping;
  private readonly ends: AmiCallEnds;

  constructor(options: AmiCallMapperOptions) {
    const calls = new AmiCallBook(options.line, options.emit, options.maxCalls ?? 64);
    const channels = new ChannelTable(options.maxChannels ?? 4096);
    const isWatched = watchedChannelMatcher(options.device ?? options.line);
    const ownNumber = options.ownNumber ?? options.line.slice(options.line.indexOf('/') + 1);
    const note = options.note ?? (() => undefined);
    const details = new AmiCallDetails({
      calls,
      channels,
      isWatched,
      ownNumber,
      abandonedQueues: options.abandonedQueues ?? new Set(),
      note,
    });
    const isOriginated = originatedChannelMatcher(options.originateChannel);
    this.context = { calls, channels, details, isWatched, isOriginated, ownNumber, note };
    this.ends = new AmiCallEnds(this.context);
    this.dials = new AmiDialMapping(this.context, this.ends);
  }

  /** What is held, to check the bounds. */
  get stats(): { readonly channels: number; readonly calls: number } {
    return { channels: this.context.channels.size, calls: this.context.calls.size };
  }

  /** Reads one AMI event; anything else (and any event it does not use) is ignored. */
  handle(message: AmiMessage): void {
    const { details } = this.context;
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
        this.dials.dial(message);
        break;
      case 'dialstate':
        this.dials.dialState(message);
        break;
      case 'bridgeenter':
        this.bridged(field(message, 'Uniqueid'), field(message, 'Channel'), field(message, 'Linkedid'));
        break;
      case 'bridge':
        if (field(message, 'Bridgestate')?.toLowerCase() !== 'link') break;
        this.bridged(field(message, 'Uniqueid1'), field(message, 'Channel1'), undefined);
        this.bridged(field(message, 'Uniqueid2'), field(message, 'Channel2'), undefined);
        details.bridgeLink(message);
        break;
      case 'newcallerid':
        details.callerId(message);
        break;
      case 'newconnectedline':
        details.connectedLine(message);
        break;
      case 'queuecallerjoin':
      case 'join':
        details.queueJoin(message);
        break;
      case 'queuecallerabandon':
        details.queueAbandon(message);
        break;
      case 'agentconnect':
        details.agentConnect(message);
        break;
      case 'localbridge':
        this.localBridge(message);
        break;
      case 'rename':
        this.rename(message);
        break;
      case 'hangup':
        this.ends.hangup(message);
        break;
      default:
        break;
    }
  }

  /** Holds Ringdesk's own Originate, silent until accepted. False when too many calls are held. */
  expectOriginate(callId: string, number: string, dialable: string): boolean {
    return this.context.calls.add('originate', callId, number, dialable) !== null;
  }

  /** Asterisk accepted the Originate: the call is announced (and caught up). */
  announceOriginate(callId: string): void {
    const call = this.context.calls.get(callId);
    if (call !== undefined) this.context.calls.announce(call);
  }

  /** `OriginateResponse: Success`: its Uniqueid is the originated channel (Asterisk 11's only clue). */
  originateAnswered(callId: string, uniqueid: string | undefined, channel: string | undefined): void {
    const { calls, channels } = this.context;
    const call = calls.get(callId);
    if (call === undefined || call.ended || uniqueid === undefined || call.anchors.has(uniqueid)) return;
    const name = channel ?? channels.get(uniqueid)?.name ?? '';
    call.originLegs.add(uniqueid);
    calls.attach(call, uniqueid, name, channels.rootOf(uniqueid));
  }

  /** The Originate failed or was refused: a call not yet announced vanishes, else it ends. */
  originateFailed(callId: string, cause: string): void {
    const { calls } = this.context;
    const call = calls.get(callId);
    if (call === undefined) return;
    if (call.announced) calls.end(call, cause);
    else calls.drop(call);
  }

  /** Asterisk never said how the Originate went: a call with no channel seen ends as `unknown`. */
  originateUnresolved(callId: string): void {
    const call = this.context.calls.get(callId);
    if (call?.awaitingChannel === true) this.context.calls.end(call, 'unknown');
  }

  /**
   * The channel names of the agent's ringing legs of incoming call `callId`, to refuse them.
   * @throws AmiCallError (see {@link AmiCallBook.ringingLegs}) when it is not ringing.
   */
  ringingLegs(callId: string): string[] {
    const { calls, details } = this.context;
    const legs = calls.ringingLegs(callId);
    // Refused by Ringdesk (a blocked caller): it rang here, as far as the agent is concerned.
    const call = calls.get(callId);
    if (call !== undefined) details.rang(call);
    return legs;
  }

  /** Forgets every call and channel, announcing nothing (the connection is gone). */
  reset(): void {
    this.context.calls.clear();
    this.context.channels.clear();
    this.context.details.clear();
    this.ends.clear();
  }

  private newchannel(message: AmiMessage): void {
    const { calls, channels, isWatched, isOriginated } = this.context;
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    const name = field(message, 'Channel') ?? '';
    const linkedid = field(message, 'Linkedid');
    const record = channels.note(uniqueid, name, linkedid);
    if (isWatched(name)) record.dialled = remoteNumber(field(message, 'Exten'));
    // Asterisk 13+ gives the Originate's channel its ChannelId; Asterisk 11 ignores it, so the
    // first new root channel named as originated is taken for the oldest Originate waiting.
    let own = calls.get(uniqueid);
    if (own?.kind !== 'originate' && isOriginated(name) && (linkedid ?? uniqueid) === uniqueid)
      own = [...calls.all()].find((call) => call.awaitingChannel);
    if (own?.kind === 'originate' && !own.ended) {
      if (own.awaitingChannel) own.originLegs.add(uniqueid);
      calls.attach(own, uniqueid, name, record.root);
    }
  }

  private newstate(message: AmiMessage): void {
    const { calls, channels, details, isWatched } = this.context;
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    channels.note(uniqueid, field(message, 'Channel'), field(message, 'Linkedid'));
    const call = calls.ofAnchor(uniqueid);
    const state = field(message, 'ChannelState');
    // The agent picked up the phone for Ringdesk's Originate: that leg is the agent's end of it.
    if (call?.kind === 'originate' && state === '6' && isWatched(call.anchors.get(uniqueid) ?? ''))
      call.originLegs.add(uniqueid);
    if (call?.kind !== 'incoming') return;
    if (state === '5') details.rang(call);
    if (state === '6') calls.connect(call);
  }

  private bridged(
    uniqueid: string | undefined,
    name: string | undefined,
    linkedid: string | undefined,
  ): void {
    const { calls, channels } = this.context;
    if (uniqueid === undefined) return;
    const record = channels.note(uniqueid, name, linkedid);
    const call = calls.ofAnchor(uniqueid);
    if (call !== undefined && call.kind !== 'originate') calls.connect(call);
    const originate = calls.ofRoot(record.root);
    if (originate?.kind === 'originate' && isFarSide(this.context, record.name)) calls.connect(originate);
  }

  private localBridge(message: AmiMessage): void {
    const { channels } = this.context;
    const one = field(message, 'LocalOneUniqueid') ?? field(message, 'Uniqueid1');
    const two = field(message, 'LocalTwoUniqueid') ?? field(message, 'Uniqueid2');
    if (one === undefined || two === undefined) return;
    channels.note(one, field(message, 'LocalOneChannel') ?? field(message, 'Channel1'), undefined);
    channels.note(two, field(message, 'LocalTwoChannel') ?? field(message, 'Channel2'), undefined);
    channels.link(two, one);
  }

  private rename(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    const name = field(message, 'Newname');
    if (uniqueid === undefined || name === undefined) return;
    this.context.channels.note(uniqueid, name, undefined);
    this.context.calls.ofAnchor(uniqueid)?.anchors.set(uniqueid, name);
  }
}
