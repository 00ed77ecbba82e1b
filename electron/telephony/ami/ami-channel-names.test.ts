import { describe, expect, it } from 'vitest';
import { isLocalChannel, originatedChannelMatcher, watchedChannelMatcher } from './ami-channel-names.js';

describe('watchedChannelMatcher', () => {
  it('matches any technology for an extension, but never Local helpers or renamed legs', () => {
    const watched = watchedChannelMatcher('12');
    expect(['PJSIP/12-0000002a', 'SIP/12-00000000', 'IAX2/12-1234'].every(watched)).toBe(true);
    expect(
      [
        'PJSIP/120-0000002a',
        'PJSIP/112-0000002a',
        'Local/12@from-internal-00000001;1',
        'SIP/12-00000000<MASQ>',
        'PJSIP/12',
        '',
      ].some(watched),
    ).toBe(false);
  });

  it('matches only the named technology for a device channel', () => {
    const watched = watchedChannelMatcher('SIP/ddddd');
    expect(watched('SIP/ddddd-00000000')).toBe(true);
    expect(watched('sip/ddddd-00000000')).toBe(true);
    expect(watched('PJSIP/ddddd-00000000')).toBe(false);
    expect(watched('Local/259@default-00000000;1<ZOMBIE>')).toBe(false);
  });
});

describe('originatedChannelMatcher', () => {
  it('recognises the first half of an originated Local channel, with or without a context', () => {
    expect(originatedChannelMatcher('Local/259@default')('Local/259@default-00000000;1')).toBe(true);
    expect(originatedChannelMatcher('Local/259@default')('Local/259@default-00000000;2')).toBe(false);
    expect(originatedChannelMatcher('Local/259')('Local/259@default-00000000;1')).toBe(true);
    // Options (`/n`: no optimisation) are not in the channel's name.
    expect(originatedChannelMatcher('Local/259@default/n')('Local/259@default-00000000;1')).toBe(true);
    expect(originatedChannelMatcher('Local/259/n')('Local/259@default-00000000;1')).toBe(true);
    expect(originatedChannelMatcher('PJSIP/12')('PJSIP/12-00000003')).toBe(true);
    expect(originatedChannelMatcher('PJSIP/12')('PJSIP/123-00000003')).toBe(false);
    expect(isLocalChannel('local/1@x-1;1')).toBe(true);
  });
});
