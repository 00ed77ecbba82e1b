/**
 * Zammad's generic CTI webhook (`POST /api/v1/cti/<token>`, JSON or form data), answered as
 * Zammad answers it, so that a PBX already set up for Zammad only needs its host changed:
 * `{}`; `{"action":"reject","reason":"busy"}` for a blocked caller;
 * `{"action":"dial","caller_id":...,"number":...}` when an outbound caller-ID rule (or the
 * default caller ID) applies; 422 with `{"error": ...}` for an invalid event or direction. A
 * hang-up without a direction is refused (422) as Zammad refuses it, yet still ends its call
 * when its `callId` names an open call: the PBX will not send it again, and no call may be left
 * ringing.
 *
 * Zammad's numbers are digits without `+` (`4912347114711`); where that reading is a valid
 * international number the `+` is put back, so completion with the dialing rules works.
 */
import { isValidE164 } from '../../numbers/validity.js';
import type { CallerIdRule } from './action-url-settings.js';
import { callerIdFor } from './caller-id-rules.js';
import { HANGUP_CAUSES, IntentError, param, type LineIntent } from './line-intents.js';
import type { Params } from './request-body.js';
import { numberFromAddress } from './request-guards.js';

export interface ZammadOptions {
  readonly line: string;
  readonly outbound: readonly CallerIdRule[];
  readonly defaultCallerId: string | undefined;
  /** True when the caller is on the blocklist. */
  readonly isBlocked: (remote: string) => boolean;
}

export interface ZammadAnswer {
  readonly intent: LineIntent;
  readonly reply: Record<string, string>;
  /** Zammad refuses the request: answer this once `intent` (an open call's end) was applied. */
  readonly refusal?: IntentError;
}

/** Reads one webhook request. @throws IntentError (422) for an invalid event or direction. */
export function zammadRequest(params: Params, options: ZammadOptions): ZammadAnswer {
  const event = param(params, 'event');
  const direction = param(params, 'direction');
  if (event !== 'newCall' && event !== 'answer' && event !== 'hangup')
    throw new IntentError(422, 'Invalid event!');
  const pbxId = param(params, 'callId', 'call_id');
  const cause = param(params, 'cause');
  const causeOf = cause !== null ? { cause: HANGUP_CAUSES.has(cause) ? cause : cause.slice(0, 32) } : {};
  if (direction !== 'in' && direction !== 'out') {
    const refusal = new IntentError(422, 'Invalid direction!');
    if (event !== 'hangup' || pbxId === null) throw refusal;
    const intent: LineIntent = { kind: 'hangup', pbxId, line: options.line, remote: '', onlyKnown: true };
    return { intent: { ...intent, ...causeOf }, reply: {}, refusal };
  }
  const from = zammadNumber(param(params, 'from') ?? '');
  const to = zammadNumber(param(params, 'to') ?? '');
  const remote = direction === 'in' ? from : to;
  const kind =
    event === 'newCall'
      ? direction === 'in'
        ? 'ring'
        : 'outgoing'
      : event === 'answer'
        ? 'answer'
        : 'hangup';
  const intent: LineIntent = { kind, pbxId, line: options.line, remote, ...causeOf };
  return { intent, reply: event === 'newCall' ? newCallReply(direction, from, to, options) : {} };
}

function newCallReply(
  direction: 'in' | 'out',
  from: string,
  to: string,
  options: ZammadOptions,
): Record<string, string> {
  if (direction === 'in') return options.isBlocked(from) ? { action: 'reject', reason: 'busy' } : {};
  const destination = to.replace(/^\+/, '');
  const callerId = callerIdFor(destination, options.outbound, options.defaultCallerId);
  return callerId === null ? {} : { action: 'dial', number: destination, caller_id: callerId };
}

/** `4912347114711` → `+4912347114711` when that is a valid number; anything else as sent. */
export function zammadNumber(raw: string): string {
  const number = numberFromAddress(raw);
  if (/^[1-9]\d{7,14}$/.test(number) && isValidE164(`+${number}`)) return `+${number}`;
  return number;
}
