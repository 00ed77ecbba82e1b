/**
 * Facts about country calling codes, read from libphonenumber-js's metadata.
 *
 * The number engine needs three things the dialing rules cannot know about *other* countries:
 * whether a digit string starts with a real calling code, which trunk prefix that country's
 * numbers carry when written nationally (to undo `+49 (0)211` and `+7 8 800 ...`), and each
 * region's own prefixes (to prefill dialing rules from the OS locale).
 */
import metadata from 'libphonenumber-js/min/metadata';
import { Metadata, type CountryCode } from 'libphonenumber-js';

/** The part of libphonenumber-js's untyped numbering-plan API that we use. */
interface NumberingPlan {
  possibleLengths(): number[] | undefined;
  IDDPrefix(): string;
  defaultIDDPrefix(): string | undefined;
  nationalPrefix(): unknown;
}

const callingCodes: Readonly<Record<string, readonly string[]>> = metadata.country_calling_codes;
const trunkPrefixCache = new Map<string, string>();
const longestCache = new Map<string, number>();

const nonGeographic = new Set(Object.keys(metadata.nonGeographic));

/**
 * True when `code` (digits, no `+`) is an assigned country calling code, including the
 * non-geographic ones (800 freephone, 870 Inmarsat, 882/883 international networks).
 */
export function isCallingCode(code: string): boolean {
  return Object.hasOwn(callingCodes, code) || nonGeographic.has(code);
}

/**
 * Splits the digits of an international number (without `+`) into calling code and national
 * number. Calling codes are prefix-free (ITU E.164), so at most one of the 1..3-digit heads
 * matches. Returns null when none does.
 */
export function splitCallingCode(digits: string): { callingCode: string; national: string } | null {
  for (let length = 1; length <= 3 && length <= digits.length; length++) {
    const head = digits.slice(0, length);
    if (isCallingCode(head)) return { callingCode: head, national: digits.slice(length) };
  }
  return null;
}

/** The region that libphonenumber treats as the main one for a calling code (`1` → `US`). */
export function mainRegionOf(callingCode: string): CountryCode | undefined {
  const regions = callingCodes[callingCode];
  const region = regions?.[0];
  return region === undefined || region === '001' ? undefined : (region as CountryCode);
}

/**
 * The national trunk prefix of a calling code's main region (`49` → `0`, `7` → `8`), or ''
 * when that country has none (Italy keeps its leading 0 after `+39`).
 */
export function trunkPrefixOf(callingCode: string): string {
  const cached = trunkPrefixCache.get(callingCode);
  if (cached !== undefined) return cached;
  const region = mainRegionOf(callingCode);
  const prefix = region === undefined ? '' : readTrunkPrefix(planOf(region));
  trunkPrefixCache.set(callingCode, prefix);
  return prefix;
}

/**
 * The most digits a national number of the calling code's main region can have (`1` → 10,
 * `49` → 15): libphonenumber's possible lengths. Where it knows none, what E.164 leaves.
 */
export function longestNationalNumberOf(callingCode: string): number {
  const cached = longestCache.get(callingCode);
  if (cached !== undefined) return cached;
  const region = mainRegionOf(callingCode);
  const lengths = region === undefined ? undefined : planOf(region).possibleLengths();
  const longest =
    lengths === undefined || lengths.length === 0 ? 15 - callingCode.length : Math.max(...lengths);
  longestCache.set(callingCode, longest);
  return longest;
}

/** The prefixes a region dials: its calling code, trunk prefix and international prefix. */
export function prefixesOfRegion(
  region: string,
): { countryCode: string; trunkPrefix: string; internationalPrefix: string } | null {
  const upper = region.toUpperCase();
  if (!Object.hasOwn(metadata.countries, upper)) return null;
  const plan = planOf(upper as CountryCode);
  const countryCode = Object.keys(callingCodes).find((code) => callingCodes[code]?.includes(upper));
  if (countryCode === undefined) return null;
  return {
    countryCode,
    trunkPrefix: readTrunkPrefix(plan),
    internationalPrefix: readInternationalPrefix(plan),
  };
}

function planOf(region: CountryCode): NumberingPlan {
  const data = new Metadata();
  data.selectNumberingPlan(region);
  return data.numberingPlan as unknown as NumberingPlan;
}

function readTrunkPrefix(plan: NumberingPlan): string {
  const prefix = plan.nationalPrefix();
  return typeof prefix === 'string' && /^\d+$/.test(prefix) ? prefix : '';
}

function readInternationalPrefix(plan: NumberingPlan): string {
  const idd = plan.IDDPrefix();
  if (/^\d+$/.test(idd)) return idd;
  // A pattern such as "00|011": the preferred one, without its "wait for dial tone" marks.
  const preferred = plan.defaultIDDPrefix()?.replace(/~/g, '');
  if (preferred !== undefined && /^\d+$/.test(preferred)) return preferred;
  return /^00/.test(idd) ? '00' : (/^\d+/.exec(idd)?.[0] ?? '00');
}
