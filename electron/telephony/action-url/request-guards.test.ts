import { describe, expect, it } from 'vitest';
import { numberFromAddress, RateLimiter, tokenMatches } from './request-guards.js';

describe('request guards', () => {
  it('compares tokens exactly', () => {
    expect(tokenMatches('s3cret-token-0123', 's3cret-token-0123')).toBe(true);
    expect(tokenMatches('s3cret-token-012', 's3cret-token-0123')).toBe(false);
    expect(tokenMatches('', 's3cret-token-0123')).toBe(false);
    expect(tokenMatches(null, 's3cret-token-0123')).toBe(false);
  });

  it('limits each source to its burst, refilling over time', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1, () => now);
    expect([1, 2, 3, 4].map(() => limiter.allow('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(limiter.allow('10.0.0.2')).toBe(true);
    now += 1000;
    expect(limiter.allow('10.0.0.1')).toBe(true);
    expect(limiter.allow('10.0.0.1')).toBe(false);
  });

  it.each([
    ['sip:0211555@pbx.local', '0211555'],
    ['sips:+49211555;user=phone@pbx', '+49211555'],
    ['"Anna Becker" <sip:12@pbx.local>', '12'],
    ['Anna <sip:12@pbx>', '12'],
    ['tel:+49211555', '+49211555'],
    ['0211 555', '0211 555'],
    ['  12 ', '12'],
  ])('reads %j as %j', (address, number) => {
    expect(numberFromAddress(address)).toBe(number);
  });
});
