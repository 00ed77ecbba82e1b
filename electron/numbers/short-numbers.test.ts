import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND, regionRules } from '../test-support/rules.js';
import { readTsv } from '../test-support/testdata.js';
import { analyzeNumber } from './analyze-number.js';
import { complete } from './complete.js';
import { shortNumberRegions, shortNumbersOf } from './short-numbers.js';
import { parseTelUri } from './tel-uri.js';

/** libphonenumber's ShortNumberMetadata.xml, by region (see the file's header). */
const metadata = readTsv('numbers/libphonenumber_short_numbers.tsv').map(
  ([region, emergencyLengths, emergency, , shortCode]) => ({
    region: region!,
    emergency: fullMatch(emergency!),
    emergencyLengths: lengths(emergencyLengths!),
    shortCode: fullMatch(shortCode!),
  }),
);
const regions = readTsv('numbers/google_metadata_dialing_prefixes.tsv').map(([region]) => region!);

function fullMatch(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** libphonenumber's possibleLengths notation: "3", "2,3", "[3-6]". */
function lengths(notation: string): number[] {
  return notation.split(',').flatMap((part) => {
    const range = /^\[(\d)-(\d)\]$/.exec(part);
    if (range === null) return [Number(part)];
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: to - from + 1 }, (_, index) => from + index);
  });
}

/** Every digit string of the given lengths that the pattern matches. */
function enumerate(pattern: RegExp, possible: readonly number[]): string[] {
  const found: string[] = [];
  for (const length of possible)
    for (let value = 0; value < 10 ** length; value++) {
      const digits = String(value).padStart(length, '0');
      if (pattern.test(digits)) found.push(digits);
    }
  return found;
}

/** A company with long extensions and an outside line: what would swallow a short number. */
function companyIn(region: string) {
  return { ...regionRules(region), baseNumber: '555', extensionMaxLength: 6, outsideLineAccess: '9' };
}

describe('short numbers: the table against libphonenumber’s short-number metadata', () => {
  it('covers every region the engine is tested for', () => {
    const covered = [...shortNumberRegions().values()].flat().sort();
    expect(covered).toEqual([...regions].sort());
  });

  for (const { region, emergency, emergencyLengths, shortCode } of metadata) {
    const rules = regionRules(region);
    it(`${region}: holds every emergency number, and only numbers that are short codes there`, () => {
      const table = shortNumbersOf(rules.countryCode);
      const emergencies = table.filter((short) => short.use === 'emergency').map((short) => short.digits);
      expect(emergencies).toEqual(expect.arrayContaining(enumerate(emergency, emergencyLengths)));
      for (const { digits } of table) expect(shortCode.test(digits), `${region} ${digits}`).toBe(true);
    });
  }
});

describe('short numbers are never extensions: they dial as written, per supported country', () => {
  for (const region of regions) {
    const rules = companyIn(region);
    const table = shortNumbersOf(rules.countryCode);
    const emergency = table.filter((short) => short.use === 'emergency');
    const service = table.filter((short) => short.use === 'service');

    it(`${region}: emergency numbers ${emergency.map((short) => short.digits).join(' ')}`, () => {
      for (const { digits } of emergency) {
        expect(complete(digits, rules), digits).toEqual({
          e164: null,
          kind: 'short',
          extension: null,
          short: { digits, use: 'emergency' },
        });
        expect(analyzeNumber(digits, rules), digits).toMatchObject({
          e164: null,
          kind: 'short',
          dialable: digits,
          display: digits,
          valid: true,
        });
        expect(parseTelUri(`tel:${digits}`, rules), digits).toMatchObject({
          kind: 'short',
          dialable: digits,
        });
        expect(parseTelUri(`tel:${digits};phone-context=+${rules.countryCode}`, rules)).toMatchObject({
          kind: 'short',
          dialable: digits,
        });
      }
    });

    it(`${region}: service numbers go out through the outside line, without an area code`, () => {
      const noExtensions = { ...rules, extensionMaxLength: 0 };
      for (const { digits } of service) {
        expect(analyzeNumber(digits, noExtensions), digits).toMatchObject({
          kind: 'short',
          dialable: `9${digits}`,
        });
        expect(parseTelUri(`callto:${digits}`, noExtensions).dialable, digits).toBe(`9${digits}`);
        expect(complete(digits, rules), `${digits} within the extension length`).toMatchObject({
          kind: 'internal',
          extension: digits,
        });
        expect(parseTelUri(`tel:${digits};phone-context=+${rules.countryCode}`, rules).kind).toBe('short');
      }
    });
  }
});

describe('short numbers: the cases that went wrong', () => {
  it('Redmond dials 911 as 911, not as the local number 9-425-911', () => {
    expect(analyzeNumber('911', REDMOND)).toMatchObject({ kind: 'short', dialable: '911', e164: null });
    expect(parseTelUri('tel:911', REDMOND).dialable).toBe('911');
    expect(parseTelUri('sip:911@pbx.example.com', REDMOND)).toMatchObject({ kind: 'short', dialable: '911' });
  });

  it('Düsseldorf (3-digit extensions) dials 112 as 112, not colleague +49211339903112', () => {
    expect(complete('112', DUESSELDORF)).toMatchObject({ kind: 'short', e164: null });
    expect(complete('113', DUESSELDORF)).toMatchObject({ kind: 'internal', extension: '113' });
  });

  it('a service number within the extension length is the colleague; beyond it, the service', () => {
    expect(complete('115', DUESSELDORF)).toMatchObject({ kind: 'internal', extension: '115' });
    const twoDigits = { ...DUESSELDORF, extensionMaxLength: 2 };
    expect(complete('115', twoDigits)).toMatchObject({ kind: 'short', short: { use: 'service' } });
    expect(analyzeNumber('115', twoDigits).dialable).toBe('0115');
    expect(analyzeNumber('116117', DUESSELDORF).dialable).toBe('0116117');
    expect(analyzeNumber('411', REDMOND)).toMatchObject({ kind: 'short', dialable: '9411' });
  });

  it('only the exact digits of the agent’s own country count', () => {
    expect(complete('999', companyIn('DE')).kind).toBe('internal');
    expect(complete('1120', companyIn('DE')).kind).toBe('internal');
    expect(complete('+49 112', DUESSELDORF).kind).not.toBe('short');
    expect(complete('0112', { ...DUESSELDORF, extensionMaxLength: 0 }).kind).not.toBe('short');
    expect(parseTelUri('tel:112;phone-context=+44', DUESSELDORF).kind).not.toBe('short');
    expect(complete('112', regionRules('JP')).kind).not.toBe('short');
  });
});
