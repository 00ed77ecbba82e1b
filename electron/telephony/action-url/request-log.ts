/**
 * The "recent requests" log: every request to the listener and its reply, bounded, newest
 * last, with the token redacted. The admin's first tool when a PBX is misconfigured
 * (`ringdesk provider log`).
 */

export interface RequestLogEntry {
  readonly at: string;
  readonly source: string;
  readonly method: string;
  /** The path and query with the token replaced by `***`. */
  readonly url: string;
  /** The request's parameters (query and body), values cut at 200 characters. */
  readonly payload: Readonly<Record<string, string | string[]>>;
  readonly status: number;
  readonly reply: unknown;
}

export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  constructor(
    private readonly size: number,
    private readonly token: string,
  ) {}

  add(
    entry: Omit<RequestLogEntry, 'url' | 'payload'> & {
      url: string;
      payload: Readonly<Record<string, string | string[]>>;
    },
  ): void {
    this.entries.push({ ...entry, url: this.redact(entry.url), payload: this.clip(entry.payload) });
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }

  /** Oldest first. */
  list(): readonly RequestLogEntry[] {
    return [...this.entries];
  }

  private redact(text: string): string {
    return this.token === ''
      ? text
      : text.split(this.token).join('***').split(encodeURIComponent(this.token)).join('***');
  }

  private clip(payload: Readonly<Record<string, string | string[]>>): Record<string, string | string[]> {
    const clipped: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(payload).slice(0, 50)) {
      if (key.toLowerCase() === 'token') continue;
      const cut = (text: string) => this.redact(text.slice(0, 200));
      clipped[key.slice(0, 64)] = Array.isArray(value) ? value.slice(0, 10).map(cut) : cut(value);
    }
    return clipped;
  }
}
