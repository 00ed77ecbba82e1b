/**
 * Spares the directories from bursts (a queue ringing every agent, a redial storm): answers are
 * kept for a while, "nobody has this number" for a shorter while, at most `capacity` numbers,
 * the least recently used dropped first. Answers with a failed directory are not kept.
 */
import type { LookupResult } from './lookup-result.js';

export interface LookupCacheOptions {
  /** How long a found contact is kept (ms); 0 disables the cache. */
  readonly ttlMs: number;
  /** How long "no contact" is kept (ms). */
  readonly negativeTtlMs: number;
  readonly capacity?: number;
  readonly now: () => number;
}

export class LookupCache {
  private readonly entries = new Map<string, { result: LookupResult; expires: number }>();

  constructor(private readonly options: LookupCacheOptions) {}

  get(e164: string): LookupResult | null {
    const entry = this.entries.get(e164);
    if (entry === undefined) return null;
    if (entry.expires <= this.options.now()) {
      this.entries.delete(e164);
      return null;
    }
    this.entries.delete(e164);
    this.entries.set(e164, entry);
    return entry.result;
  }

  set(e164: string, result: LookupResult): void {
    if (result.failures.length > 0) return;
    const ttl = result.contacts.length > 0 ? this.options.ttlMs : this.options.negativeTtlMs;
    if (ttl <= 0) return;
    this.entries.delete(e164);
    this.entries.set(e164, { result, expires: this.options.now() + ttl });
    const capacity = this.options.capacity ?? 10_000;
    while (this.entries.size > capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Forgets everything (after a directory re-read its data). */
  clear(): void {
    this.entries.clear();
  }
}
