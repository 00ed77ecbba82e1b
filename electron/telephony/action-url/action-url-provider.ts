/**
 * The `action-url` line: the PBX or the desk phone reports calls over HTTP, and Ringdesk dials
 * by URL. One listener serves Zammad's CTI webhook, KIX action URLs and Snom/Yealink Action
 * URLs (each opt-in in the settings), behind a secret token compared in constant time, with
 * bodies capped at 16 KiB and a rate limit per source address. Every request and its reply go
 * to the bounded "recent requests" log, with notes on what a request did not change and why.
 *
 * An end (hang-up, missed) is answered only once every listener holding the event's receipt (the
 * Companion, writing the call to its journal) has finished: an acknowledged call survives a
 * crash. If that work fails, the PBX gets 503 instead of 200.
 *
 * Connection states follow provider-state.ts: `connect()` starts listening (`connected` once the
 * port is bound), `disconnect()` stops. The provider never restarts a listener by itself.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CodedError } from '../../contract/error-info.js';
import { resolveSecret } from '../../shared/secret.js';
import type {
  Capability,
  LineEvent,
  LineListener,
  LineProvider,
  LineReceipt,
  ProviderCheck,
  ProviderState,
} from '../line-provider.js';
import { ConnectionMachine, SIMPLE_PHASES, type SimpleMove } from '../connection-machine.js';
import type { ActionUrlLineSettings } from './action-url-settings.js';
import { CallCorrelator } from './call-correlator.js';
import { CallMatcher } from './call-matcher.js';
import { kixRequest } from './kix-action.js';
import { IntentError, param, type LineIntent } from './line-intents.js';
import { phoneRequest } from './phone-action.js';
import { matchEndpoint } from './endpoints.js';
import { PbxWebhooks } from './pbx-webhooks.js';
import { answeredByCallType } from './three-cx.js';
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
import { RecentEnds } from './recent-ends.js';
import { RateLimiter, tokenMatches } from './request-guards.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { UrlDialer } from './url-dialer.js';
import { xmlError, XmlReply } from './xml-reply.js';
import {
  endpointCheck,
  listenGuarded,
  parseTarget,
  segmentsOf,
  wantsXml,
  writeReply,
} from './http-exchange.js';
import { zammadRequest } from './zammad-webhook.js';

export interface ActionUrlDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now?: () => number;
  /** True when a caller is on the blocklist (Zammad then answers "reject"). */
  readonly isBlocked?: (remote: string) => boolean;
  readonly dialer?: UrlDialer;
  /** Told (with context) about a request whose handling failed unexpectedly; it was answered 500. */
  readonly onError?: (message: string) => void;
}

const INVALID_TOKEN = 'Invalid token, please contact your admin!';

export class ActionUrlProvider implements LineProvider {
  readonly kind = 'action-url';
  readonly line: string;
  readonly capabilities: ReadonlySet<Capability>;
  /** The listener's connection state; every change is emitted by its one transition. */
  private readonly machine = new ConnectionMachine<ProviderState, SimpleMove>(
    'action-url',
    SIMPLE_PHASES,
    'disconnected',
    (event) => this.emit(event),
  );
  private server: Server | null = null;
  private readonly listeners = new Set<LineListener>();
  private readonly calls: CallCorrelator;
  private readonly matcher: CallMatcher;
  private readonly limiter: RateLimiter;
  private readonly log: RequestLog;
  private readonly token: string;
  private readonly dialer: UrlDialer | null;
  private readonly now: () => number;
  /** sipgate.io, Placetel and ha-sip. */
  private readonly pbx: PbxWebhooks;

  constructor(
    private readonly settings: ActionUrlLineSettings,
    private readonly deps: ActionUrlDeps,
  ) {
    this.line = settings.line;
    this.now = deps.now ?? Date.now;
    this.token = resolveSecret(settings.token, deps.env);
    this.calls = new CallCorrelator(this.now);
    this.matcher = new CallMatcher(this.calls, new RecentEnds(this.now));
    this.limiter = new RateLimiter(settings.rateLimit.burst, settings.rateLimit.perSecond, this.now);
    this.log = new RequestLog(settings.logSize, this.token);
    this.dialer =
      deps.dialer ?? (settings.dial === undefined ? null : new UrlDialer(settings.dial, deps.env));
    const capabilities: Capability[] = ['watch'];
    if (this.dialer !== null) capabilities.push('dial');
    this.capabilities = new Set(capabilities);
    this.pbx = new PbxWebhooks(settings, {
      token: this.token,
      isBlocked: (remote) => this.deps.isBlocked?.(remote) ?? false,
      boundUrl: () => this.boundUrl(),
    });
  }

