/**
 * Placetel's call notifications (`POST /api/v1/placetel/<token>`, form data), answered as
 * Zammad's Placetel controller answers them: `application/xml`, `<Response/>`;
 * `<Response><Reject reason="busy"/></Response>` for a blocked caller;
 * `<Response><Dial callerId="..."><Number>to</Number></Dial></Response>` when an outbound
 * caller-ID rule or the default caller ID applies.
 *
 * Events (Zammad's Placetel driver): `IncomingCall` rings, `OutgoingCall` dials, `CallAccepted`
 * connects (not when `user=voicemail`: a call taken by voicemail is missed), `HungUp` ends with
 * `type`: `missed` → `cancel`, `voicemail`, `blocked`, `accepted` → `normalClearing`. A call
 * that ends without `CallAccepted` was never answered, whatever its type: for the agent it is
 * missed. Numbers come national (`030600000000`), international without `+` (`491715000000`),
 * `anonymous`, or as a Placetel SIP user (`777008478072@example.com`).
 */
import type { CallerIdRule } from './action-url-settings.js';
import { callerIdFor } from './caller-id-rules.js';
import { IntentError, param, type LineIntent } from './line-intents.js';
import type { Params } from './request-body.js';
import type { WebhookAnswer } from './sipgate-webhook.js';
import { xmlDocument, XmlReply, type XmlElement } from './xml-reply.js';
import { zammadNumber } from './zammad-webhook.js';

export interface PlacetelOptions {
  readonly line: string;
  readonly outbound: readonly CallerIdRule[];
  readonly defaultCallerId: string | undefined;
  /** True when the caller is on the blocklist. */
  readonly isBlocked: (remote: string) => boolean;
}

/** `HungUp`'s `type`, as Zammad's driver maps it to a cause. */
const HANGUP_TYPES: ReadonlyMap<string, string> = new Map([
  ['missed', 'cancel'],
  ['voicemail', 'voicemail'],
  ['blocked', 'blocked'],
  ['accepted', 'normalClearing'],
]);

/** Reads one notification. @throws IntentError (422) for an unknown event. */
export function placetelRequest(params: Params, options: PlacetelOptions): WebhookAnswer {
  const event = param(params, 'event');
  const rawFrom = param(params, 'from') ?? '';
  const rawTo = param(params, 'to') ?? '';
  const from = zammadNumber(rawFrom);
  const pbxId = param(params, 'call_id', 'callId');
  const base = { pbxId, line: options.line };
  const children: XmlElement[] = [];
  let intent: LineIntent | null;
  switch (event) {
    case 'IncomingCall':
      intent = { ...base, kind: 'ring', remote: from };
      if (options.isBlocked(from)) children.push({ name: 'Reject', attributes: [['reason', 'busy']] });
      break;
    case 'OutgoingCall': {
      intent = { ...base, kind: 'outgoing', remote: zammadNumber(rawTo) };
      const callerId = callerIdFor(rawTo, options.outbound, options.defaultCallerId);
      if (callerId !== null)
        children.push({
          name: 'Dial',
          attributes: [['callerId', callerId]],
          children: [{ name: 'Number', text: rawTo }],
        });
      break;
    }
    case 'CallAccepted':
      intent = isVoicemail(param(params, 'user')) ? null : { ...base, kind: 'answer', remote: from };
      break;
    case 'HungUp': {
      const cause = HANGUP_TYPES.get(param(params, 'type') ?? '');
      intent = { ...base, kind: 'hangup', remote: from, ...(cause !== undefined ? { cause } : {}) };
      break;
    }
    default:
      throw new IntentError(422, 'Invalid event!');
  }
  return { intent, reply: new XmlReply(xmlDocument({ name: 'Response', children })) };
}

function isVoicemail(user: string | null): boolean {
  return user !== null && user.toLowerCase() === 'voicemail';
}
