import { describe, expect, it } from 'vitest';
import { ReconnectPolicy } from './reconnect-policy.js';

describe('ReconnectPolicy', () => {
  it('backs off exponentially up to the cap, with jitter between half the base and the ceiling', () => {
    const top = new ReconnectPolicy({ baseMs: 1000, capMs: 10_000, random: () => 0.999_999 });
    expect(Array.from({ length: 6 }, () => top.nextDelay())).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    const bottom = new ReconnectPolicy({ baseMs: 1000, capMs: 10_000, random: () => 0 });
    expect(Array.from({ length: 3 }, () => bottom.nextDelay())).toEqual([500, 500, 500]);
  });

  it('starts over after a successful connection', () => {
    const policy = new ReconnectPolicy({ baseMs: 100, random: () => 0.999_999 });
    policy.nextDelay();
    policy.nextDelay();
    policy.reset();
    expect(policy.nextDelay()).toBe(100);
  });
});
