import { describe, expect, it } from 'vitest';
import { AmiLineNotFoundError, lineTarget } from './ami-line-target.js';
import type { AmiLineChoice } from './ami-lines.js';

const line = (extension: string, device: string): AmiLineChoice => ({
  id: device,
  name: `${extension}@ext-local (${device})`,
  extension,
});
const listed = (...lines: AmiLineChoice[]) => ({ kind: 'listed', lines }) as const;

describe('lineTarget', () => {
  it('finds the device behind an extension, and the extension behind a device', () => {
    const lines = listed(line('7001', 'PJSIP/7001'), line('7002', 'PJSIP/phone-b7'));
    expect(lineTarget('7002', lines)).toEqual({ device: 'PJSIP/phone-b7', extension: '7002', found: true });
    expect(lineTarget('pjsip/PHONE-b7', lines)).toEqual({
      device: 'PJSIP/phone-b7',
      extension: '7002',
      found: true,
    });
  });

  it('watches the line as written when Asterisk cannot list its extensions', () => {
    const unlisted = { kind: 'unlisted', reason: 'Invalid/unknown command' } as const;
    expect(lineTarget('12', unlisted)).toEqual({ device: '12', extension: '12', found: false });
    expect(lineTarget('SIP/12', unlisted)).toEqual({ device: 'SIP/12', extension: '12', found: false });
  });

  it('watches a line Asterisk does not list as written (a plain Asterisk without hints, too)', () => {
    const many = listed(...Array.from({ length: 12 }, (_, i) => line(`70${10 + i}`, `PJSIP/70${10 + i}`)));
    expect(lineTarget('7002', many)).toEqual({ device: '7002', extension: '7002', found: false });
    expect(lineTarget('PJSIP/12', listed())).toEqual({ device: 'PJSIP/12', extension: '12', found: false });
  });

  it('refuses an extension several devices answer to, showing ten of them and how many more', () => {
    const many = listed(...Array.from({ length: 12 }, (_, i) => line('7002', `PJSIP/70${10 + i}`)));
    expect(() => lineTarget('7002', many)).toThrow(AmiLineNotFoundError);
    expect(() => lineTarget('7002', many)).toThrow(
      /PJSIP\/7019 "7002@ext-local \(PJSIP\/7019\)" and 2 more;/,
    );
  });
});
