/**
 * Desk-phone Action URLs (`GET /phone/<token>/<event>?remote=$remote&local=$local&callid=...`),
 * for Snom (`$call-id`) and Yealink (`$call_id`) alike. `local` is the phone's own identity and
 * `remote` the other party (the meaning Snom's settings page and Yealink use); both arrive as SIP
 * URIs and are reduced to their numbers. Event names of both vendors are accepted.
 */
import { IntentError, param, type LineIntent } from './line-intents.js';
import type { Params } from './request-body.js';
import { numberFromAddress } from './request-guards.js';

// A Map: an event named `constructor` or `__proto__` (from the URL) finds nothing inherited.
const EVENTS = new Map<string, LineIntent['kind']>([
  ['incoming', 'ring'],
  ['incoming_call', 'ring'],
  ['outgoing', 'outgoing'],
  ['outgoing_call', 'outgoing'],
  ['connected', 'answer'],
  ['established', 'answer'],
  ['call_established', 'answer'],
  ['disconnected', 'hangup'],
  ['terminated', 'hangup'],
  ['call_terminated', 'hangup'],
  ['missed', 'missed'],
  ['missed_call', 'missed'],
]);

/** The event names the phone endpoint accepts. */
export const PHONE_EVENTS = [...EVENTS.keys()];

/** Reads one phone Action URL. @throws IntentError (404) for an unknown event. */
export function phoneRequest(event: string, params: Params, defaultLine: string): LineIntent {
  const kind = EVENTS.get(event.toLowerCase());
  if (kind === undefined)
    throw new IntentError(
      404,
      `unknown phone event "${event.slice(0, 30)}"; use one of ${PHONE_EVENTS.join(', ')}`,
    );
  const remote = numberFromAddress(param(params, 'remote') ?? '');
  const local = numberFromAddress(param(params, 'local') ?? '');
  if (remote === '' && (kind === 'ring' || kind === 'outgoing'))
    throw new IntentError(422, `${event} needs remote`);
  return {
    kind,
    pbxId: param(params, 'callid', 'call-id', 'call_id', 'callId'),
    line: local || defaultLine,
    remote,
  };
}
