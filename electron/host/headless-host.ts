/**
 * The headless host: Ringdesk without Electron. It serves the built renderer over HTTP and
 * speaks the contract over WebSocket (`/ws`), so any browser shows the same UI the Electron app
 * does; `/api/` is its control API (see control-api.ts). It binds to loopback unless told
 * otherwise, and refuses requests from other sites (see request-guard.ts).
 *
 * Invariants:
 * - Every `/api/` request, the WebSocket upgrade and the app's pages MUST carry the key
 *   (api-key.ts); without it the answer is 401 and nothing runs. The built scripts and styles
 *   are served to anyone: they hold nothing of the user's.
 * - A request MUST always be answered: a target that is no path gets 400, a handler that throws
 *   gets 500 and is reported with its route; nothing rejects unseen.
 * - Slow clients cannot hold the host: header and request timeouts, and a connection cap.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RuntimeView } from '../companion/companion-runtime.js';
import { companionApi, type FaceActions } from '../companion/companion-api.js';
import type { SettingsService } from '../companion/settings-service.js';
import type { CompanionApi } from '../contract/channels.js';
import { keyCookie, keyOf, sameKey } from './api-key.js';
import { ControlApi } from './control-api.js';
import { HOST_TEXT, hostLanguage } from './host-text.js';
import { allowedHosts, checkRequestSource, RequestError } from './request-guard.js';
import { MAX_MESSAGE_BYTES, SocketBridge } from './socket-bridge.js';
import { SECURITY_HEADERS, staticFile } from './static-files.js';

/** How long and how many clients the host waits for. */
export interface HostLimits {
  /** A client must send its request headers within this time. */
  readonly headersTimeoutMs: number;
  /** A client must send its whole request within this time. */
  readonly requestTimeoutMs: number;
  /** Most connections at once; beyond, new ones are dropped. */
  readonly maxConnections: number;
  /** How often the timeouts above are checked. */
  readonly checkIntervalMs: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 128,
  checkIntervalMs: 1000,
};

export interface HostOptions {
  /** The running Companion and its line (the `/api/sim/` routes work when it is the simulator). */
  readonly runtime: RuntimeView;
  /** The settings behind the wizard and settings window; null where they cannot be changed. */
  readonly settings: SettingsService | null;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  /** The profile's key (see host-file.ts); every API request must carry it. */
  readonly key: string;
  /** Bind address (default 127.0.0.1). */
  readonly host?: string;
  /** Port; 0 picks a free one (default 0). */
  readonly port?: number;
  /** What only this face can do; by default the link handler is left to `ringdesk link register`. */
  readonly face?: FaceActions;
  /** Told, with context, about a request that failed unexpectedly (it was answered 500). */
  readonly onError?: (message: string) => void;
  readonly limits?: Partial<HostLimits>;
}

/** The host cannot register itself for links: the user runs `ringdesk link register`. */
export const HOST_FACE: FaceActions = {
  registerLinkHandler: () =>
    Promise.resolve({ registered: [], refused: [], steps: ['run-link-register'], schemes: [] }),
  linkStatus: () => Promise.resolve({ schemes: [], defaultApps: false, remembered: false }),
  unregisterLinkHandler: () => Promise.resolve({ schemes: [], defaultApps: false, remembered: false }),
  openDefaultApps: () => Promise.resolve({ opened: false }),
};

export class HeadlessHost {
  private server: Server | null = null;
  private sockets: WebSocketServer | null = null;
  private bridge: SocketBridge | null = null;
  private hosts: ReadonlySet<string> = new Set();
  private port = 0;
  private readonly commands: CompanionApi;
  private readonly api: ControlApi;
  private readonly report: (message: string) => void;

  constructor(private readonly options: HostOptions) {
    this.report = options.onError ?? (() => undefined);
    this.commands = companionApi(options.runtime, options.settings, options.face ?? HOST_FACE);
    this.api = new ControlApi(options.runtime, this.commands, this.report);
  }