  get state(): ProviderState {
    return this.machine.state;
  }

  /** Where the listener is bound (after connect). */
  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  async connect(): Promise<void> {
    this.machine.move('connect');
    let server: Server;
    try {
      server = await listenGuarded(this.settings.listen, (request, response) => {
        this.onRequest(request, response).catch((error: unknown) => {
          this.failed(response, error);
        });
      });
    } catch (error) {
      const reason = `cannot listen on ${this.settings.listen}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      this.machine.move('fail', reason);
      throw new Error(reason, { cause: error });
    }
    server.on('error', (error) => {
      this.server = null;
      if (this.machine.can('lost')) this.machine.move('lost', `listener failed: ${error.message}`);
    });
    this.server = server;
    this.machine.move('ready');
  }

  async disconnect(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server !== null) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.machine.move('stop', 'stopped');
  }

  async dial(number: string, dialable: string): Promise<{ callId: string }> {
    if (this.dialer === null)
      throw new CodedError('this line has no dial settings (line.dial)', 'dial.line-cannot-dial');
    if (this.machine.state !== 'connected')
      throw new CodedError('the action-url line is not connected', 'line.not-connected');
    const e164 = /^\+\d+$/.test(number) ? number : null;
    await this.dialer.dial({ dialable, e164, number, line: this.line });
    const callId = this.calls.newId();
    this.calls.add({
      callId,
      pbxId: null,
      line: this.line,
      remote: number,
      direction: 'outgoing',
      dialled: dialable,
      placedByUrl: true,
    });
    this.emit({ type: 'dialing', callId, line: this.line, remote: number, dialled: dialable });
    return { callId };
  }

  onEvent(listener: LineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `http://host:port` the listener is bound to (or configured for, before it is). */
  private boundUrl(): string {
    const address = this.address();
    if (address === null) return `http://${this.settings.listen}`;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  /** Which endpoints are on, with the URL each PBX or phone must call, and the dial target. */
  async selfTest(): Promise<ProviderCheck[]> {
    const checks = [endpointCheck(this.settings, this.boundUrl())];
    if (this.dialer !== null) checks.push(await this.dialer.reachable());
    return checks;
  }

  /** The recent requests and replies, oldest first, token redacted. */
  requestLog(): readonly RequestLogEntry[] {
    return this.log.list();
  }

  /**
   * Answers one request. Never rejects: whatever goes wrong is answered (a 4xx for a request it
   * cannot use, 500 otherwise), logged, and the listener goes on.
   */
  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
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
        at: new Date(this.now()).toISOString(),
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
    this.deps.onError?.(`action-url listener ${this.settings.listen}: ${what}: ${this.log.redact(detail)}`);
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
    if (!tokenMatches(token, this.token)) throw new IntentError(401, INVALID_TOKEN);
    switch (endpoint.kind) {
      case 'zammad':
        return this.zammad(params, notes);
      case 'kix':
        if (this.settings.kix === undefined)
          throw new IntentError(404, 'KIX action URLs are not enabled on this line (line.kix)');
        await this.apply(kixRequest(params, this.line), notes);
        return {};
      case 'phone':
        if (this.settings.phone === undefined)
          throw new IntentError(404, 'phone action URLs are not enabled on this line (line.phone)');
        await this.apply(phoneRequest(values.get('event') ?? '', params, this.line), notes);
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
      line: this.line,
      outbound: zammad.outbound,
      defaultCallerId: zammad.defaultCallerId,
      isBlocked: this.deps.isBlocked ?? (() => false),
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
    for (const event of result.events) this.emit(event, receipt);
    const settled = await Promise.allSettled(held);
    const failed = settled.find((each) => each.status === 'rejected');
    if (failed !== undefined) {
      notes.push(`not recorded: ${String(failed.reason)}`);
      throw new IntentError(503, 'the call could not be recorded; please send it again');
    }
  }

  private emit(event: LineEvent, receipt?: LineReceipt): void {
    for (const listener of this.listeners) listener(event, receipt);
  }
}
