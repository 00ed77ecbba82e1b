/**
 * Number completion: any way a number is written, to its E.164 form and its kind.
 *
 * The order of the rules is the contract (see docs/numbers.md):
 * 1. a leading `+`: international as written;
 * 2. a leading international prefix: international;
 * 3. exactly an emergency number of the country (`112`, `911`, `144`): that emergency
 *    number, never an extension (see short-numbers.ts);
 * 4. at most `extensionMaxLength` digits: an extension of the company;
 * 4a. exactly a service short number of the country (`115`, `411`, `116117`): that number,
 *    never a local one (the company's own extensions of that length come first);
 * 5. a leading trunk prefix: national;
 * 6. starting with area code + company number, or with the company number: the company's;
 * 7. otherwise local, unless only the national reading is a valid number, or the local reading
 *    is longer than any number of the country (NANP's habit of dialling ten digits without
 *    the 1: `5555551111` in area 425 is `+15555551111`, never `+14255555551111`).
 *
 * ConSol CM/Phone's example holds: with 49 / 211 / 339903, `12`, `33990312` and
 * `21133990312` all complete to `+4921133990312`.
 */
import { longestNationalNumberOf, splitCallingCode, trunkPrefixOf } from './calling-codes.js';
import type { DialingRules } from './dialing-rules.js';
import { NumberError } from './number-error.js';
import { applyIncomingFilters, readNumberDigits, type NumberDigits } from './number-input.js';
import { shortNumberOf, type ShortNumber } from './short-numbers.js';
import { isValidE164 } from './validity.js';

/**
 * Where a number leads, seen from the agent's desk; `short` is an emergency or service short
 * number of the agent's country (`112`), which has no E.164 form.
 */
export type NumberKind = 'internal' | 'local' | 'national' | 'international' | 'short';

/** A completed number. */
export type CompletedNumber =
  | {
      /** The E.164 form (`+4921133990312`); null for a bare extension when no company number is set. */
      readonly e164: string | null;
      readonly kind: Exclude<NumberKind, 'short'>;
      /** For `internal` numbers: the extension digits. */
      readonly extension: string | null;
    }
  | {
      readonly e164: null;
      readonly kind: 'short';
      readonly extension: null;
      /** The short number as dialled, and whether it is an emergency number. */
      readonly short: ShortNumber;
    };

/** E.164 allows at most 15 digits after the `+`. */
export const MAX_E164_DIGITS = 15;

const compiledFilters = new WeakMap<readonly string[], readonly RegExp[]>();

/**
 * Completes a number as written (`0211 339903-12`, `+49 (0)211 ...`, `12`) with the rules.
 * Incoming filters apply first.
 *
 * @throws NumberError when the input is not a phone number or has more than 15 digits.
 */
export function complete(input: string, rules: DialingRules): CompletedNumber {
  const filtered = applyIncomingFilters(input, filtersOf(rules));
  return completeDigits(readNumberDigits(filtered, rules.internationalPrefix), rules);
}

/** Completes a number already reduced to its digits (see {@link readNumberDigits}). */
export function completeDigits(number: NumberDigits, rules: DialingRules): CompletedNumber {
  const { plus, digits } = number;
  const { countryCode, areaCode, baseNumber, trunkPrefix, internationalPrefix } = rules;
  if (plus) return classify(international(digits), rules);
  if (internationalPrefix !== '' && digits.startsWith(internationalPrefix)) {
    return classify(international(digits.slice(internationalPrefix.length)), rules);
  }
  const short = shortNumberOf(countryCode, digits);
  if (short?.use === 'emergency') return { e164: null, kind: 'short', extension: null, short };
  const check = (e164: string) => checked(e164, digits, rules);
  if (digits.length <= rules.extensionMaxLength) {
    const e164 = baseNumber === '' ? null : check(`+${countryCode}${areaCode}${baseNumber}${digits}`);
    return { e164, kind: 'internal', extension: digits };
  }
  if (short !== null) return { e164: null, kind: 'short', extension: null, short };
  if (trunkPrefix !== '' && digits.startsWith(trunkPrefix)) {
    return classify(check(`+${countryCode}${digits.slice(trunkPrefix.length)}`), rules);
  }
  if (baseNumber !== '') {
    if (digits.startsWith(areaCode + baseNumber)) return classify(check(`+${countryCode}${digits}`), rules);
    if (digits.startsWith(baseNumber)) return classify(check(`+${countryCode}${areaCode}${digits}`), rules);
  }
  return classify(localOrNational(digits, rules), rules);
}

