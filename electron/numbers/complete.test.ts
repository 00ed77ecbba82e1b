import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND, regionRules } from '../test-support/rules.js';
import { readTsv } from '../test-support/testdata.js';
import { classify, complete } from './complete.js';
import { resolveDialingRules } from './dialing-rules.js';
import { NumberError } from './number-error.js';

describe('complete: ConSol CM/Phone example (49 / 211 / 339903, 3-digit extensions)', () => {
  it.each(['12', '33990312', '21133990312', '0211 33990312', '+49 211 33990312', '0049 211 339903-12'])(
    'completes %s to the colleague +4921133990312',
    (input) => {
      expect(complete(input, DUESSELDORF)).toEqual({
        e164: '+4921133990312',
        kind: 'internal',
        extension: '12',
      });
    },
  );
});

describe('complete: the order of the rules', () => {
  it('1. a leading "+" is international as written', () => {
    expect(complete('+44 20 7946 0958', DUESSELDORF)).toMatchObject({
      e164: '+442079460958',
      kind: 'international',
    });
  });

  it('2. a leading international prefix is international, before the trunk prefix is considered', () => {
    expect(complete('0044 20 7946 0958', DUESSELDORF).e164).toBe('+442079460958');
    expect(complete('011 44 20 7946 0958', REDMOND).e164).toBe('+442079460958');
  });

  it('3. at most extensionMaxLength digits are an extension, even when they start with the trunk prefix', () => {
    expect(complete('012', DUESSELDORF)).toEqual({
      e164: '+49211339903012',
      kind: 'internal',
      extension: '012',
    });
    expect(complete('1234', DUESSELDORF).kind).toBe('local');
  });

  it('3. without a company number an extension has no E.164 form but is still an extension', () => {
    const rules = { ...DUESSELDORF, baseNumber: '' };
    expect(complete('12', rules)).toEqual({ e164: null, kind: 'internal', extension: '12' });
  });

  it('3. extensionMaxLength 0 means no extensions at all', () => {
    const rules = { ...DUESSELDORF, extensionMaxLength: 0 };
    expect(complete('12', rules).kind).not.toBe('internal');
  });

  it('4. a leading trunk prefix is national', () => {
    expect(complete('030 1234567', DUESSELDORF)).toMatchObject({ e164: '+49301234567', kind: 'national' });
    expect(complete('1 206 555 0100', REDMOND)).toMatchObject({ e164: '+12065550100', kind: 'national' });
  });

  it('5. a number starting with the company number is the company’s, with or without the area code', () => {
    expect(complete('339903123', DUESSELDORF).e164).toBe('+49211339903123');
    expect(complete('211339903', DUESSELDORF)).toMatchObject({ e164: '+49211339903', kind: 'local' });
  });

  it('6. anything else is local', () => {
    expect(complete('5551234', DUESSELDORF)).toMatchObject({ e164: '+492115551234', kind: 'local' });
    expect(complete('555-0123', REDMOND)).toMatchObject({ e164: '+14255550123', kind: 'local' });
  });

  it('6. ten NANP digits without the 1 are national when only that reading is valid', () => {
    expect(complete('206 555 0100', REDMOND)).toMatchObject({ e164: '+12065550100', kind: 'national' });
    expect(complete('(425) 555-0123', REDMOND)).toMatchObject({ e164: '+14255550123', kind: 'local' });
  });

  it('7. a local reading longer than any NANP number falls back to the national reading', () => {
    expect(complete('5555551111', REDMOND)).toMatchObject({ e164: '+15555551111', kind: 'national' });
    expect(complete('1 555 555 1111', REDMOND).e164).toBe('+15555551111');
    expect(complete('905-111-1234', REDMOND)).toMatchObject({ e164: '+19051111234', kind: 'national' });
    expect(complete('555-1111', REDMOND).e164).toBe('+14255551111');
  });

  it('7. a local reading that fits the country stays local, valid or not', () => {
    expect(complete('5551234', DUESSELDORF).e164).toBe('+492115551234');
    expect(complete('1234567890', DUESSELDORF).e164).toBe('+492111234567890');
  });

  it('6. without an area code, a local number is national', () => {
    const rules = { ...DUESSELDORF, areaCode: '', baseNumber: '' };
    expect(complete('5551234', rules)).toMatchObject({ e164: '+495551234', kind: 'national' });
  });
});

