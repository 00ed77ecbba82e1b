/** The action-url line's settings for the native PBX endpoints. */
import { describe, expect, it } from 'vitest';
import { actionUrlLineSchema } from './action-url-settings.js';

const base = { provider: 'action-url', token: 'a-token-of-16-characters' };

describe('action-url settings: sipgate.io, Placetel, ha-sip', () => {
  it('refuses sipgate.io without the public address sipgate calls back, naming the field', () => {
    const result = actionUrlLineSchema.safeParse({ ...base, sipgate: {} });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'publicUrl',
        'sipgate.io needs publicUrl: the address sipgate can reach this listener at, e.g. "https://ringdesk.example.com:8765"',
      ],
    ]);
  });

  it('takes a public address with scheme and host only, without a trailing slash', () => {
    const parsed = actionUrlLineSchema.parse({
      ...base,
      sipgate: {},
      publicUrl: 'https://pbx-hook.example.com:8443/',
    });
    expect(parsed.publicUrl).toBe('https://pbx-hook.example.com:8443');
    for (const publicUrl of [
      'ftp://x.example.com',
      'https://x.example.com/path',
      'x.example.com',
      'https://',
    ])
      expect(actionUrlLineSchema.safeParse({ ...base, sipgate: {}, publicUrl }).success).toBe(false);
  });

  it('switches Placetel and ha-sip on by their keys, with caller-ID rules for Placetel', () => {
    const parsed = actionUrlLineSchema.parse({
      ...base,
      placetel: { outbound: [{ dest: '41*', callerId: '41715880339000' }], defaultCallerId: '4930777000000' },
      haSip: {},
    });
    expect(parsed.placetel?.outbound[0]?.callerId).toBe('41715880339000');
    expect(parsed.haSip).toEqual({});
    expect(actionUrlLineSchema.safeParse({ ...base, placetel: { defaultCallerId: '+49 30' } }).success).toBe(
      false,
    );
  });
});
