import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../test-support/fake-clock.js';
import { CallCorrelator } from './call-correlator.js';
import { CallMatcher, isNumberId } from './call-matcher.js';
import type { LineIntent } from './line-intents.js';
import { RecentEnds } from './recent-ends.js';

const intent = (kind: LineIntent['kind'], pbxId: string | null, remote: string): LineIntent => ({
  kind,
  pbxId,
  line: '12',
  remote,
});

describe('matching PBX reports to calls', () => {
  it('knows a call id that is the caller’s number (3CX’s template), in any spelling', () => {
    expect(isNumberId('4912347114711', '+4912347114711')).toBe(true);
    expect(isNumberId('02115551234', '02115551234')).toBe(true);
    expect(isNumberId('0049 211 5551234', '+492115551234')).toBe(true);
    expect(isNumberId('1234567890-3', '+4912347114711')).toBe(false);
    expect(isNumberId('4912347114711', '')).toBe(false);
    expect(isNumberId(null, '+4912347114711')).toBe(false);
  });

  it('ends a hang-up-first call at once, and its repeats make no second call', () => {
    const clock = new FakeClock();
    const calls = new CallCorrelator(clock.now);
    const matcher = new CallMatcher(calls, new RecentEnds(clock.now));
    expect(matcher.apply({ ...intent('hangup', 'x', '+49211'), cause: 'cancel' }).events).toEqual([]);
    expect(matcher.apply(intent('ring', 'x', '+49211')).events).toEqual([
      { type: 'offering', callId: 'x', line: '12', remote: '+49211' },
      { type: 'ended', callId: 'x', cause: 'cancel' },
    ]);
    expect(matcher.apply(intent('ring', 'x', '+49211'))).toEqual({
      events: [],
      notes: ['call x already ended: this repeat starts no new call'],
    });
    expect(matcher.apply(intent('hangup', 'x', '+49211')).events).toEqual([]);
    expect(calls.list()).toEqual([]);
  });
});
