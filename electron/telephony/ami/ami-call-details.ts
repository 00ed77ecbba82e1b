/**
 * What Asterisk says about the agent's calls beyond their legs: the remote party changing
 * (`NewCallerid` on the caller's channel, `NewConnectedLine` on the agent's, Asterisk 11's
 * `Bridge` link with `CallerID1`/`CallerID2`), the presentation (`CID-CallingPres`), whether the
 * agent's phone rang (`Newstate` 5, `DialState: RINGING`) or forwarded the call (`Forward`), who
 * answered it elsewhere (a dial `ANSWER`ed at another phone, `AgentConnect`), and queues:
 * `QueueCallerJoin` (Asterisk 11: `Join`) names the queue a call rings from, `QueueCallerAbandon`
 * is a caller who gave up, journaled for the queues the settings name.
 *
 * Invariants:
 * - A withheld caller's number never reaches the Companion; it goes to the line log only.
 * - Bounded: at most `maxQueued` queue callers are remembered (oldest forgotten first); a caller
 *   is forgotten at its `Hangup`.
 */
import type { AmiCall } from './ami-call.js';
import type { AmiCallBook } from './ami-call-book.js';
import type { ChannelTable } from './ami-channel-table.js';
import { field } from './ami-fields.js';
import type { AmiMessage } from './ami-message.js';
import { answererOf, partyOf, presentationOfCallingPres, rejectionOf } from './ami-party.js';
import type { CallOutcome } from '../line-provider.js';

/** One note for the line log (`ringdesk provider log`): what Asterisk said that the popup does not show. */
export interface AmiLineNote {
  readonly callId: string;
  readonly note: string;
  readonly detail: Readonly<Record<string, string>>;
}

/** What the details need: the mapper's calls and channels, the phone test, queues to journal, the line log. */
export interface AmiCallDetailsOptions {
  readonly calls: AmiCallBook;
  readonly channels: ChannelTable;
  readonly isWatched: (channel: string) => boolean;
  /** The agent's own number (to ignore the agent's own caller ID). */
  readonly ownNumber: string;
  /** Queues whose abandoned callers are journaled ("abandoned in queue Support"). */
  readonly abandonedQueues: ReadonlySet<string>;
  readonly note: (note: AmiLineNote) => void;
  readonly maxQueued?: number;
}

interface QueueCaller {
  readonly queue: string;
  readonly number: string | undefined;
  readonly name: string | undefined;
}

/** Party, presentation, outcome and queue details of the agent's calls (see the file comment). */
export class AmiCallDetails {
  /** Callers waiting in (or answered from) a queue, by their channel's uniqueid. */
  private readonly queued = new Map<string, QueueCaller>();

  constructor(private readonly options: AmiCallDetailsOptions) {}

  /** `NewCallerid`: a caller's number, name or presentation changed (or arrived late). */
  callerId(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    const pres = presentationOfCallingPres(field(message, 'CID-CallingPres'));
    this.options.channels.note(uniqueid, field(message, 'Channel'), field(message, 'Linkedid')).callingPres =
      pres;
    // The agent's own phone (Asterisk 11 may move a caller's uniqueid onto it in a masquerade).
    if (this.options.isWatched(field(message, 'Channel') ?? '')) return;
    const call = this.callOfRemote(uniqueid);
    if (call?.kind !== 'incoming') return;
    this.setParty(call, field(message, 'CallerIDNum'), field(message, 'CallerIDName'), pres, message);
  }

  /** `NewConnectedLine` on one of the agent's legs: who the agent's phone is connected to now. */
  connectedLine(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    const call = uniqueid === undefined ? undefined : this.options.calls.ofAnchor(uniqueid);
    if (call === undefined || !this.options.isWatched(call.anchors.get(uniqueid ?? '') ?? '')) return;
    // Before the call is answered the connected line is the caller (or the dialled number) as
    // already reported, or the agent's own phone for a call Ringdesk placed: only a change counts.
    if (call.kind === 'originate' && !call.connected) return;
    const number = field(message, 'ConnectedLineNum');
    if (
      number === undefined ||
      number.trim() === '' ||
      number === '<unknown>' ||
      number === this.options.ownNumber
    )
      return;
    this.setParty(call, number, field(message, 'ConnectedLineName'), null, message);
  }

