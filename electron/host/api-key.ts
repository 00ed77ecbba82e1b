/**
 * The host's key: what every `/api/` request and the WebSocket upgrade must carry, so that only
 * whoever can read the profile's host file (its user) drives the host — not another local
 * process of another user, not a web page, not the network behind `serve --host`.
 *
 * A client sends it as `Authorization: Bearer <key>` (the CLI) or in the cookie the browser got
 * when it opened the URL `ringdesk serve` printed (`/?key=<key>`): HttpOnly, so no script reads
 * it, SameSite=Strict, so no other site's request carries it. The cookie's name holds the port:
 * cookies do not tell ports apart, and two hosts (the demo and a profile) may run side by side.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A new random key: 32 bytes, base64url. */
export function newApiKey(): string {
  return randomBytes(32).toString('base64url');
}

/** True for a string that can be a key (what {@link newApiKey} makes). */
export function isApiKey(text: unknown): text is string {
  return typeof text === 'string' && /^[A-Za-z0-9_-]{32,128}$/.test(text);
}

/** True when `given` is `key`, compared in time independent of where they differ. */
export function sameKey(given: string | null, key: string): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(key).digest();
  return timingSafeEqual(a, b);
}

/** The cookie that carries the key of the host on `port`. */
export function keyCookieName(port: number): string {
  return `ringdesk-key-${port}`;
}

/** The `Set-Cookie` value that hands the key to a browser. */
export function keyCookie(port: number, key: string): string {
  return `${keyCookieName(port)}=${key}; Path=/; HttpOnly; SameSite=Strict; Max-Age=34560000`;
}

/** The key a request carries (bearer header first, then the cookie), or null. */
export function keyOf(request: IncomingMessage, port: number): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return bearer;
  const name = keyCookieName(port);
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals).trim() === name) return part.slice(equals + 1).trim();
  }
  return null;
}