/**
 * Rule 7: the local reading (area code in front), unless only the national reading is valid or
 * the local one is longer than any number of the country. When even the national reading is
 * too long and the digits start with another country's international prefix (`00` under NANP
 * rules), that is what the error says.
 */
function localOrNational(digits: string, rules: DialingRules): string {
  const { countryCode, areaCode } = rules;
  const national = `+${countryCode}${digits}`;
  const longest = longestNationalNumberOf(countryCode);
  if (digits.length > longest) {
    const foreign = foreignPrefixError(digits, rules);
    if (foreign !== null) throw foreign;
  }
  if (areaCode === '' || areaCode.length + digits.length > longest) return checked(national, digits, rules);
  const local = checked(`+${countryCode}${areaCode}${digits}`, digits, rules);
  if (!isValidE164(local) && isValidE164(national)) return national;
  return local;
}

/**
 * Classifies an E.164 number against the rules: `internal` (the company's number plus at most
 * `extensionMaxLength` digits), `local` (same country, starts with the area code), `national`
 * (same country), `international`.
 */
export function classify(e164: string, rules: DialingRules): CompletedNumber {
  const { countryCode, areaCode, baseNumber, extensionMaxLength } = rules;
  const company = `+${countryCode}${areaCode}${baseNumber}`;
  if (baseNumber !== '' && e164.startsWith(company)) {
    const rest = e164.length - company.length;
    if (rest >= 1 && rest <= extensionMaxLength) {
      return { e164, kind: 'internal', extension: e164.slice(company.length) };
    }
  }
  if (!e164.startsWith(`+${countryCode}`)) return { e164, kind: 'international', extension: null };
  const local = areaCode !== '' && e164.startsWith(`+${countryCode}${areaCode}`);
  return { e164, kind: local ? 'local' : 'national', extension: null };
}

/**
 * The E.164 form of an international number's digits. A trunk prefix written after the
 * country code (`+49 0211 ...`, `+7 8 800 ...`) is dropped when only that makes the number
 * valid.
 */
function international(digits: string): string {
  const split = splitCallingCode(digits);
  if (split === null) {
    throw new NumberError(
      'invalid-country-code',
      `"+${digits.slice(0, 3)}..." does not start with a country calling code`,
      { start: `+${digits.slice(0, 3)}` },
    );
  }
  const written = checked(`+${digits}`, null, null);
  const trunk = trunkPrefixOf(split.callingCode);
  if (trunk !== '' && split.national.startsWith(trunk) && !isValidE164(written)) {
    const without = `+${split.callingCode}${split.national.slice(trunk.length)}`;
    if (isValidE164(without)) return without;
  }
  return written;
}

/**
 * `e164` when it has at most 15 digits. Otherwise an error: that `written` starts with another
 * country's international prefix when it does (rules given), else the digit count.
 */
function checked(e164: string, written: string | null, rules: DialingRules | null): string {
  if (e164.length - 1 > MAX_E164_DIGITS) {
    const foreign = written === null || rules === null ? null : foreignPrefixError(written, rules);
    throw (
      foreign ??
      new NumberError(
        'too-many-digits',
        `the number has ${e164.length - 1} digits once completed; E.164 allows at most ${MAX_E164_DIGITS}`,
        { digits: e164.length - 1, max: MAX_E164_DIGITS },
      )
    );
  }
  return e164;
}

/**
 * The international prefixes people bring from elsewhere: `00` (ITU-T's recommendation, most of
 * the world), `011` (NANP), `810` (Russia). Others are too rare to guess at.
 */
const FOREIGN_INTERNATIONAL_PREFIXES = ['00', '011', '810'];

/** The error for `00 1 212 ...` under rules whose international prefix is `011`, or null. */
function foreignPrefixError(digits: string, rules: DialingRules): NumberError | null {
  for (const prefix of FOREIGN_INTERNATIONAL_PREFIXES) {
    if (prefix === rules.internationalPrefix || !digits.startsWith(prefix)) continue;
    if (splitCallingCode(digits.slice(prefix.length)) === null) continue;
    return new NumberError(
      'foreign-international-prefix',
      `"${prefix}" is not the international prefix in this country: dial ${rules.internationalPrefix} or write "+" before the country code`,
      { prefix, internationalPrefix: rules.internationalPrefix },
    );
  }
  return null;
}

function filtersOf(rules: DialingRules): readonly RegExp[] {
  const sources = rules.incomingFilters;
  if (sources.length === 0) return [];
  let filters = compiledFilters.get(sources);
  if (filters === undefined) {
    filters = sources.map((source) => new RegExp(source));
    compiledFilters.set(sources, filters);
  }
  return filters;
}