  /** Asterisk 11's `Bridge` link: the agent's leg bridged to a party other than the one reported. */
  bridgeLink(message: AmiMessage): void {
    for (const [mine, theirs] of [
      ['1', '2'],
      ['2', '1'],
    ] as const) {
      const uniqueid = field(message, `Uniqueid${mine}`);
      if (uniqueid === undefined) continue;
      const caller = this.callOfRemote(uniqueid);
      // The caller bridged with a phone that is not the agent's: answered there.
      if (
        caller !== undefined &&
        this.options.calls.ofAnchor(field(message, `Uniqueid${theirs}`) ?? '') !== caller
      )
        this.answeredElsewhere(caller, field(message, `Channel${theirs}`), undefined);
      const call = this.options.calls.ofAnchor(uniqueid);
      if (call === undefined || call.kind === 'originate') continue;
      const number = field(message, `CallerID${theirs}`);
      if (number === undefined || number === '' || number === this.options.ownNumber) continue;
      this.setParty(call, number, undefined, null, message);
    }
  }

  /** One of the agent's legs rings (`Newstate` 5, `DialState: RINGING`). */
  rang(call: AmiCall): void {
    call.rang = true;
  }

  /** `DialState`/`DialEnd` with `Forward`: the agent's phone forwarded the call. */
  forwarded(call: AmiCall, to: string | undefined): void {
    if (to === undefined || to.trim() === '' || call.connected) return;
    call.forwardedTo = to.trim().slice(0, 64);
  }

  /** Another phone answered a call that rang here (a ring group's dial, a queue member). */
  answeredElsewhere(call: AmiCall, channel: string | undefined, name: string | undefined): void {
    if (call.kind !== 'incoming' || call.connected || call.answeredElsewhere !== null) return;
    if (channel !== undefined && this.options.isWatched(channel)) return;
    const who = answererOf(channel, name);
    // The agent's own Local helper (`Local/12@from-queue-…;1`) answering is the agent's phone.
    if (who?.number === this.options.ownNumber) return;
    call.answeredElsewhere = who ?? {};
  }

  /**
   * What became of an incoming call that was not answered here: answered elsewhere, forwarded,
   * or refused before it rang; undefined when it rang here (missed) or nothing is known.
   */
  outcomeOf(call: AmiCall, cause: string | undefined): CallOutcome | undefined {
    if (call.kind !== 'incoming' || call.connected) return undefined;
    const by = call.answeredElsewhere;
    if (by !== null)
      return Object.keys(by).length === 0 ? { kind: 'answeredElsewhere' } : { kind: 'answeredElsewhere', by };
    if (cause === 'answeredElsewhere') return { kind: 'answeredElsewhere' };
    if (call.forwardedTo !== null) return { kind: 'forwarded', to: call.forwardedTo };
    if (call.rang) return undefined;
    return rejectionOf(call.dialCause ?? cause) ?? undefined;
  }

  /** `QueueCallerJoin` / Asterisk 11's `Join`: a caller waits in a queue. */
  queueJoin(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    const queue = field(message, 'Queue');
    if (uniqueid === undefined || queue === undefined || queue === '') return;
    if (this.queued.size >= (this.options.maxQueued ?? 1024)) {
      const oldest = this.queued.keys().next();
      if (oldest.done !== true) this.queued.delete(oldest.value);
    }
    this.queued.set(uniqueid, {
      queue: queue.slice(0, 80),
      number: field(message, 'CallerIDNum'),
      name: field(message, 'CallerIDName'),
    });
  }

