/**
 * The headless host: Ringdesk without Electron. It serves the built renderer over HTTP and
 * speaks the contract over WebSocket (`/ws`), so any browser shows the same UI the Electron app
 * does; `/api/` is its control API (see control-api.ts). It binds to loopback unless told
 * otherwise, and refuses requests from other sites (see request-guard.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RuntimeView } from '../companion/companion-runtime.js';
import { companionApi, type FaceActions } from '../companion/companion-api.js';
import type { SettingsService } from '../companion/settings-service.js';
import type { CompanionApi } from '../contract/channels.js';
import { ControlApi } from './control-api.js';
import { allowedHosts, checkRequestSource, RequestError } from './request-guard.js';
import { MAX_MESSAGE_BYTES, SocketBridge } from './socket-bridge.js';
import { SECURITY_HEADERS, staticFile } from './static-files.js';

export interface HostOptions {
  /** The running Companion and its line (the `/api/sim/` routes work when it is the simulator). */
  readonly runtime: RuntimeView;
  /** The settings behind the wizard and settings window; null where they cannot be changed. */
  readonly settings: SettingsService | null;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  /** Bind address (default 127.0.0.1). */
  readonly host?: string;
  /** Port; 0 picks a free one (default 0). */
  readonly port?: number;
  /** What only this face can do; by default the link handler is left to `ringdesk link register`. */
  readonly face?: FaceActions;
}

/** The host cannot register itself for links: the user runs `ringdesk link register`. */
export const HOST_FACE: FaceActions = {
  registerLinkHandler: () => Promise.resolve({ registered: [], refused: [], steps: ['run-link-register'] }),
};

export class HeadlessHost {
  private server: Server | null = null;
  private sockets: WebSocketServer | null = null;
  private bridge: SocketBridge | null = null;
  private hosts: ReadonlySet<string> = new Set();
  private readonly commands: CompanionApi;
  private readonly api: ControlApi;

  constructor(private readonly options: HostOptions) {
    this.commands = companionApi(options.runtime, options.settings, options.face ?? HOST_FACE);
    this.api = new ControlApi(options.runtime, this.commands);
  }

  /** Starts listening; resolves with the URL to open. */
  async start(): Promise<string> {
    const bindHost = this.options.host ?? '127.0.0.1';
    const server = createServer((request, response) => {
      void this.onRequest(request, response);
    });
    const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
    const bridge = new SocketBridge(this.options.runtime, this.commands);
    server.on('upgrade', (request, socket, head) => {
      try {
        if (new URL(request.url ?? '/', 'http://host').pathname !== '/ws')
          throw new RequestError(404, 'not found');
        checkRequestSource(request, this.hosts);
        sockets.handleUpgrade(request, socket, head, (client) => {
          bridge.attach(client);
        });
      } catch (error) {
        const status = error instanceof RequestError ? error.status : 400;
        socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\n\r\n`);
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, bindHost, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    this.hosts = allowedHosts(bindHost.includes(':') ? `[${bindHost}]` : bindHost, port);
    this.server = server;
    this.sockets = sockets;
    this.bridge = bridge;
    return `http://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}/`;
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

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      checkRequestSource(request, this.hosts);
      const { pathname } = new URL(request.url ?? '/', 'http://host');
      if (pathname.startsWith('/api/')) {
        const answer = await this.api.handle(request, pathname);
        respond(response, answer.status, 'application/json; charset=utf-8', JSON.stringify(answer.body));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD')
        throw new RequestError(405, 'method not allowed');
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
      respond(response, file.status, file.type, file.body, pathname === '/' || pathname.endsWith('.html'));
    } catch (error) {
      const status = error instanceof RequestError ? error.status : 500;
      respond(
        response,
        status,
        'application/json; charset=utf-8',
        JSON.stringify({ error: error instanceof Error ? error.message : 'internal error' }),
      );
    }
  }
}

function respond(
  response: ServerResponse,
  status: number,
  type: string,
  body: Buffer | string,
  noCache = true,
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': noCache ? 'no-store' : 'max-age=3600',
  });
  response.end(body);
}
