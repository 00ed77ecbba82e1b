import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND } from '../test-support/rules.js';
import { readTsv } from '../test-support/testdata.js';
import { analyzeNumber } from './analyze-number.js';
import { resolveDialingRules } from './dialing-rules.js';

describe('analyzeNumber: dialable strings (the issue’s examples)', () => {
  it.each([
    ['+4921133990312', '12'],
    ['5551234', '05551234'],
    ['030 1234567', '00301234567'],
    ['+44 20 7946 0958', '000442079460958'],
  ])('Düsseldorf dials %s as %s', (input, expected) => {
    expect(analyzeNumber(input, DUESSELDORF).dialable).toBe(expected);
  });

  it.each([
    ['555-0123', '94255550123'],
    ['206 555 0100', '912065550100'],
    ['+44 20 7946 0958', '9011442079460958'],
  ])('Redmond dials %s as %s', (input, expected) => {
    expect(analyzeNumber(input, REDMOND).dialable).toBe(expected);
  });

  it.each([
    ['subscriber', '05551234'],
    ['area', '02115551234'],
    ['trunk-area', '002115551234'],
  ] as const)('dials a local number in %s format as %s', (localFormat, expected) => {
    expect(analyzeNumber('0211 5551234', { ...DUESSELDORF, localFormat }).dialable).toBe(expected);
  });

  it('dials without an outside-line prefix when the line needs none', () => {
    const direct = { ...DUESSELDORF, outsideLineAccess: '' };
    expect(analyzeNumber('+49 30 1234567', direct).dialable).toBe('0301234567');
    expect(analyzeNumber('+1 212 555 0100', direct).dialable).toBe('0012125550100');
  });

  it('dials a bare extension as written, even without a company number', () => {
    const report = analyzeNumber('42', { ...DUESSELDORF, baseNumber: '' });
    expect(report).toEqual({
      input: '42',
      e164: null,
      kind: 'internal',
      dialable: '42',
      display: '42',
      valid: false,
    });
  });

  it('dials a national Italian number with its leading 0 and no trunk prefix', () => {
    const rome = resolveDialingRules({ countryCode: '39', outsideLineAccess: '0' }, 'IT');
    expect(analyzeNumber('02 1234 5678', rome)).toMatchObject({
      e164: '+390212345678',
      dialable: '00212345678',
    });
  });

  it('dials from Moscow with trunk 8 and international prefix 810', () => {
    const moscow = resolveDialingRules({ countryCode: '7', areaCode: '495' }, 'RU');
    expect(analyzeNumber('8 800 555 35 35', moscow)).toMatchObject({
      e164: '+78005553535',
      dialable: '88005553535',
    });
    expect(analyzeNumber('+49 211 5551234', moscow).dialable).toBe('81049211' + '5551234');
  });
});

describe('analyzeNumber: display and validity', () => {
  it('shows numbers of the own country in national format, others in international format', () => {
    expect(analyzeNumber('+492115551234', DUESSELDORF).display).toBe('0211 5551234');
    expect(analyzeNumber('+442079460958', DUESSELDORF).display).toBe('+44 20 7946 0958');
    expect(analyzeNumber('+12065550100', REDMOND).display).toBe('(206) 555-0100');
  });

  it('reports libphonenumber’s verdict', () => {
    expect(analyzeNumber('+12133734253', REDMOND).valid).toBe(true);
    expect(analyzeNumber('+1 213 373', REDMOND).valid).toBe(false);
  });

  it('keeps the order of the CLI contract', () => {
    expect(Object.keys(analyzeNumber('12', DUESSELDORF))).toEqual([
      'input',
      'e164',
      'kind',
      'dialable',
      'display',
      'valid',
    ]);
  });

  it('formats as libphonenumber-js’s own format cases expect', () => {
    const rows = readTsv('numbers/libphonenumberjs_format.tsv').filter(
      ([input, country, format, options]) =>
        /^\+\d+$/.test(input!) &&
        country === '' &&
        options === '' &&
        /^(INTERNATIONAL|NATIONAL)$/.test(format!),
    );
    let checked = 0;
    for (const [input, , format, , expected] of rows) {
      // National format is what Ringdesk shows for valid numbers of the own country (+1 here).
      const home = format === 'NATIONAL' ? REDMOND : DUESSELDORF;
      const report = analyzeNumber(input!, home);
      if (format === 'NATIONAL' && !(report.valid && input!.startsWith('+1'))) continue;
      expect(report.display, input).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
