/**
 * What keeps other web pages out of a host on loopback: a request must name this host in its
 * `Host` header (against DNS rebinding), and a browser request that changes anything must come
 * from the host's own page (`Origin`) with a JSON body (which a cross-site form cannot send
 * without a CORS preflight the host never answers). Bodies are capped.
 */
import type { IncomingMessage } from 'node:http';

/** A request the host refuses, with its HTTP status. */
export class RequestError extends Error {
  override readonly name = 'RequestError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 16 * 1024;

/** The `host:port` names under which the host may be addressed. */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set([`${bindHost}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  return names;
}

/** Checks `Host` and, when present, `Origin`. @throws RequestError */
export function checkRequestSource(request: IncomingMessage, hosts: ReadonlySet<string>): void {
  const host = request.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) throw new RequestError(421, 'unknown host name');
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, hosts))
    throw new RequestError(403, 'cross-origin request refused');
}

/** True when `origin` is `http://` plus one of our host names. */
export function isOwnOrigin(origin: string, hosts: ReadonlySet<string>): boolean {
  const match = /^http:\/\/([^/]+)$/.exec(origin.toLowerCase());
  return match !== null && hosts.has(match[1] as string);
}

/** Reads a JSON request body (Content-Type application/json, at most MAX_BODY_BYTES). */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new RequestError(415, 'send JSON (Content-Type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new RequestError(400, 'request body is not valid JSON');
  }
}
