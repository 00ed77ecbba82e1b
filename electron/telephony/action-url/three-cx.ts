/**
 * 3CX's Zammad CRM template (Mancy/Zammad_3CX, zammad.xml) reports a call to Zammad's CTI
 * webhook with the caller's number as `callId`, a `newCall` when the call comes in, and only a
 * `hangup` at the end: no `answer`. Whether the call was taken is in the hang-up's `CallType`:
 * `Inbound` and `Outbound` calls were answered, `Missed` and `Notanswered` ones were not.
 */
import { param } from './line-intents.js';
import type { Params } from './request-body.js';

const ANSWERED_CALL_TYPES: ReadonlySet<string> = new Set(['inbound', 'outbound']);

/** True when a 3CX hang-up's `CallType` says the call was answered. */
export function answeredByCallType(params: Params): boolean {
  const callType = param(params, 'CallType');
  return callType !== null && ANSWERED_CALL_TYPES.has(callType.toLowerCase());
}