  /** Starts listening; resolves with the URL to open (without the key). */
  async start(): Promise<string> {
    const bindHost = this.options.host ?? '127.0.0.1';
    const limits = { ...DEFAULT_HOST_LIMITS, ...this.options.limits };
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        connectionsCheckingInterval: limits.checkIntervalMs,
      },
      (request, response) => {
        this.onRequest(request, response).catch((error: unknown) => {
          this.failed(request, response, error);
        });
      },
    );
    server.maxConnections = limits.maxConnections;
    const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
    const bridge = new SocketBridge(this.options.runtime, this.commands);
    server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
      this.onUpgrade(sockets, bridge, request, socket, head);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, bindHost, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const shown = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
    this.hosts = allowedHosts(shown, port);
    this.port = port;
    this.server = server;
    this.sockets = sockets;
    this.bridge = bridge;
    return `http://${shown}:${port}/`;
  }

  /** Stops serving and disconnects every client. */
  async stop(): Promise<void> {
    this.bridge?.close();
    this.sockets?.close();
    const server = this.server;
    this.server = null;
    if (server === null) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private onUpgrade(
    sockets: WebSocketServer,
    bridge: SocketBridge,
    request: IncomingMessage,
    socket: Socket,
    head: Buffer,
  ): void {
    socket.on('error', () => socket.destroy());
    try {
      if (parseTarget(request.url).pathname !== '/ws') throw new RequestError(404, 'not found');
      checkRequestSource(request, this.hosts);
      this.requireKey(request);
      sockets.handleUpgrade(request, socket, head, (client) => {
        bridge.attach(client);
      });
    } catch (error) {
      const status = error instanceof RequestError ? error.status : 400;
      if (!(error instanceof RequestError)) this.report(`WebSocket upgrade failed: ${describe(error)}`);
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      checkRequestSource(request, this.hosts);
      const url = parseTarget(request.url);
      const { pathname } = url;
      if (pathname.startsWith('/api/')) {
        this.requireKey(request);
        const answer = await this.api.handle(request, pathname);
        respond(response, answer.status, 'application/json; charset=utf-8', JSON.stringify(answer.body));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD')
        throw new RequestError(405, 'method not allowed');
      if (pathname === '/' && url.searchParams.has('key')) {
        this.acceptKey(request, response, url.searchParams.get('key') ?? '');
        return;
      }
      const page = pathname === '/' || pathname.endsWith('.html');
      if (page && !this.hasKey(request)) {
        this.keyNeeded(request, response);
        return;
      }
      const file = await staticFile(this.options.rendererDir, pathname);
      if (file.status === 404 && pathname === '/') {
        respond(
          response,
          503,
          'text/plain; charset=utf-8',
          'The renderer is not built: run "npm run build".',
        );
        return;
      }
      respond(response, file.status, file.type, file.body, page);
    } catch (error) {
      if (!(error instanceof RequestError)) {
        this.failed(request, response, error);
        return;
      }
      respond(
        response,
        error.status,
        'application/json; charset=utf-8',
        JSON.stringify({ error: error.message }),
      );
    }
  }

  private hasKey(request: IncomingMessage): boolean {
    return sameKey(keyOf(request, this.port), this.options.key);
  }

  /** @throws RequestError (401) without the key. */
  private requireKey(request: IncomingMessage): void {
    if (!this.hasKey(request))
      throw new RequestError(
        401,
        'this host needs its key: open the address "ringdesk serve" printed, or run the CLI as the user who started the host',
      );
  }

  /** `/?key=…`: the browser gets the key as a cookie and goes on to the app without it in the URL. */
  private acceptKey(request: IncomingMessage, response: ServerResponse, given: string): void {
    if (!sameKey(given, this.options.key)) {
      this.keyNeeded(request, response);
      return;
    }
    const text = HOST_TEXT[hostLanguage(request.headers['accept-language'])];
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Set-Cookie': keyCookie(this.port, this.options.key),
    });
    // A same-site navigation (unlike a redirect of a link followed from another site) carries
    // the SameSite=Strict cookie, and the history keeps no URL with the key.
    response.end(
      page(text.keyAcceptedTitle, text.keyAccepted, '<meta http-equiv="refresh" content="0; url=/">'),
    );
  }

  private keyNeeded(request: IncomingMessage, response: ServerResponse): void {
    const text = HOST_TEXT[hostLanguage(request.headers['accept-language'])];
    respond(response, 401, 'text/html; charset=utf-8', page(text.keyNeededTitle, text.keyNeeded));
  }

  /** A request whose handling failed unexpectedly: reported with its route, answered 500. */
  private failed(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    this.report(`${request.method ?? '?'} ${(request.url ?? '').slice(0, 200)} failed: ${describe(error)}`);
    respond(response, 500, 'application/json; charset=utf-8', JSON.stringify({ error: 'internal error' }));
  }
}

/** The request target as a URL. @throws RequestError (400) for a target that is no path. */
function parseTarget(target: string | undefined): URL {
  if (target === undefined || !target.startsWith('/'))
    throw new RequestError(400, 'the request target must be a path');
  try {
    return new URL(target, 'http://host');
  } catch {
    throw new RequestError(400, 'the request target is not a valid path');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, message: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}<title>${escapeText(title)}</title></head><body><h1>${escapeText(title)}</h1><p>${escapeText(message)}</p></body></html>`;
}

function respond(
  response: ServerResponse,
  status: number,
  type: string,
  body: Buffer | string,
  noCache = true,
): void {
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': noCache ? 'no-store' : 'max-age=3600',
  });
  response.end(body);
}
