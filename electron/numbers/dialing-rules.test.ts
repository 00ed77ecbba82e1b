import { describe, expect, it } from 'vitest';
import { readTsv } from '../test-support/testdata.js';
import { prefixesOfRegion } from './calling-codes.js';
import { dialingRulesSchema, regionOfLocale, resolveDialingRules } from './dialing-rules.js';

describe('dialing rules schema', () => {
  it('accepts a complete set of rules and any subset', () => {
    expect(
      dialingRulesSchema.safeParse({ countryCode: '49', areaCode: '211', localFormat: 'area' }).success,
    ).toBe(true);
    expect(dialingRulesSchema.safeParse({}).success).toBe(true);
  });

  it.each([
    [{ countryCode: '+49' }, 'countryCode', /calling code/],
    [{ countryCode: '999' }, 'countryCode', /not an assigned/],
    [{ areaCode: '0211x' }, 'areaCode', /digits only/],
    [{ extensionMaxLength: -1 }, 'extensionMaxLength', /./],
    [{ internationalPrefix: '' }, 'internationalPrefix', /1 to 5 digits/],
    [{ localFormat: 'city' }, 'localFormat', /./],
    [{ incomingFilters: ['(unclosed'] }, 'incomingFilters', /not a valid regular expression/],
    [{ incomingFilters: ['@\\d+$'] }, 'incomingFilters', /capture group/],
    [{ areacode: '211' }, '', /unrecognized key.*areacode/i],
  ])('rejects %j at %s', (input, field, message) => {
    const result = dialingRulesSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(String(issue.path[0] ?? '')).toBe(field);
    expect(issue.message).toMatch(message);
  });
});

describe('resolveDialingRules', () => {
  it('fills the country’s prefixes and guesses nothing else', () => {
    expect(resolveDialingRules({ countryCode: '1', areaCode: '425' }, 'DE')).toEqual({
      countryCode: '1',
      areaCode: '425',
      baseNumber: '',
      extensionMaxLength: 0,
      outsideLineAccess: '',
      trunkPrefix: '1',
      internationalPrefix: '011',
      localFormat: 'area',
      incomingFilters: [],
    });
  });

  it('takes the country from the default region when the rules name none', () => {
    expect(resolveDialingRules({}, 'RU')).toMatchObject({
      countryCode: '7',
      trunkPrefix: '8',
      internationalPrefix: '810',
    });
  });

  it('keeps what the user wrote over the country’s defaults', () => {
    expect(
      resolveDialingRules({ countryCode: '49', trunkPrefix: '', internationalPrefix: '000' }, 'DE'),
    ).toMatchObject({
      trunkPrefix: '',
      internationalPrefix: '000',
    });
  });
});

describe('prefixesOfRegion agrees with Google’s metadata table', () => {
  for (const [region, callingCode, idd, , trunk] of readTsv('numbers/google_metadata_dialing_prefixes.tsv')) {
    it(`${region}: +${callingCode}, international ${idd}, trunk "${trunk}"`, () => {
      expect(prefixesOfRegion(region!)).toEqual({
        countryCode: callingCode,
        internationalPrefix: idd,
        trunkPrefix: trunk,
      });
    });
  }
});

describe('regionOfLocale', () => {
  it.each([
    ['de-DE', 'DE'],
    ['de', 'DE'],
    ['en-GB', 'GB'],
    ['en', 'US'],
    ['fr-CH', 'CH'],
    ['not a locale', 'US'],
  ])('%s → %s', (locale, region) => {
    expect(regionOfLocale(locale)).toBe(region);
  });
});
