/**
 * The `action-url` line's requests: one handler serves every endpoint (Zammad's CTI webhook,
 * KIX action URLs, Snom/Yealink Action URLs, sipgate.io, Placetel, ha-sip; each opt-in in the
 * settings), behind the secret token compared in constant time, with bodies capped at 16 KiB
 * and a rate limit per source address. Each request becomes line intents for the call it
 * belongs to; every request and its reply go to the bounded "recent requests" log, with notes on
 * what a request did not change and why.
 *
 * An end (hang-up, missed) is answered only once every listener holding the event's receipt (the
 * Companion, writing the call to its journal) has finished: an acknowledged call survives a
 * crash. If that work fails, the PBX gets 503 instead of 200.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LineEvent, LineReceipt } from '../line-provider.js';
import type { ActionUrlLineSettings } from './action-url-settings.js';
import type { CallCorrelator } from './call-correlator.js';
import { CallMatcher } from './call-matcher.js';
import { matchEndpoint } from './endpoints.js';
import { parseTarget, segmentsOf, wantsXml, writeReply } from './http-exchange.js';
import { kixRequest } from './kix-action.js';
import { IntentError, param, type LineIntent } from './line-intents.js';
import { PbxWebhooks } from './pbx-webhooks.js';
import { phoneRequest } from './phone-action.js';
import { RecentEnds } from './recent-ends.js';
import {
  BodyError,
  fromQuery,
  mergeParams,
  newParams,
  parseBody,
  readBody,
  withoutPlaceholders,
  type Params,
} from './request-body.js';
import { RateLimiter, tokenMatches } from './request-guards.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { answeredByCallType } from './three-cx.js';
import { xmlError, XmlReply } from './xml-reply.js';
import { zammadRequest } from './zammad-webhook.js';

/** What the request handler needs from its line. */
export interface ActionUrlRequestOptions {
  /** The secret token, resolved. */
  readonly token: string;
  readonly now: () => number;
  /** The line's calls, shared with its dial-by-URL. */
  readonly calls: CallCorrelator;
  readonly isBlocked: (remote: string) => boolean;
  /** Told (with context) about a request whose handling failed unexpectedly; it was answered 500. */
  readonly onError: ((message: string) => void) | undefined;
  /** `http://host:port` the listener is bound to (sipgate.io is told to call back there). */
  readonly boundUrl: () => string;
  /** Tells the line's listeners; `receipt` lets them hold the answer until their work is done. */
  readonly emit: (event: LineEvent, receipt?: LineReceipt) => void;
}

const INVALID_TOKEN = 'Invalid token, please contact your admin!';

/** Answers the `action-url` line's HTTP requests (see the file comment). */
export class ActionUrlRequests {
  private readonly matcher: CallMatcher;
  private readonly limiter: RateLimiter;
  private readonly log: RequestLog;
  /** sipgate.io, Placetel and ha-sip. */
  private readonly pbx: PbxWebhooks;

  constructor(
    private readonly settings: ActionUrlLineSettings,
    private readonly options: ActionUrlRequestOptions,
  ) {
    this.matcher = new CallMatcher(options.calls, new RecentEnds(options.now));
    this.limiter = new RateLimiter(settings.rateLimit.burst, settings.rateLimit.perSecond, options.now);
    this.log = new RequestLog(settings.logSize, options.token);
    this.pbx = new PbxWebhooks(settings, {
      token: options.token,
      isBlocked: (remote) => options.isBlocked(remote),
      boundUrl: () => options.boundUrl(),
    });
  }

  /** The listener's handler: answers `request`, whatever goes wrong. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    this.answer(request, response).catch((error: unknown) => {
      this.failed(response, error);
    });
  }

  /** The recent requests and replies, oldest first, token redacted. */
  list(): readonly RequestLogEntry[] {
    return this.log.list();
  }

