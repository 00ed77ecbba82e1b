/**
 * The "recent requests" log: every request to the listener and its reply, bounded, newest
 * last, with the token redacted. The admin's first tool when a PBX is misconfigured
 * (`ringdesk provider log`).
 *
 * Invariant: the token MUST NOT appear in an entry in any spelling the listener itself would
 * accept: literally, with any of its characters percent-encoded (in either hex case), or with a
 * space written `+` (forms) — in the URL, the headers and the parameters alike.
 */

export interface RequestLogEntry {
  readonly at: string;
  readonly source: string;
  readonly method: string;
  /** The path and query with the token replaced by `***`. */
  readonly url: string;
  /** The request's headers (at most 30, values cut at 200 characters); credentials as `***`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request's parameters (query and body), values cut at 200 characters. */
  readonly payload: Readonly<Record<string, string | string[]>>;
  readonly status: number;
  readonly reply: unknown;
  /** What the request did not change and why (a repeat, an unknown call, a placeholder), if anything. */
  readonly notes?: readonly string[];
}

/** Headers whose values are credentials of their own: never logged. */
const HIDDEN_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  private readonly spelling: RegExp | null;

  constructor(
    private readonly size: number,
    token: string,
  ) {
    this.spelling = token === '' ? null : tokenSpellings(token);
  }

  add(entry: {
    at: string;
    source: string;
    method: string;
    url: string;
    /** Name, value, name, value… as Node's `rawHeaders`. */
    rawHeaders: readonly string[];
    payload: Readonly<Record<string, string | string[]>>;
    status: number;
    reply: unknown;
    notes?: readonly string[];
  }): void {
    const { rawHeaders, notes, ...rest } = entry;
    this.entries.push({
      ...rest,
      ...(notes === undefined || notes.length === 0
        ? {}
        : { notes: notes.slice(0, 10).map((note) => this.redact(note.slice(0, 300))) }),
      method: this.redact(rest.method.slice(0, 16)),
      url: this.redact(entry.url.slice(0, 2048)),
      headers: this.headers(rawHeaders),
      payload: this.clip(entry.payload),
    });
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }

  /** Oldest first. */
  list(): readonly RequestLogEntry[] {
    return [...this.entries];
  }

  /** `text` with every spelling of the token replaced by `***`. */
  redact(text: string): string {
    return this.spelling === null ? text : text.replace(this.spelling, '***');
  }

  private headers(raw: readonly string[]): Record<string, string> {
    const headers = Object.create(null) as Record<string, string>;
    for (let index = 0; index + 1 < raw.length && index < 60; index += 2) {
      const name = (raw[index] as string).toLowerCase().slice(0, 64);
      const value = raw[index + 1] as string;
      headers[this.redact(name)] = HIDDEN_HEADERS.has(name) ? '***' : this.redact(value.slice(0, 200));
    }
    return headers;
  }

  private clip(payload: Readonly<Record<string, string | string[]>>): Record<string, string | string[]> {
    const clipped = Object.create(null) as Record<string, string | string[]>;
    for (const [key, value] of Object.entries(payload).slice(0, 50)) {
      if (key.toLowerCase() === 'token') continue;
      const cut = (text: string) => this.redact(text.slice(0, 200));
      clipped[this.redact(key.slice(0, 64))] = Array.isArray(value)
        ? value.slice(0, 10).map(cut)
        : cut(value);
    }
    return clipped;
  }
}

/**
 * A pattern for every spelling of `token` in a URL, header or form: each character as itself or
 * as its UTF-8 bytes percent-encoded (any hex case); a space also as `+`.
 */
export function tokenSpellings(token: string): RegExp {
  const parts = Array.from(token, (char) => {
    const bytes = [...Buffer.from(char, 'utf8')]
      .map((byte) =>
        `%${byte.toString(16).padStart(2, '0')}`
          .split('')
          .map((digit) => (/[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit))
          .join(''),
      )
      .join('');
    const literal = char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    return `(?:${literal}|${bytes}${char === ' ' ? '|\\+' : ''})`;
  });
  return new RegExp(parts.join(''), 'g');
}
