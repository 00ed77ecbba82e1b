/**
 * Number completion: any way a number is written, to its E.164 form and its kind.
 *
 * The order of the rules is the contract (see README, "Numbers"):
 * 1. a leading `+`: international as written;
 * 2. a leading international prefix: international;
 * 3. at most `extensionMaxLength` digits: an extension of the company;
 * 4. a leading trunk prefix: national;
 * 5. starting with area code + company number, or with the company number: the company's;
 * 6. otherwise local, unless only the national reading is a valid number (NANP's habit of
 *    dialling ten digits without the 1).
 *
 * ConSol CM/Phone's example holds: with 49 / 211 / 339903, `12`, `33990312` and
 * `21133990312` all complete to `+4921133990312`.
 */
import { splitCallingCode, trunkPrefixOf } from './calling-codes.js';
import type { DialingRules } from './dialing-rules.js';
import { NumberError } from './number-error.js';
import { applyIncomingFilters, readNumberDigits, type NumberDigits } from './number-input.js';
import { isValidE164 } from './validity.js';

/** Where a number leads, seen from the agent's desk. */
export type NumberKind = 'internal' | 'local' | 'national' | 'international';

/** A completed number. */
export interface CompletedNumber {
  /** The E.164 form (`+4921133990312`); null for a bare extension when no company number is set. */
  readonly e164: string | null;
  readonly kind: NumberKind;
  /** For `internal` numbers: the extension digits. */
  readonly extension: string | null;
}

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
  if (digits.length <= rules.extensionMaxLength) {
    const e164 = baseNumber === '' ? null : checked(`+${countryCode}${areaCode}${baseNumber}${digits}`);
    return { e164, kind: 'internal', extension: digits };
  }
  if (trunkPrefix !== '' && digits.startsWith(trunkPrefix)) {
    return classify(checked(`+${countryCode}${digits.slice(trunkPrefix.length)}`), rules);
  }
  if (baseNumber !== '') {
    if (digits.startsWith(areaCode + baseNumber)) return classify(checked(`+${countryCode}${digits}`), rules);
    if (digits.startsWith(baseNumber)) return classify(checked(`+${countryCode}${areaCode}${digits}`), rules);
  }
  const local = checked(`+${countryCode}${areaCode}${digits}`);
  if (areaCode !== '' && !isValidE164(local)) {
    const national = `+${countryCode}${digits}`;
    if (isValidE164(national)) return classify(national, rules);
  }
  return classify(local, rules);
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
    );
  }
  const written = checked(`+${digits}`);
  const trunk = trunkPrefixOf(split.callingCode);
  if (trunk !== '' && split.national.startsWith(trunk) && !isValidE164(written)) {
    const without = `+${split.callingCode}${split.national.slice(trunk.length)}`;
    if (isValidE164(without)) return without;
  }
  return written;
}

function checked(e164: string): string {
  if (e164.length - 1 > MAX_E164_DIGITS) {
    throw new NumberError(
      'too-many-digits',
      `the number has ${e164.length - 1} digits once completed; E.164 allows at most ${MAX_E164_DIGITS}`,
    );
  }
  return e164;
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
