/**
 * sipgate.io's push API (`POST /api/v1/sipgate/<token>/in` and `/out`), answered as sipgate's
 * API reference and Zammad's sipgate controller answer it: `application/xml`, and every reply
 * to a `newCall` is `<Response onAnswer="URL" onHangup="URL">` pointing back at this listener,
 * because sipgate only sends `answer` and `hangup` when the reply asks for them.
 *
 * - `newCall` in: the call rings; `<Reject reason="busy"/>` inside for a blocked caller (sipgate
 *   then sends the hang-up, which ends the call).
 * - `newCall` out: `<Dial callerId="..."><Number>to</Number></Dial>` when an outbound caller-ID
 *   rule or the default caller ID applies.
 * - `answer`: the call is connected; answered by `voicemail` it is not (it ends as missed).
 * - `hangup`: the call ends with sipgate's cause (`normalClearing`, `busy`, `cancel`, `noAnswer`,
 *   `congestion`, `notFound`, `forwarded`); a forwarded leg is not a missed call.
 * - `dtmf`: answered 200 `<Response/>`, nothing changes.
 *
 * The direction is the path's (sipgate has one URL per direction, and the callback URLs keep it).
 * Numbers come as digits without `+` (`4912347114711`) or `anonymous`.
 */
import type { CallerIdRule } from './action-url-settings.js';
import { callerIdFor } from './caller-id-rules.js';
import { HANGUP_CAUSES, IntentError, param, type LineIntent } from './line-intents.js';
import type { Params } from './request-body.js';
import { xmlDocument, XmlReply, type XmlElement } from './xml-reply.js';
import { zammadNumber } from './zammad-webhook.js';

export type SipgateDirection = 'in' | 'out';

export interface SipgateOptions {
  readonly line: string;
  readonly outbound: readonly CallerIdRule[];
  readonly defaultCallerId: string | undefined;
  /** True when the caller is on the blocklist. */
  readonly isBlocked: (remote: string) => boolean;
  /** The URL sipgate calls back for `direction`: as sent, and as the request log shows it. */
  readonly callbackUrl: (direction: SipgateDirection) => { readonly sent: string; readonly logged: string };
}

/** What one request means: the intent for the line (none for dtmf or voicemail) and the reply. */
export interface WebhookAnswer {
  readonly intent: LineIntent | null;
  readonly reply: XmlReply;
}

/** Reads one push. @throws IntentError (422) for an unknown event. */
export function sipgateRequest(
  direction: SipgateDirection,
  params: Params,
  options: SipgateOptions,
): WebhookAnswer {
  const event = param(params, 'event');
  if (event === 'dtmf') return { intent: null, reply: new XmlReply(xmlDocument({ name: 'Response' })) };
  if (event !== 'newCall' && event !== 'answer' && event !== 'hangup')
    throw new IntentError(422, 'Invalid event!');
  const rawFrom = param(params, 'from') ?? '';
  const rawTo = param(params, 'to') ?? '';
  const from = zammadNumber(rawFrom);
  const remote = direction === 'in' ? from : zammadNumber(rawTo);
  const pbxId = param(params, 'callId');
  const base = { pbxId, line: options.line, remote };
  const children: XmlElement[] = [];
  let intent: LineIntent | null;
  if (event === 'newCall') {
    intent = { ...base, kind: direction === 'in' ? 'ring' : 'outgoing' };
    if (direction === 'in' && options.isBlocked(from))
      children.push({ name: 'Reject', attributes: [['reason', 'busy']] });
    const callerId =
      direction === 'out' ? callerIdFor(rawTo, options.outbound, options.defaultCallerId) : null;
    if (callerId !== null)
      children.push({
        name: 'Dial',
        attributes: [['callerId', callerId]],
        children: [{ name: 'Number', text: rawTo }],
      });
  } else if (event === 'answer') {
    intent = answeredByVoicemail(params) ? null : { ...base, kind: 'answer' };
  } else {
    const cause = param(params, 'cause');
    intent = {
      ...base,
      kind: 'hangup',
      ...(cause !== null ? { cause: HANGUP_CAUSES.has(cause) ? cause : cause.slice(0, 32) } : {}),
    };
  }
  return { intent, reply: callbackReply(direction, children, options) };
}

/** `<Response onAnswer=... onHangup=...>` with `children`, as sent and as logged. */
function callbackReply(
  direction: SipgateDirection,
  children: readonly XmlElement[],
  options: SipgateOptions,
): XmlReply {
  const { sent, logged } = options.callbackUrl(direction);
  const response = (url: string): XmlElement => ({
    name: 'Response',
    attributes: [
      ['onAnswer', url],
      ['onHangup', url],
    ],
    children,
  });
  return new XmlReply(xmlDocument(response(sent)), xmlDocument(response(logged)));
}

/** sipgate names the answering user in `user` (Zammad's spec: `user=voicemail`). */
function answeredByVoicemail(params: Params): boolean {
  const users = Object.hasOwn(params, 'user') ? [params.user ?? []].flat() : [];
  return users.some((user) => user.trim().toLowerCase() === 'voicemail');
}
