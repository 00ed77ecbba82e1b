/**
 * The forms of a looked-up number that a helpdesk search URL can carry. Helpdesks store numbers
 * as people typed them (`+49 211 5551234`, `0211/5551234`, `5551234`), and their searches match
 * text, not numbers: a search URL picks the form its helpdesk is most likely to find, and the
 * directory then keeps only the contacts whose numbers really complete to the E.164 number.
 */
import { splitCallingCode, trunkPrefixOf } from '../../numbers/calling-codes.js';
import type { DialingRules } from '../../numbers/dialing-rules.js';

/** How many trailing digits `{{number.tail}}` carries. */
export const TAIL_DIGITS = 7;

/** The placeholders of a search URL or body, without braces. */
export const NUMBER_PLACEHOLDERS = [
  'number.e164',
  'number.digits',
  'number.national',
  'number.trunk',
  'number.international',
  'number.tail',
] as const;

export type NumberPlaceholder = (typeof NUMBER_PLACEHOLDERS)[number];

/** A number that is not in E.164 form (`+` and 2..15 digits with a real calling code). */
export class NumberFormError extends Error {
  override readonly name = 'NumberFormError';
}

/**
 * The forms of `e164` (`+492115551234` with the Düsseldorf rules):
 * - `number.e164`: `+492115551234`
 * - `number.digits`: `492115551234` (E.164 without `+`)
 * - `number.national`: `2115551234` (the national number in the number's own country)
 * - `number.trunk`: `02115551234` (national with that country's trunk prefix, as dialled there)
 * - `number.international`: `00492115551234` (with the agent's international prefix)
 * - `number.tail`: `5551234` (the last {@link TAIL_DIGITS} digits: a fuzzy search term that finds
 *   most ways of writing the number, to be verified afterwards)
 *
 * @throws NumberFormError when `e164` is not an E.164 number, so a hostile or garbled caller ID
 *   never reaches a helpdesk's search.
 */
export function numberForms(e164: string, rules: DialingRules): Record<NumberPlaceholder, string> {
  if (!/^\+[1-9]\d{1,14}$/.test(e164))
    throw new NumberFormError(`not an E.164 number: ${JSON.stringify(e164)}`);
  const digits = e164.slice(1);
  const split = splitCallingCode(digits);
  if (split === null || split.national === '')
    throw new NumberFormError(`no country calling code in ${e164}`);
  const trunk =
    split.callingCode === rules.countryCode ? rules.trunkPrefix : trunkPrefixOf(split.callingCode);
  return {
    'number.e164': e164,
    'number.digits': digits,
    'number.national': split.national,
    'number.trunk': `${trunk}${split.national}`,
    'number.international': `${rules.internationalPrefix}${digits}`,
    'number.tail': split.national.slice(-TAIL_DIGITS),
  };
}
