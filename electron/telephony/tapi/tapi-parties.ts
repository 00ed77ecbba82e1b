/**
 * Who a TAPI call's remote party is, from the parties lineGetCallInfo reports (the bridge reads
 * them on every state change and again on LINE_CALLINFO).
 *
 * - Incoming: the connected party once the driver names one (after a transfer the agent talks
 *   to someone else than the caller), else the caller, with the caller's presentation:
 *   LINECALLPARTYID_BLOCKED is `withheld` (and no number is passed on, even one the driver
 *   gave: it stays in the bridge's message), OUTOFAREA/UNAVAIL `unavailable`, UNKNOWN `unknown`
 *   (Microsoft's LINECALLPARTYID_ documentation: it may become known later).
 * - Outgoing: the connected party when it differs from what was dialled, else the number as the
 *   agent meant it (calls Ringdesk placed), else the called ID (calls dialled on the phone, which
 *   TAPI reports at DIALTONE with no digits: `unknown` until the digits come).
 *
 * The redirecting and redirection IDs stay in the protocol; they name who forwarded the call,
 * not who the agent talks to.
 */
import type { Presentation } from '../line-provider.js';
import { cleanText } from './clean-text.js';
import type { CallInfoMessage, CallMessage } from './tapi-protocol.js';

/** Longest caller or called ID passed on, in characters. */
export const MAX_PARTY_LENGTH = 64;
/** Longest party name passed on, in characters. */
export const MAX_NAME_LENGTH = 128;

/** The parties of a call as the bridge reported them last. */
export type CallParties = Omit<CallInfoMessage, 'type' | 'call' | 'line'>;

/** The remote party as Ringdesk reports it. */
export interface RemoteParty {
  readonly remote: string;
  readonly presentation: Presentation;
  readonly name: string;
}

/** What Ringdesk placed: the number as the agent meant it and the string TAPI dialled. */
export interface Placed {
  readonly number: string;
  readonly dialled: string;
}

/** The remote party of a call in `direction`, from its latest parties. */
export function remoteParty(
  direction: 'incoming' | 'outgoing',
  parties: CallParties,
  placed: Placed | null,
): RemoteParty {
  const connected = party(parties.connectedId);
  if (direction === 'incoming') {
    const caller = party(parties.callerId);
    if (connected !== '' && connected !== caller) {
      return { remote: connected, presentation: 'allowed', name: name(parties.connectedName) };
    }
    const presentation =
      parties.callerPresentation === 'allowed' && caller === '' ? 'unknown' : parties.callerPresentation;
    const remote = presentation === 'withheld' ? '' : caller;
    return { remote, presentation, name: name(parties.callerName) };
  }
  const called = party(parties.calledId);
  const dialled = placed === null ? [called] : [called, party(placed.dialled), party(placed.number)];
  if (connected !== '' && !dialled.includes(connected)) {
    return { remote: connected, presentation: 'allowed', name: name(parties.connectedName) };
  }
  const remote = placed?.number ?? called;
  return { remote, presentation: remote === '' ? 'unknown' : 'allowed', name: '' };
}

/**
 * The parties a `call` or `callInfo` message carries, without its envelope. With `infoError`
 * the bridge could not read them this time (the caller keeps the ones it had).
 */
export function partiesOf(message: CallMessage | CallInfoMessage): CallParties {
  const { callerId, callerName, callerPresentation, calledId, connectedId, connectedName } = message;
  const { redirectingId, redirectionId, infoError } = message;
  return {
    callerId,
    callerName,
    callerPresentation,
    calledId,
    connectedId,
    connectedName,
    redirectingId,
    redirectionId,
    infoError,
  };
}

/** No parties known yet: a call Ringdesk placed, before TAPI reports any of its states. */
export function emptyParties(): CallParties {
  return partiesOf({
    type: 'callInfo',
    call: '0',
    line: 0,
    callerId: '',
    callerName: '',
    callerPresentation: 'unknown',
    calledId: '',
    connectedId: '',
    connectedName: '',
    redirectingId: '',
    redirectionId: '',
  });
}

/** True when two reports of the remote party differ. */
export function partyChanged(before: RemoteParty, after: RemoteParty): boolean {
  return (
    before.remote !== after.remote || before.presentation !== after.presentation || before.name !== after.name
  );
}

function party(id: string): string {
  return cleanText(id, MAX_PARTY_LENGTH);
}

function name(text: string): string {
  return cleanText(text, MAX_NAME_LENGTH);
}