  /**
   * Answers one request. Never rejects: whatever goes wrong is answered (a 4xx for a request it
   * cannot use, 500 otherwise), logged, and the listener goes on.
   */
  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const source = request.socket.remoteAddress ?? 'unknown';
    const target = request.url ?? '/';
    let payload: Params = newParams();
    let status = 200;
    let reply: unknown;
    const notes: string[] = [];
    let xml = false;
    try {
      const url = parseTarget(target);
      xml = wantsXml(url);
      payload = fromQuery(url, matchEndpoint(segmentsOf(url))?.endpoint.kind === 'phone');
      if (!this.limiter.allow(source)) throw new IntentError(429, 'too many requests from this address');
      const body = request.method === 'POST' ? await readBody(request) : '';
      payload = mergeParams(payload, parseBody(body, request.headers['content-type'] ?? ''));
      const { params, dropped } = withoutPlaceholders(payload);
      notes.push(...dropped);
      reply = await this.route(request.method ?? 'GET', url, params, notes);
    } catch (error) {
      const known = error instanceof IntentError || error instanceof BodyError;
      status = known ? error.status : 500;
      const message = known ? error.message : 'internal error';
      reply = xml ? xmlError(message) : { error: message };
      if (!known) this.report(`${request.method ?? '?'} request failed`, error);
    }
    try {
      this.log.add({
        at: new Date(this.options.now()).toISOString(),
        source,
        method: request.method ?? '?',
        url: target,
        rawHeaders: request.rawHeaders,
        payload,
        status,
        reply: reply instanceof XmlReply ? { xml: reply.logged } : reply,
        notes,
      });
    } catch (error) {
      this.report('the request log failed', error);
    }
    writeReply(response, status, reply);
  }

  /** A handler that failed beyond its own error handling: answered 500 and reported. */
  private failed(response: ServerResponse, error: unknown): void {
    this.report('request handler failed', error);
    writeReply(response, 500, { error: 'internal error' });
  }

  private report(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.options.onError?.(
      `action-url listener ${this.settings.listen}: ${what}: ${this.log.redact(detail)}`,
    );
  }

  /**
   * Answers one request (already rate-limited and parsed), once what it ended is recorded;
   * `notes` collects what it did not change and why. @throws IntentError
   */
  private async route(method: string, url: URL, params: Params, notes: string[]): Promise<unknown> {
    const found = matchEndpoint(segmentsOf(url));
    if (found === null) throw new IntentError(404, 'not found');
    const { endpoint, values } = found;
    if (endpoint.method !== null && method !== endpoint.method)
      throw new IntentError(405, `use ${endpoint.method}`);
    const token = values.get('token') ?? (endpoint.kind === 'kix' ? param(params, 'token') : null);
    if (!tokenMatches(token, this.options.token)) throw new IntentError(401, INVALID_TOKEN);
    switch (endpoint.kind) {
      case 'zammad':
        return this.zammad(params, notes);
      case 'kix':
        if (this.settings.kix === undefined)
          throw new IntentError(404, 'KIX action URLs are not enabled on this line (line.kix)');
        await this.apply(kixRequest(params, this.settings.line), notes);
        return {};
      case 'phone':
        if (this.settings.phone === undefined)
          throw new IntentError(404, 'phone action URLs are not enabled on this line (line.phone)');
        await this.apply(phoneRequest(values.get('event') ?? '', params, this.settings.line), notes);
        return {};
      case 'sipgate':
      case 'placetel':
      case 'ha-sip': {
        const answer = this.pbx.handle(endpoint, params);
        if (answer.intent !== null) await this.apply(answer.intent, notes);
        else notes.push('changes no call: dtmf, an answer by voicemail, or an event of no call');
        return answer.reply;
      }
    }
  }

  private async zammad(params: Params, notes: string[]): Promise<unknown> {
    const zammad = this.settings.zammad;
    if (zammad === undefined)
      throw new IntentError(422, 'Feature not configured, please contact your admin!');
    const users = Object.hasOwn(params, 'user') ? [params.user ?? []].flat() : [];
    const voicemail = users.some((user) => user.toLowerCase() === 'voicemail');
    const answer = zammadRequest(params, {
      line: this.settings.line,
      outbound: zammad.outbound,
      defaultCallerId: zammad.defaultCallerId,
      isBlocked: this.options.isBlocked,
    });
    // 3CX sends no answer, only its hang-up's CallType: an answered call is connected first.
    if (answer.intent.kind === 'hangup' && answeredByCallType(params))
      await this.apply({ ...answer.intent, kind: 'answer' }, notes);
    // Zammad counts a call answered by voicemail as not done: for the agent it is missed.
    if (answer.intent.kind === 'answer' && voicemail) notes.push('answered by voicemail: still missed');
    else await this.apply(answer.intent, notes);
    if (answer.refusal !== undefined) throw answer.refusal;
    return answer.reply;
  }

  /**
   * Turns an intent into line events for the call it belongs to (stray events change nothing and
   * are noted), and resolves once every listener's held work for them is done.
   * @throws IntentError (503) when that work failed: the PBX must not take the end as recorded.
   */
  private async apply(intent: LineIntent, notes: string[]): Promise<void> {
    const result = this.matcher.apply(intent);
    notes.push(...result.notes);
    const held: Promise<void>[] = [];
    const receipt: LineReceipt = { hold: (work) => void held.push(work) };
    for (const event of result.events) this.options.emit(event, receipt);
    const settled = await Promise.allSettled(held);
    const failed = settled.find((each) => each.status === 'rejected');
    if (failed !== undefined) {
      notes.push(`not recorded: ${String(failed.reason)}`);
      throw new IntentError(503, 'the call could not be recorded; please send it again');
    }
  }
}