describe('complete: how numbers are written', () => {
  it.each([
    ['+49 (0)211 5551234', '+492115551234'],
    ['+49 (0) 211 5551234', '+492115551234'],
    ['0049 (0)211 5551234', '+492115551234'],
    ['+49 0211 5551234', '+492115551234'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+7 (8) 800 555-35-35', '+78005553535'],
    ['+7 8 800 555 35 35', '+78005553535'],
    ['0211/555-1234', '+492115551234'],
    ['(0211) 555 12 34', '+492115551234'],
    ['0211.555.1234', '+492115551234'],
    ['\u00a00211\u202f555\u20111234 ', '+492115551234'],
    ['\u200e+49 211 5551234\u202c', '+492115551234'],
    ['\uff10\uff12\uff11\uff11 5551234', '+492115551234'],
  ])('reads %j as %s', (input, e164) => {
    expect(complete(input, DUESSELDORF).e164).toBe(e164);
  });

  it('keeps the (0) of an Italian number, which has no trunk prefix', () => {
    expect(complete('+39 (0)2 1234 5678', DUESSELDORF).e164).toBe('+390212345678');
  });

  it('keeps a (0) that does not follow a country code', () => {
    expect(complete('(0)211 5551234', DUESSELDORF).e164).toBe('+492115551234');
  });

  it('applies the first matching incoming filter before anything else', () => {
    const rules = resolveDialingRules(
      { countryCode: '49', areaCode: '371', incomingFilters: ['^sip:(\\d+)@', '@(\\d+)$'] },
      'DE',
    );
    expect(complete('#000134@00493715347', rules).e164).toBe('+493715347');
    expect(complete('sip:0371999@pbx', rules).e164).toBe('+49371999');
    expect(complete('0371 999', rules).e164).toBe('+49371999');
  });
});

describe('complete: bad input is a NumberError naming the problem', () => {
  it.each([
    ['', 'empty', /no number/],
    ['   ', 'empty', /no number/],
    ['0211 CALL NOW', 'invalid-character', /letter "C" at position 6/],
    ['0211\u00075551234', 'control-character', /control character U\+0007 at position 5/],
    ['0211\t5551234', 'control-character', /U\+0009/],
    ['+49 +211', 'misplaced-plus', /position 5/],
    ['0211+5551234', 'misplaced-plus', /position 5/],
    ['-- / ()', 'no-digits', /no digits/],
    ['+', 'no-digits', /no digits/],
    ['+49 1234 5678 9012 34', 'too-many-digits', /16 digits.*at most 15/],
    ['0049 1234 5678 9012 34', 'too-many-digits', /at most 15/],
    ['+0211 555', 'invalid-country-code', /country calling code/],
    ['*21#', 'invalid-character', /"\*"/],
    ['0211;5551234', 'invalid-character', /";"/],
    ['x'.repeat(300), 'too-long-input', /longer than 256/],
  ])('rejects %j (%s)', (input, code, message) => {
    const attempt = () => complete(input, DUESSELDORF);
    expect(attempt).toThrow(NumberError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as NumberError).code).toBe(code);
    }
  });
});

describe('complete: another country’s international prefix is named as such', () => {
  it('00-1-212-555-7777 under NANP rules: 00 is not the international prefix there', () => {
    const attempt = () => complete('00-1-212-555-7777', REDMOND);
    expect(attempt).toThrow(NumberError);
    expect(attempt).toThrow(
      '"00" is not the international prefix in this country: dial 011 or write "+" before the country code',
    );
    try {
      attempt();
    } catch (error) {
      expect((error as NumberError).code).toBe('foreign-international-prefix');
    }
  });

  it('says so for 011 and 810 too, and only where the rest starts with a country code', () => {
    expect(() => complete('011 44 20 7946 0958 12', DUESSELDORF)).toThrow(
      /"011" is not the international prefix.*dial 00/,
    );
    expect(() => complete('810 49 211 555 1234 567', REDMOND)).toThrow(/"810" is not/);
    expect(() => complete('00 1 212 555 7777', regionRules('US'))).toThrow(/"00" is not.*dial 011/);
    expect(complete('00 0555 5555 555', REDMOND)).toMatchObject({
      e164: '+10005555555555',
      kind: 'national',
    });
    expect(complete('011 44 20 7946 0958', REDMOND).e164).toBe('+442079460958');
  });
});

describe('classify', () => {
  it('sees the company number plus a short tail as internal, a longer tail as local', () => {
    expect(classify('+49211339903123', DUESSELDORF)).toEqual({
      e164: '+49211339903123',
      kind: 'internal',
      extension: '123',
    });
    expect(classify('+492113399031234', DUESSELDORF).kind).toBe('local');
    expect(classify('+49211339903', DUESSELDORF).kind).toBe('local');
  });

  it('tells local, national and international apart', () => {
    expect(classify('+492115551234', DUESSELDORF).kind).toBe('local');
    expect(classify('+49301234567', DUESSELDORF).kind).toBe('national');
    expect(classify('+4321155512', DUESSELDORF).kind).toBe('international');
    expect(classify('+15065550123', REDMOND).kind).toBe('national');
  });
});

describe('complete: every country of Google’s dialing-prefix table, with its example numbers', () => {
  const prefixes = readTsv('numbers/google_metadata_dialing_prefixes.tsv');
  const examples = readTsv('numbers/google_metadata_example_numbers.tsv');
  for (const [region, callingCode, idd, , trunk] of prefixes) {
    const rules = regionRules(region!);
    const own = examples.filter((row) => row[0] === region);
    it(`${region}: national, international and IDD forms of ${own.length} example numbers agree`, () => {
      expect(rules).toMatchObject({ countryCode: callingCode, internationalPrefix: idd, trunkPrefix: trunk });
      for (const [, , type, nsn, e164] of own) {
        const where = `${region} ${type} ${nsn}`;
        expect(complete(`+${callingCode} ${nsn}`, rules).e164, where).toBe(e164);
        expect(complete(`${trunk}${nsn}`, rules).e164, where).toBe(e164);
        expect(complete(`${idd} ${callingCode} ${nsn}`, rules).e164, where).toBe(e164);
        expect(complete(`00 ${callingCode} ${nsn}`, DUESSELDORF).e164, where).toBe(e164);
      }
    });
  }
});
