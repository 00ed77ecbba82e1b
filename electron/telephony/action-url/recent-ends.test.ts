import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../test-support/fake-clock.js';
import { EARLY_HANGUP_MS, ENDED_ID_MS, MAX_REMEMBERED, RecentEnds } from './recent-ends.js';

describe('what the line remembers about ends', () => {
  it('keeps an early hang-up about 10 s, by PBX id or (id-less) by line and number, once', () => {
    const clock = new FakeClock();
    const ends = new RecentEnds(clock.now);
    ends.noteEarly({ pbxId: 'a', line: '12', remote: '+49211', cause: 'cancel' });
    ends.noteEarly({ pbxId: null, line: '12', remote: '+49211', cause: 'busy' });
    clock.advance(EARLY_HANGUP_MS);
    expect(ends.takeEarly('b', '12', '+49211')).toBeNull();
    expect(ends.takeEarly('a', '12', '+49211')).toMatchObject({ cause: 'cancel' });
    expect(ends.takeEarly('a', '12', '+49211')).toBeNull();
    expect(ends.takeEarly(null, '13', '+49211')).toBeNull();
    clock.advance(1);
    expect(ends.takeEarly(null, '12', '+49211')).toBeNull();
  });

  it('knows an ended id for 15 minutes, an id-less call for 10 s', () => {
    const clock = new FakeClock();
    const ends = new RecentEnds(clock.now);
    ends.noteEnded(['pbx-1'], '12', '+49211');
    clock.advance(EARLY_HANGUP_MS);
    expect(ends.endedNumber('12', '+49211')).toBe(true);
    expect(ends.endedNumber('12', '')).toBe(true);
    expect(ends.endedNumber('12', '+49212')).toBe(false);
    clock.advance(1);
    expect(ends.endedNumber('12', '+49211')).toBe(false);
    clock.advance(ENDED_ID_MS - EARLY_HANGUP_MS - 1);
    expect(ends.endedId('pbx-1')).toBe(true);
    clock.advance(1);
    expect(ends.endedId('pbx-1')).toBe(false);
  });

  it('stays bounded under a flood', () => {
    const ends = new RecentEnds(new FakeClock().now);
    for (let index = 0; index <= MAX_REMEMBERED; index++) ends.noteEnded([`id-${index}`], '12', '1');
    expect(ends.endedId('id-0')).toBe(false);
    expect(ends.endedId(`id-${MAX_REMEMBERED}`)).toBe(true);
  });
});
