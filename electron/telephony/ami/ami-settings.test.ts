import { describe, expect, it } from 'vitest';
import { amiLineSchema, originateChannelFor } from './ami-settings.js';

const minimal = {
  provider: 'ami',
  host: 'pbx.example.com',
  username: 'ringdesk',
  secret: { env: 'AMI_SECRET' },
  line: '12',
};

describe('amiLineSchema', () => {
  it('fills sensible defaults', () => {
    expect(amiLineSchema.parse(minimal)).toEqual({
      ...minimal,
      port: 5038,
      tls: false,
      auth: 'md5',
      context: 'from-internal',
      priority: 1,
      ringTimeoutMs: 30_000,
      pingIntervalMs: 20_000,
      timeoutMs: 5000,
      serverFilter: false,
      abandonedQueues: [],
    });
  });

  it('checks certificates unless told otherwise', () => {
    const tls = amiLineSchema.parse({
      ...minimal,
      port: 5039,
      tls: { caFile: '/etc/ringdesk/pbx-ca.pem' },
    }).tls;
    expect(tls).toEqual({ caFile: '/etc/ringdesk/pbx-ca.pem', rejectUnauthorized: true });
  });

  it('refuses misspelt keys, Local channels and values that could break an action', () => {
    const problems = (input: object) =>
      amiLineSchema.safeParse({ ...minimal, ...input }).error?.issues.map((issue) => issue.message) ?? [];
    expect(problems({ extension: '12' })).toEqual([expect.stringMatching(/unrecognized key/i)]);
    expect(problems({ line: 'Local/12' })).toEqual(['must name the phone, not a Local/ channel']);
    expect(problems({ line: '12\r\nAction: Command' })).toHaveLength(1);
    expect(problems({ callerId: '"A" <12>\r\nApplication: System' })).toHaveLength(1);
    expect(problems({ context: 'from internal' })).toEqual(['must be a dialplan context name']);
    expect(problems({ host: 'http://pbx' })).toEqual(['must be a host name or an IP address']);
    expect(problems({ port: 70_000 })).toHaveLength(1);
  });
});

describe('originateChannelFor', () => {
  it('rings the device named as the line, else the extension through the dialplan', () => {
    expect(originateChannelFor(amiLineSchema.parse(minimal))).toBe('Local/12@from-internal');
    expect(originateChannelFor(amiLineSchema.parse({ ...minimal, line: 'PJSIP/12' }))).toBe('PJSIP/12');
    expect(originateChannelFor(amiLineSchema.parse({ ...minimal, originateChannel: 'SIP/12' }))).toBe(
      'SIP/12',
    );
  });
});
