/**
 * How a failed TAPI dial reaches the agent: a {@link CodedError} whose English message keeps
 * TAPI's own reason (the bridge's `LINEERR_` name and its text, for the log and the CLI), and
 * whose `line.*` code a window words in the agent's language (contract/error-info.ts).
 *
 * The bridge's refusal codes are `LINEERR_` and the name of TAPI's constant
 * (native/tapi-bridge/PROTOCOL.md, "Replies"). Only those whose meaning is plain to an agent get
 * a finer code, as Microsoft's documentation of the constants describes them (TAPI 2.x, "LINEERR_
 * Constants"); every other failure is `line.dial-failed`.
 */
import { CodedError, type ErrorCode } from '../../contract/error-info.js';
import { BridgeRequestError } from './bridge-connection.js';

/** The bridge's refusal codes that say more than "it failed", and what they tell the agent. */
const REFUSAL_CODES: ReadonlyMap<string, ErrorCode> = new Map([
  // "The specified address is invalid."
  ['LINEERR_INVALADDRESS', 'line.not-dialable'],
  // "All call appearances on the specified address are currently in use": the phone is busy.
  ['LINEERR_CALLUNAVAIL', 'line.busy'],
  // The bridge's own: `dial` before a line is open.
  ['notOpen', 'line.not-connected'],
  // Not here, on purpose: LINEERR_DIALBILLING/DIALDIALTONE/DIALPROMPT/DIALQUIET ($ W ? @ in the
  // dial string) come only from Windows' own dialing rules, never from Ringdesk's digits, so
  // "check the number" would mislead; LINEERR_RESOURCEUNAVAIL is the driver's own shortage
  // ("resource overcommitment"), not the network's. Both are `line.dial-failed`.
] as const);

/** What the words of a refusal say the number was: as the agent meant it, short. */
function shown(number: string): string {
  return number.slice(0, 40);
}

/**
 * The error of a dial of `number` (as the agent meant it) that TAPI or the bridge refused, or
 * that got no answer; `address` is what was sent to TAPI, named in the message.
 */
export function tapiDialRefusal(error: unknown, number: string, address: string): CodedError {
  const reason = error instanceof Error ? error.message : String(error);
  const code =
    (error instanceof BridgeRequestError ? REFUSAL_CODES.get(error.code) : undefined) ?? 'line.dial-failed';
  const message = `TAPI could not dial ${JSON.stringify(address)}: ${reason}`;
  return new CodedError(message, code, { number: shown(number) }, { cause: error });
}

/** The error of an `address` TAPI is never asked to dial: not printable ASCII, or too long. */
export function notDialable(number: string, address: string): CodedError {
  return new CodedError(
    `cannot dial ${JSON.stringify(address.slice(0, 40))}: not a dialable string`,
    'line.not-dialable',
    { number: shown(number) },
  );
}
