/**
 * Reads a webhook request's parameters: the query string plus a JSON, URL-encoded or multipart
 * form body (Zammad accepts all three), capped at 16 KiB. Repeated keys (`user[]=a&user[]=b`)
 * become lists; nested JSON values are kept only when they are strings or lists of strings.
 *
 * Invariant: parameters MUST be collected in null-prototype objects (see {@link newParams}), so a
 * key such as `toString`, `constructor` or `__proto__` is just another unknown key and never
 * reads or changes an inherited member.
 */
import type { IncomingMessage } from 'node:http';

export type Params = Record<string, string | string[]>;

/** An empty parameter table without a prototype: no key finds an inherited member. */
export function newParams(): Params {
  return Object.create(null) as Params;
}

/** The parameters of `first` and then `second` (a later key wins), in a new null-prototype table. */
export function mergeParams(first: Params, second: Params): Params {
  const merged = newParams();
  for (const [key, value] of Object.entries(first)) merged[key] = value;
  for (const [key, value] of Object.entries(second)) merged[key] = value;
  return merged;
}

/** Largest body accepted. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A body that cannot be read, with the HTTP status to answer. */
export class BodyError extends Error {
  override readonly name = 'BodyError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the body of `request` (capped) as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyError(413, `request body over ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The parameters of a body of `contentType`. */
export function parseBody(body: string, contentType: string): Params {
  if (body.trim() === '') return newParams();
  const type = contentType.toLowerCase();
  if (type.startsWith('application/json')) return fromJson(body);
  if (type.startsWith('multipart/form-data'))
    return fromMultipart(body, /boundary="?([^";]+)"?/i.exec(contentType)?.[1]);
  if (type.startsWith('application/x-www-form-urlencoded') || type === '')
    return fromSearch(new URLSearchParams(body));
  throw new BodyError(415, `unsupported content type "${contentType.slice(0, 60)}"`);
}

/** The parameters of a query string. */
export function fromSearch(search: URLSearchParams): Params {
  const params = newParams();
  for (const [rawKey, value] of search) add(params, rawKey, value);
  return params;
}

function add(params: Params, rawKey: string, value: string): void {
  const list = rawKey.endsWith('[]');
  const key = list ? rawKey.slice(0, -2) : rawKey;
  const existing = params[key];
  if (existing === undefined) params[key] = list ? [value] : value;
  else params[key] = [...(Array.isArray(existing) ? existing : [existing]), value];
}

function fromJson(body: string): Params {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BodyError(400, 'request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BodyError(400, 'request body must be a JSON object');
  const params = newParams();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = String(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) params[key] = value;
  }
  return params;
}

function fromMultipart(body: string, boundary: string | undefined): Params {
  if (boundary === undefined) throw new BodyError(400, 'multipart body without boundary');
  const params = newParams();
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1];
    if (name === undefined || /filename=/i.test(part.slice(0, split))) continue;
    add(params, name, part.slice(split + 4).replace(/\r\n$/, ''));
  }
  return params;
}

/**
 * The parameters of a request target's query. With `plusIsPlus` (desk phones, which put a
 * caller's `sip:+49211…` into the query unencoded), a `+` is a plus, not a form-encoded space.
 */
export function fromQuery(url: URL, plusIsPlus: boolean): Params {
  return fromSearch(plusIsPlus ? new URLSearchParams(url.search.replaceAll('+', '%2B')) : url.searchParams);
}

/** A variable a phone or PBX template should have filled in but sent as is (`$call-id`, `$remote`). */
const PLACEHOLDER = /^\$[A-Za-z_][\w-]*$/;

/**
 * `params` without values that are unexpanded template variables (`callid=$call-id`): such a
 * value counts as absent. Returns what was dropped, in plain words, for the request log.
 */
export function withoutPlaceholders(params: Params): { params: Params; dropped: string[] } {
  const kept = newParams();
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    const literal = values.filter((each) => PLACEHOLDER.test(each.trim()));
    for (const each of literal)
      dropped.push(`${key}: "${each.trim().slice(0, 40)}" is an unexpanded placeholder, taken as absent`);
    if (literal.length === 0) kept[key] = value;
    else if (Array.isArray(value) && literal.length < value.length)
      kept[key] = value.filter((each) => !PLACEHOLDER.test(each.trim()));
  }
  return { params: kept, dropped };
}
