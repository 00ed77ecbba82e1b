/**
 * How a reported TAPI call ends: the cause of its `ended` event and, when it was not simply
 * missed or hung up, the outcome that keeps it out of the missed calls.
 *
 * The cause is TAPI's disconnect mode as the bridge names it (LINEDISCONNECTMODE_, `normalClearing`
 * when it names none), `busy` for a call that ended in LINECALLSTATE_BUSY, and `rejected` for one
 * the agent rejected. A call still ringing here that the switch ends as picked up
 * (LINEDISCONNECTMODE_PICKUP: "picked up from elsewhere", a colleague's call pickup) was answered
 * elsewhere, and one it forwarded (LINEDISCONNECTMODE_FORWARDED) went on to the redirection
 * address where TAPI names it: neither is missed. Which calls end, and when, is the call map's
 * business (tapi-call-map.ts).
 */
import type { LineEvent } from '../line-provider.js';
import { cleanText } from './clean-text.js';
import type { CallParties } from './tapi-parties.js';
import type { CallMessage } from './tapi-protocol.js';

/** What the end of a reported call depends on (the call map's record of a call is one). */
export interface EndingCall {
  readonly callId: string;
  /** Where the call was when it ended; only `ringing` (not answered here yet) changes the outcome. */
  readonly phase: string;
  /** Its latest parties: the redirection ID names where a forwarded call went. */
  readonly parties: Pick<CallParties, 'redirectionId'>;
}

/** The `ended` event of a reported call that ended with `cause` (see {@link causeOf}). */
export function endedEvent(call: EndingCall, cause: string): LineEvent {
  const { callId } = call;
  if (call.phase === 'ringing' && cause === 'pickedUp') return answeredElsewhere(callId);
  if (call.phase === 'ringing' && cause === 'forwarded') {
    const to = cleanText(call.parties.redirectionId, 64);
    return {
      type: 'ended',
      callId,
      cause,
      outcome: to === '' ? { kind: 'forwarded' } : { kind: 'forwarded', to },
    };
  }
  return { type: 'ended', callId, cause };
}

/**
 * The `ended` event of a call that rang here and was answered at another phone (or picked up
 * from elsewhere): never a missed call.
 */
export function answeredElsewhere(callId: string): LineEvent {
  return { type: 'ended', callId, cause: 'answeredElsewhere', outcome: { kind: 'answeredElsewhere' } };
}

/**
 * The cause of a call that `message` ends: `rejected` while the agent is rejecting it (TAPI
 * reports the drop as a normal clearing), `busy`, else TAPI's disconnect mode.
 */
export function causeOf(message: CallMessage, rejecting: boolean): string {
  if (rejecting) return 'rejected';
  if (message.state === 'busy') return 'busy';
  return message.cause ?? 'normalClearing';
}
