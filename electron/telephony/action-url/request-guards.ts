/**
 * The listener's defences: the token compared in constant time, a per-source rate limit (token
 * bucket), and numbers from SIP URIs (`sip:0211555@pbx`) reduced to the number.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** True when `given` equals `expected`, in time independent of where they differ. */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  const a = createHash('sha256')
    .update(given ?? '')
    .digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given !== null && given !== undefined;
}

/** A token bucket per source address. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {}

  /** Takes one request from `source`'s bucket; false when it is empty. */
  allow(source: string): boolean {
    const time = this.now();
    const bucket = this.buckets.get(source) ?? { tokens: this.burst, at: time };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((time - bucket.at) / 1000) * this.perSecond);
    bucket.at = time;
    this.buckets.set(source, bucket);
    if (this.buckets.size > 10_000) this.forgetFull();
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Drops sources whose bucket has refilled (bounds the memory a scan of many sources uses). */
  private forgetFull(): void {
    const time = this.now();
    for (const [source, bucket] of this.buckets) {
      if (bucket.tokens + ((time - bucket.at) / 1000) * this.perSecond >= this.burst)
        this.buckets.delete(source);
    }
  }
}

/**
 * The number in what a phone or PBX reports: `sip:0211555@pbx.local`, `"Anna" <sip:12@pbx>`,
 * `tel:+49211555`, or a plain number. Anything unreadable is returned trimmed, for the number
 * engine to judge.
 */
export function numberFromAddress(address: string): string {
  let text = address.trim().slice(0, 512);
  const open = text.lastIndexOf('<');
  const close = text.lastIndexOf('>');
  if (open >= 0 && close > open) text = text.slice(open + 1, close);
  text = text.replace(/^(sips?|tel):/i, '');
  const end = text.search(/[@;]/);
  return (end < 0 ? text : text.slice(0, end)).trim();
}
