/**
 * The `action-url` line: the PBX or the desk phone reports calls over HTTP, and Ringdesk dials
 * by URL. This file is the line's lifecycle, its dialling and its events; what the listener does
 * with each request (endpoints, token, rate limit, the recent-requests log) is
 * {@link ActionUrlRequests} (action-url-requests.ts).
 *
 * Connection states follow provider-state.ts: `connect()` starts listening (`connected` once the
 * port is bound), `disconnect()` stops. The provider never restarts a listener by itself.
 */
import type { Server } from 'node:http';
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
import { ActionUrlRequests } from './action-url-requests.js';
import type { ActionUrlLineSettings } from './action-url-settings.js';
import { CallCorrelator } from './call-correlator.js';
import { endpointCheck, listenGuarded } from './http-exchange.js';
import type { RequestLogEntry } from './request-log.js';
import { UrlDialer } from './url-dialer.js';

/** The edges of an `action-url` line: the environment (secrets), the clock, the blocklist, a dialer. */
export interface ActionUrlDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now?: () => number;
  /** True when a caller is on the blocklist (Zammad then answers "reject"). */
  readonly isBlocked?: (remote: string) => boolean;
  readonly dialer?: UrlDialer;
  /** Told (with context) about a request whose handling failed unexpectedly; it was answered 500. */
  readonly onError?: (message: string) => void;
}

/** The `action-url` line provider: capability watch, and dial when the settings have `dial`. */
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
  private readonly requests: ActionUrlRequests;
  private readonly dialer: UrlDialer | null;

  constructor(
    private readonly settings: ActionUrlLineSettings,
    deps: ActionUrlDeps,
  ) {
    this.line = settings.line;
    const now = deps.now ?? Date.now;
    const token = resolveSecret(settings.token, deps.env);
    this.calls = new CallCorrelator(now);
    this.requests = new ActionUrlRequests(settings, {
      token,
      now,
      calls: this.calls,
      isBlocked: (remote) => deps.isBlocked?.(remote) ?? false,
      onError: deps.onError,
      boundUrl: () => this.boundUrl(),
      emit: (event, receipt) => this.emit(event, receipt),
    });
    this.dialer =
      deps.dialer ?? (settings.dial === undefined ? null : new UrlDialer(settings.dial, deps.env));
    const capabilities: Capability[] = ['watch'];
    if (this.dialer !== null) capabilities.push('dial');
    this.capabilities = new Set(capabilities);
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
        this.requests.handle(request, response);
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
    return this.requests.list();
  }

  private emit(event: LineEvent, receipt?: LineReceipt): void {
    for (const listener of this.listeners) listener(event, receipt);
  }
}
