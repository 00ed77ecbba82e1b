/**
 * Dials that touch the agent's phone, Asterisk 12+ (`DialBegin`, `DialState`, `DialEnd`) and
 * Asterisk 11 (`Dial` begin/end) alike: where calls start and where they are answered.
 *
 * - Someone dials one of the phone's legs → a new incoming call, `offering` (the caller's
 *   `CallerIDNum`, its presentation, the queue it rings from); another leg of a call already
 *   known (a second device, the phone's leg of an Originate) joins that call.
 * - One of the phone's legs dials someone → a new outgoing call, `dialing` (the number dialled).
 * - A dial ends: the phone's leg answered (connected), another phone answered a call that rang
 *   here (answered elsewhere, and by whom), the far side of a call being placed answered
 *   (connected), or a failed dial's status (kept as the cause of a call never answered).
 *
 * Invariant: a new call's leg is attached before the call is announced, so a listener can
 * already refuse it.
 */
import type { AmiCall } from './ami-call.js';
import type { AmiCallEnds } from './ami-call-ends.js';
import { dialBegin, dialEnd, outgoingNumber, type DialEnd, type DialLeg } from './ami-dial-events.js';
import { field } from './ami-fields.js';
import { attachLeg, failedDial, isFarSide, type AmiMapperContext } from './ami-mapper-context.js';
import type { AmiMessage } from './ami-message.js';
import { partyOf } from './ami-party.js';

/** Reads the dial events (see the file comment). */
export class AmiDialMapping {
  constructor(
    private readonly context: AmiMapperContext,
    private readonly ends: AmiCallEnds,
  ) {}

  /** `DialBegin`, `DialEnd` or Asterisk 11's `Dial`. */
  dial(message: AmiMessage): void {
    const begin = dialBegin(message);
    if (begin !== null) {
      this.started(begin.caller, begin.dest, message);
      return;
    }
    const end = dialEnd(message);
    if (end !== null) this.ended(end);
  }

  /** `DialState` (Asterisk 12+): the agent's leg rings, or its phone forwarded the call. */
  dialState(message: AmiMessage): void {
    const { calls, details } = this.context;
    const dest = field(message, 'DestUniqueid');
    const call = dest === undefined ? undefined : calls.ofAnchor(dest);
    if (call?.kind !== 'incoming') return;
    if (field(message, 'DialStatus')?.toUpperCase() === 'RINGING') details.rang(call);
    details.forwarded(call, field(message, 'Forward'));
  }

  private started(caller: DialLeg | null, dest: DialLeg, message: AmiMessage): void {
    const { calls, channels, isWatched } = this.context;
    if (caller !== null) channels.note(caller.uniqueid, caller.name, caller.linkedid);
    channels.note(dest.uniqueid, dest.name, dest.linkedid);
    if (caller !== null) channels.link(dest.uniqueid, caller.uniqueid);
    const agentCalls = caller !== null && isWatched(caller.name);
    const agentCalled = isWatched(dest.name);
    if (!agentCalls && !agentCalled) return;
    const existing =
      (caller === null ? undefined : calls.ofAnchor(caller.uniqueid)) ??
      calls.ofAnchor(dest.uniqueid) ??
      calls.ofRoot(channels.rootOf(dest.uniqueid));
    if (existing !== undefined) {
      // Another leg of a call already announced: a second device, or the agent's leg of an Originate.
      if (agentCalled && !agentCalls) attachLeg(this.context, existing, dest);
      if (caller !== null && !agentCalls) existing.remoteLegs.add(caller.uniqueid);
      return;
    }
    if (agentCalls) this.outgoing(caller, message);
    else this.incoming(caller, dest, message);
  }

  /** A new call the phone dialled: its number from the best clue (see `outgoingNumber`). */
  private outgoing(caller: DialLeg, message: AmiMessage): void {
    const { calls, channels, ownNumber } = this.context;
    const clues = [
      channels.get(caller.uniqueid)?.dialled,
      field(message, 'Exten'),
      caller.connectedNumber,
      field(message, 'DialString'),
    ];
    const number = outgoingNumber(clues, ownNumber);
    const call = calls.add('outgoing', channels.rootOf(caller.uniqueid), number, number);
    if (call === null) return;
    call.originLegs.add(caller.uniqueid);
    attachLeg(this.context, call, caller);
    calls.announce(call);
  }

  /** A new call to the phone: the caller's party (withheld numbers go to the line log only). */
  private incoming(caller: DialLeg | null, dest: DialLeg, message: AmiMessage): void {
    const { calls, channels, details } = this.context;
    const root = channels.rootOf(dest.uniqueid);
    const party =
      caller === null
        ? partyOf(dest.connectedNumber, undefined)
        : partyOf(caller.callerIdNumber, caller.callerIdName, channels.get(caller.uniqueid)?.callingPres);
    const call = calls.add('incoming', root, party.remote, '', party);
    if (call === null) return;
    if (caller !== null) call.remoteLegs.add(caller.uniqueid);
    if (party.presentation !== 'allowed')
      // The raw caller ID (a number the trunk delivered with the call withheld) is for the admin only.
      this.context.note({
        callId: call.callId,
        note: `number ${party.presentation}`,
        detail: { CallerIDNum: (caller?.callerIdNumber ?? dest.connectedNumber ?? '').slice(0, 64) },
      });
    call.queue = details.queueOf([...(caller === null ? [] : [caller.uniqueid]), root]);
    if (message.event?.toLowerCase() === 'dial' && caller !== null) call.lateDialEnd = caller.uniqueid;
    attachLeg(this.context, call, dest);
    calls.announce(call);
  }

  private ended({ caller, dest, destName, destCallerName, status, forward }: DialEnd): void {
    const { calls, channels, details } = this.context;
    const answered = status?.toUpperCase() === 'ANSWER';
    const agentLeg = dest === undefined ? undefined : calls.ofAnchor(dest);
    if (agentLeg !== undefined) {
      this.agentLegEnded(agentLeg, dest ?? '', answered, status, forward);
      return;
    }
    if (caller === undefined || this.ends.lateDialEnd(caller, status)) return;
    const call = calls.ofAnchor(caller) ?? calls.ofRoot(channels.rootOf(caller));
    if (call === undefined) return;
    const name = destName ?? (dest === undefined ? undefined : channels.get(dest)?.name);
    if (call.kind === 'incoming' && answered) details.answeredElsewhere(call, name, destCallerName);
    if (call.kind === 'incoming' && !answered && call.lateDialEnd === caller) failedDial(call, status);
    const farSide =
      call.kind === 'outgoing'
        ? call.anchors.has(caller)
        : call.kind === 'originate' &&
          (name === undefined ? call.anchors.has(caller) : isFarSide(this.context, name));
    if (!farSide) return;
    if (answered) calls.connect(call);
    else failedDial(call, status);
  }

  /** A dial to one of the phone's legs ended: answered here, forwarded, or failed. */
  private agentLegEnded(
    call: AmiCall,
    leg: string,
    answered: boolean,
    status: string | undefined,
    forward: string | undefined,
  ): void {
    if (call.kind === 'incoming') this.context.details.forwarded(call, forward);
    if (call.kind === 'incoming' && answered) this.context.calls.connect(call);
    // The agent picked up for Ringdesk's Originate: that leg is the agent's end of the call.
    else if (call.kind === 'originate' && answered) call.originLegs.add(leg);
    else if (call.kind !== 'outgoing' && !answered) failedDial(call, status);
  }
}
