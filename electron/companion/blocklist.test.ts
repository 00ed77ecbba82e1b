import { describe, expect, it } from 'vitest';
import { DUESSELDORF } from '../test-support/rules.js';
import { Blocklist } from './blocklist.js';

describe('Blocklist', () => {
  it('matches a blocked caller however the line writes the number', () => {
    const blocklist = new Blocklist([{ e164: '+491715000000', note: 'spam' }], DUESSELDORF);
    for (const remote of ['+491715000000', '0171 5000000', '0049 171 5000000', 'sip:01715000000@pbx']) {
      expect(blocklist.has(remote.replace(/^sip:|@.*$/g, '')), remote).toBe(true);
    }
    expect(blocklist.has('0171 5000001')).toBe(false);
    expect(blocklist.has('anonymous')).toBe(false);
  });
});
