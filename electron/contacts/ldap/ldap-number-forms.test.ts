import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND } from '../../test-support/rules.js';
import { liveFilter, numberForms } from './ldap-number-forms.js';

describe('numberForms', () => {
  it('asks for a local number as E.164, with 00, national and local, and by its last four digits, also as pairs', () => {
    expect(numberForms('+492115551234', DUESSELDORF)).toEqual({
      exact: ['+492115551234', '00492115551234', '02115551234', '5551234'],
      endings: [
        { final: '1234', contains: [] },
        { final: '12 34', contains: [] },
        { final: '12-34', contains: [] },
      ],
    });
  });

  it('asks for a colleague by extension, by company number + extension and by the company ending', () => {
    const forms = numberForms('+4921133990312', DUESSELDORF);
    expect(forms.exact).toEqual(expect.arrayContaining(['12', '33990312', '021133990312', '+4921133990312']));
    expect(forms.endings).toContainEqual({ final: '12', contains: ['339903'] });
  });

  it('asks for a foreign number without national forms', () => {
    expect(numberForms('+442079460000', DUESSELDORF)).toEqual({
      exact: ['+442079460000', '00442079460000'],
      endings: [
        { final: '0000', contains: [] },
        { final: '00 00', contains: [] },
        { final: '00-00', contains: [] },
      ],
    });
  });

  it("uses the agent's country's prefixes (NANP: 011 and trunk 1)", () => {
    expect(numberForms('+14255550123', REDMOND).exact).toEqual([
      '+14255550123',
      '01114255550123',
      '14255550123',
      '5550123',
    ]);
  });

  it('refuses anything but an E.164 number', () => {
    for (const bad of ['', '4921155', '+49 211 555', '+49211*', '+0211555', '+1234567890123456'])
      expect(() => numberForms(bad, DUESSELDORF)).toThrow(RangeError);
  });
});

describe('liveFilter', () => {
  it("restricts the directory's own filter to entries holding any form in any phone attribute", () => {
    const filter = liveFilter(
      '+492115551234',
      DUESSELDORF,
      ['telephoneNumber', 'ipPhone'],
      '(objectClass=person)',
    );
    expect(filter).toBe(
      '(&(objectClass=person)(|' +
        '(telephoneNumber=+492115551234)(telephoneNumber=00492115551234)(telephoneNumber=02115551234)' +
        '(telephoneNumber=5551234)(telephoneNumber=*1234)(telephoneNumber=*12 34)(telephoneNumber=*12-34)' +
        '(ipPhone=+492115551234)(ipPhone=00492115551234)(ipPhone=02115551234)(ipPhone=5551234)' +
        '(ipPhone=*1234)(ipPhone=*12 34)(ipPhone=*12-34)))',
    );
  });
});
