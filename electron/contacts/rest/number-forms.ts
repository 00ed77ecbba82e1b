/**
 * The forms of a looked-up number that a helpdesk search URL can carry. Helpdesks store numbers
 * as people typed them (`+49 211 5551234`, `0211/555-1234`, `5551234`), and their searches match
 * text, not numbers: a search URL picks the terms its helpdesk can match (`search-terms.ts`
 * says which kind suits which search), and the directory then keeps only the contacts whose
 * numbers really complete to the E.164 number.
 */
import { splitCallingCode, trunkPrefixOf } from '../../numbers/calling-codes.js';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import {
  elasticsearchForms,
  patternDigits,
  queryStringGroup,
  SHORT_DIGITS,
  wildcardPattern,
} from './search-terms.js';

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
  'number.short',
  'number.wildcard',
  'number.tokens',
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
 * - `number.tail`: `5551234` (the last {@link TAIL_DIGITS} digits)
 * - `number.short`: `1234` (the last {@link SHORT_DIGITS} digits: for a plain `LIKE '%…%'`)
 * - `number.wildcard`: `*5*5*5*1*2*3*4*` (the subscriber number in the agent's own area, else the
 *   national number, with `*` around every digit: for a `LIKE` with `*` as its wildcard)
 * - `number.tokens`: `(02115551234 OR 492115551234 OR ... OR "555 12 34")` (the whole words and
 *   phrases a stored number can end in, for an Elasticsearch query_string: `phone:{{number.tokens}}`)
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
  const parts = {
    callingCode: split.callingCode,
    national: split.national,
    trunk,
    internationalPrefix: rules.internationalPrefix,
  };
  return {
    'number.e164': e164,
    'number.digits': digits,
    'number.national': split.national,
    'number.trunk': `${trunk}${split.national}`,
    'number.international': `${rules.internationalPrefix}${digits}`,
    'number.tail': split.national.slice(-TAIL_DIGITS),
    'number.short': split.national.slice(-SHORT_DIGITS),
    'number.wildcard': wildcardPattern(patternDigits(parts, rules)),
    'number.tokens': queryStringGroup(elasticsearchForms(parts)),
  };
}
