/**
 * How the agent's calls end on the AMI line: at a `Hangup` of the call's last anchor, or of the
 * agent's end of a call still being placed, with the cause Asterisk gave, and on Asterisk 11 at
 * the late `Dial` end that says why an unanswered call ended.
 *
 * Invariants:
 * - The end cause is the Q.850 cause of the last leg's `Hangup`, except for a call never
 *   answered, where a generic cause (normal clearing) gives way to the failed dial's status
 *   (`noAnswer`, `busy`, `cancel`), while a specific one (`answeredElsewhere`) stands.
 * - A call being placed (an Originate, or a call the phone dialled) that is not connected MUST
 *   end when the agent's end of it hangs up (`AmiCall.originLegs`: the Originate's first channel,
 *   the phone's leg that answered it, the leg the phone dialled from), never waiting for the
 *   call's other channels (a Local helper still in the dialplan, an application such as `*43`).
 *   A masquerade's leftover (`…<ZOMBIE>`, Asterisk 11) hanging up is not the agent leaving.
 * - An Asterisk 11 call waiting for its late `Dial` end MUST end at that end or at the dialling
 *   channel's own `Hangup`, whichever comes first: it never waits for anything else.
 */
import type { AmiCall } from './ami-call.js';
import { hangupCauseName, isGenericCause } from './ami-causes.js';
import { field } from './ami-fields.js';
import { failedDial, type AmiMapperContext } from './ami-mapper-context.js';
import type { AmiMessage } from './ami-message.js';

/** The ends of calls: `Hangup`s and Asterisk 11's late `Dial` ends (see the file comment). */
export class AmiCallEnds {
  /**
   * Asterisk 11 calls whose last leg hung up before their `Dial` end said why (a caller who
   * cancels: the `Dial End` with `CANCEL` follows the ringing leg's `Hangup`), by the dialling
   * channel: they end at that `Dial` end, or at the dialling channel's own `Hangup`.
   */
  private readonly lateDialEnds = new Map<string, { call: AmiCall; cause: string | undefined }>();

  constructor(private readonly context: AmiMapperContext) {}

  /**
   * The `Dial` end of dialling channel `caller`: when a call waits for it (Asterisk 11), the call
   * ends with its status as the cause and true is returned.
   */
  lateDialEnd(caller: string, status: string | undefined): boolean {
    const late = this.lateDialEnds.get(caller);
    if (late === undefined) return false;
    this.lateDialEnds.delete(caller);
    failedDial(late.call, status);
    this.finish(late.call, late.cause, late.call.dialCause ?? late.cause);
    return true;
  }

  /** `Hangup`: the channel is forgotten; a call whose end it is ends (see the file comment). */
  hangup(message: AmiMessage): void {
    const { calls, channels, details } = this.context;
    const uniqueid = field(message, 'Uniqueid');
    if (uniqueid === undefined) return;
    channels.remove(uniqueid);
    details.hungUp(uniqueid);
    const late = this.lateDialEnds.get(uniqueid);
    if (late !== undefined) {
      this.lateDialEnds.delete(uniqueid);
      this.finish(late.call, late.cause, late.call.dialCause ?? late.cause);
    }
    const call = calls.ofAnchor(uniqueid);
    if (call === undefined) return;
    const last = calls.detach(call, uniqueid);
    if (!last && !this.agentLeft(call, uniqueid, field(message, 'Channel') ?? '')) return;
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
      channels.get(waitFor) !== undefined
    ) {
      this.lateDialEnds.set(waitFor, { call, cause: named });
      return;
    }
    this.finish(call, named, generic ? (dialCause ?? named) : (named ?? dialCause));
  }

  /** Forgets the calls waiting for a late `Dial` end (the connection is gone). */
  clear(): void {
    this.lateDialEnds.clear();
  }

  /** True when `uniqueid` (now named `name`) is the agent's end of a call still being placed. */
  private agentLeft(call: AmiCall, uniqueid: string, name: string): boolean {
    return (
      !call.connected &&
      call.kind !== 'incoming' &&
      call.originLegs.has(uniqueid) &&
      !/<(ZOMBIE|MASQ)>$/i.test(name)
    );
  }

  /** Ends `call` with `cause`, and what became of it where Asterisk said (`hangupCause`: its leg's). */
  private finish(call: AmiCall, hangupCause: string | undefined, cause: string | undefined): void {
    this.context.calls.end(call, cause, this.context.details.outcomeOf(call, cause ?? hangupCause));
  }
}