  /** The queue a call's caller waits in, if any (for a queue call ringing here). */
  queueOf(uniqueids: Iterable<string>): string | undefined {
    for (const uniqueid of uniqueids) {
      const queue = this.queued.get(uniqueid)?.queue;
      if (queue !== undefined) return queue;
    }
    return undefined;
  }

  /** `AgentConnect`: a queue member answered; if it is not this agent, the call was answered elsewhere. */
  agentConnect(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    const call = this.options.calls.ofRoot(this.options.channels.rootOf(uniqueid));
    if (call === undefined || call.kind !== 'incoming' || call.connected) return;
    // The member: `Interface` (12+) or `Member` (11), `PJSIP/7003` or `Local/7003@from-queue/n`;
    // its channel: `DestChannel` (12+) or `Channel` (11).
    const member = (field(message, 'Interface') ?? field(message, 'Member') ?? '')
      .split('/')[1]
      ?.split('@')[0];
    const channel = field(message, 'DestChannel') ?? field(message, 'Channel');
    if (member === this.options.ownNumber || (channel !== undefined && this.options.isWatched(channel)))
      return;
    const name = field(message, 'MemberName')?.trim().slice(0, 80);
    call.answeredElsewhere = {
      ...(name === undefined || name === '' ? {} : { name }),
      ...(member === undefined || member === '' ? {} : { number: member.slice(0, 64) }),
    };
  }

  /** `QueueCallerAbandon`: a caller gave up; journaled when the queue is one the settings name. */
  queueAbandon(message: AmiMessage): void {
    const uniqueid = field(message, 'Uniqueid');
    const queue = field(message, 'Queue');
    if (uniqueid === undefined || queue === undefined) return;
    const caller = this.queued.get(uniqueid);
    this.queued.delete(uniqueid);
    if (!this.options.abandonedQueues.has(queue)) return;
    const root = this.options.channels.rootOf(uniqueid);
    // A call that rang here ends on its own (missed); only one that never did is journaled here.
    if (this.options.calls.ofRoot(root) !== undefined) return;
    const party = partyOf(
      field(message, 'CallerIDNum') ?? caller?.number,
      field(message, 'CallerIDName') ?? caller?.name,
      this.options.channels.get(uniqueid)?.callingPres ?? null,
    );
    this.options.calls.journalOnly(root, party, queue.slice(0, 80), {
      kind: 'abandoned',
      queue: queue.slice(0, 80),
    });
  }

  /** A channel hung up: a queue caller is forgotten. */
  hungUp(uniqueid: string): void {
    this.queued.delete(uniqueid);
  }

  /** Forgets everything (the connection is gone). */
  clear(): void {
    this.queued.clear();
  }

  /** The incoming call whose caller (remote side) channel `uniqueid` is. */
  private callOfRemote(uniqueid: string): AmiCall | undefined {
    const call = this.options.calls.ofRoot(this.options.channels.rootOf(uniqueid));
    if (call === undefined) return undefined;
    return call.remoteLegs.has(uniqueid) || call.roots.has(uniqueid) ? call : undefined;
  }

  private setParty(
    call: AmiCall,
    number: string | undefined,
    name: string | undefined,
    pres: ReturnType<typeof presentationOfCallingPres>,
    message: AmiMessage,
  ): void {
    const party = partyOf(number, name, pres);
    const before = { remote: call.remote, presentation: call.presentation, name: call.name ?? '' };
    if (!this.options.calls.update(call, party)) return;
    this.options.note({
      callId: call.callId,
      note: 'party changed',
      detail: {
        event: field(message, 'Event') ?? '',
        from: `${before.remote || before.presentation}${before.name === '' ? '' : ` "${before.name}"`}`,
        to: `${party.remote || party.presentation}${party.name === undefined ? '' : ` "${party.name}"`}`,
        ...(party.presentation === 'withheld' ? { delivered: (number ?? '').slice(0, 64) } : {}),
        ...(pres === null ? {} : { 'CID-CallingPres': field(message, 'CID-CallingPres') ?? '' }),
      },
    });
  }
}
