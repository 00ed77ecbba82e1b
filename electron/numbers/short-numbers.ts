/**
 * Emergency and service short numbers (112, 110, 144, 911, 999, 115, 116117, ...) of the
 * countries the engine is tested for, so that completion never reads them as local numbers, and
 * an emergency number never as an extension: `112` stays `112` whatever the company's extension
 * length or area code. A service number within the extension length is the colleague's
 * extension: PBXs keep emergency numbers free of extensions (they must route them), but a 1xx
 * or 2xx-8xx extension plan has its 115 or 411, and dialling the service instead of the
 * colleague could not be undone by any setting. rules-warnings.ts names both collisions.
 *
 * libphonenumber-js carries no short-number data (its README says it skips emergency numbers
 * and short codes; none of its bundles, "max" included, has any), so the table is ours. Source:
 * Google libphonenumber's `resources/ShortNumberMetadata.xml` (Apache-2.0, snapshot f7e3e88,
 * 2026-07-17; it names its source for emergency numbers as Wikipedia's "Emergency telephone
 * number"): every `emergency` number of these regions is here as an emergency number, and every
 * entry is a number its `shortCode` pattern lists. The service numbers are a deliberate
 * selection from those short codes: public help lines and services a service desk may be asked
 * to call (the EU's harmonised 116 numbers, North America's N11 codes, 115 in Germany, 111 in
 * the UK); carrier, SMS and premium codes are left out. Spain's 061/062/080/091/092 are its
 * medical, Guardia Civil, fire, national and local police numbers, which libphonenumber lists as
 * short codes only. `numbers/short-numbers.test.ts` checks the table against that file's data
 * (`testdata/numbers/libphonenumber_short_numbers.tsv`).
 *
 * Countries outside the table have no short numbers here: their numbers complete as before.
 */

/** Emergency numbers dial as written; service numbers go out through the outside line. */
export type ShortNumberUse = 'emergency' | 'service';

/** A short number of the agent's own country. */
export interface ShortNumber {
  /** The number as dialled (`112`). */
  readonly digits: string;
  readonly use: ShortNumberUse;
}

interface CountryShortNumbers {
  /** The regions whose data the entry joins (for the note and the tests). */
  readonly regions: readonly string[];
  readonly emergency: readonly string[];
  readonly service: readonly string[];
}

/** The EU's harmonised numbers of social value (116000 missing children, 116111 child help line, ...). */
const EU_116 = (...tails: string[]) => tails.map((tail) => `116${tail}`);

/** By country calling code: the agent's rules name a calling code, not a region. */
const SHORT_NUMBERS: ReadonlyMap<string, CountryShortNumbers> = new Map([
  // NANP: US and CA share 911 and the N11 codes (211 community, 311 city, 411 directory,
  // 511 traffic, 611 repair, 711 relay, 811 dig-safe) and 988 (crisis line).
  [
    '1',
    {
      regions: ['US', 'CA'],
      emergency: ['112', '911'],
      service: ['211', '311', '411', '511', '611', '711', '811', '988'],
    },
  ],
  [
    '7',
    { regions: ['RU'], emergency: ['01', '02', '03', '101', '102', '103', '112'], service: ['04', '104'] },
  ],
  ['31', { regions: ['NL'], emergency: ['112', '911'], service: EU_116('000', '006', '111', '123') }],
  ['32', { regions: ['BE'], emergency: ['100', '101', '112'], service: EU_116('000', '117') }],
  [
    '33',
    {
      regions: ['FR'],
      emergency: ['15', '17', '18', '112'],
      service: ['114', '115', '119', ...EU_116('000', '006', '111', '117')],
    },
  ],
  [
    '34',
    {
      regions: ['ES'],
      emergency: ['061', '062', '080', '085', '088', '091', '092', '112'],
      service: ['016', ...EU_116('000', '111')],
    },
  ],
  [
    '39',
    { regions: ['IT'], emergency: ['112', '113', '115', '118'], service: ['114', ...EU_116('000', '111')] },
  ],
  [
    '41',
    {
      regions: ['CH'],
      emergency: ['112', '117', '118', '144'],
      service: ['143', '145', '147', '1414', ...EU_116('000', '111')],
    },
  ],
  [
    '43',
    {
      regions: ['AT'],
      emergency: ['112', '122', '133', '144'],
      service: ['140', '141', '142', '147', '1450', ...EU_116('000', '006', '117', '123')],
    },
  ],
  [
    '44',
    {
      regions: ['GB'],
      emergency: ['112', '999'],
      service: ['101', '105', '111', ...EU_116('000', '111', '123')],
    },
  ],
  ['48', { regions: ['PL'], emergency: ['112', '997', '998', '999'], service: EU_116('000', '111', '123') }],
  [
    '49',
    {
      regions: ['DE'],
      emergency: ['110', '112'],
      service: ['115', ...EU_116('000', '006', '111', '116', '117', '123')],
    },
  ],
  ['352', { regions: ['LU'], emergency: ['112', '113'], service: EU_116('000', '111') }],
  ['423', { regions: ['LI'], emergency: ['112', '117', '118', '144'], service: ['143', '145', '147'] }],
]);

/**
 * The short number `digits` is in the country of `countryCode`, or null. Only an exact match
 * counts: `1120` is no short number.
 */
export function shortNumberOf(countryCode: string, digits: string): ShortNumber | null {
  const country = SHORT_NUMBERS.get(countryCode);
  if (country === undefined) return null;
  if (country.emergency.includes(digits)) return { digits, use: 'emergency' };
  if (country.service.includes(digits)) return { digits, use: 'service' };
  return null;
}

/** Every short number of a country, emergency numbers first, each list in the table's order. */
export function shortNumbersOf(countryCode: string): readonly ShortNumber[] {
  const country = SHORT_NUMBERS.get(countryCode);
  if (country === undefined) return [];
  return [
    ...country.emergency.map((digits) => ({ digits, use: 'emergency' as const })),
    ...country.service.map((digits) => ({ digits, use: 'service' as const })),
  ];
}

/** The regions whose short numbers the table holds, by calling code (for tests and docs). */
export function shortNumberRegions(): ReadonlyMap<string, readonly string[]> {
  return new Map([...SHORT_NUMBERS].map(([code, country]) => [code, country.regions]));
}
