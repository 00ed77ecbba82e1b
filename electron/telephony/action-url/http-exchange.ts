/**
 * The HTTP side of the `action-url` listener: the request target as a URL and its path segments,
 * which endpoints a PBX or phone must call (for `provider test`), and writing a reply (JSON, or
 * XML for the PBXs that expect it) that never throws and is never cached.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ProviderCheck } from '../line-provider.js';
import type { ActionUrlLineSettings } from './action-url-settings.js';
import { matchEndpoint } from './endpoints.js';
import { IntentError } from './line-intents.js';
import { XmlReply } from './xml-reply.js';

/** Most connections the listener holds at once (slow or idle clients included). */
export const MAX_CONNECTIONS = 256;

/**
 * An HTTP server listening on `listen` (`host:port`), guarded against slow and idle clients: a
 * request must arrive within 10 s (its headers within 5 s), and beyond {@link MAX_CONNECTIONS}
 * new connections are dropped, so no client can hold every socket.
 * @throws the listen error (`EADDRINUSE`, `EACCES`, …) as Node gives it.
 */
export async function listenGuarded(
  listen: string,
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Server> {
  const { host, port } = splitListen(listen);
  const server = createServer({ connectionsCheckingInterval: 1000 }, handle);
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/**
 * The endpoints that are on, each with the URL its PBX or phone must call (`base` where the
 * listener is bound; sipgate and Placetel call back at `publicUrl` when set).
 */
export function endpointCheck(settings: ActionUrlLineSettings, base: string): ProviderCheck {
  const reached = settings.publicUrl ?? base;
  const endpoints = [
    settings.zammad === undefined ? null : `Zammad: POST ${base}/api/v1/cti/<token>`,
    settings.kix === undefined ? null : `KIX: GET ${base}/cti.pl?Action=...&Src=...&Dest=...&token=<token>`,
    settings.phone === undefined
      ? null
      : `phones: GET ${base}/phone/<token>/<event>?remote=...&local=...&callid=...`,
    settings.sipgate === undefined
      ? null
      : `sipgate.io: POST ${reached}/api/v1/sipgate/<token>/in and ${reached}/api/v1/sipgate/<token>/out (sipgate calls back at ${reached}: it must reach that address)`,
    settings.placetel === undefined ? null : `Placetel: POST ${reached}/api/v1/placetel/<token>`,
    settings.haSip === undefined ? null : `ha-sip: POST ${base}/api/v1/ha-sip/<token>`,
  ].filter((each) => each !== null);
  return {
    check: 'endpoints',
    ok: endpoints.length > 0,
    detail:
      endpoints.length > 0
        ? endpoints.join('; ')
        : 'no endpoint is on: add "zammad", "kix", "phone", "sipgate", "placetel" or "haSip" to the line settings',
  };
}

/** `host:port` (`[::1]:port` for IPv6) as its parts. */
export function splitListen(listen: string): { host: string; port: number } {
  const colon = listen.lastIndexOf(':');
  return { host: listen.slice(0, colon).replace(/^\[|\]$/g, ''), port: Number(listen.slice(colon + 1)) };
}

/** The request target as a URL. @throws IntentError (400) for a target that is no path. */
export function parseTarget(target: string): URL {
  if (!target.startsWith('/')) throw new IntentError(400, 'the request target must be a path');
  try {
    return new URL(target, 'http://listener');
  } catch {
    throw new IntentError(400, 'the request target is not a valid path');
  }
}

/** Writes `reply` with `status`; a reply that cannot be written as JSON becomes a 500. */
export function writeReply(response: ServerResponse, status: number, reply: unknown): void {
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  if (reply instanceof XmlReply) {
    response.writeHead(status, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(reply.xml);
    return;
  }
  let text: string;
  try {
    const json: unknown = JSON.stringify(reply);
    text = typeof json === 'string' ? json : '{}';
  } catch {
    status = 500;
    text = '{"error":"internal error"}';
  }
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** The request path's decoded segments. */
export function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean).map(safeDecode);
}

/** True when the target is an endpoint whose PBX expects XML, errors included. */
export function wantsXml(url: URL): boolean {
  return matchEndpoint(segmentsOf(url))?.endpoint.reply === 'xml';
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
