/**
 * The live-mode search for a caller: which stored forms of an E.164 number to ask the server
 * for, as one filter.
 *
 * A server cannot complete numbers with our dialing rules, and its matching differs by schema:
 * OpenLDAP's `telephoneNumber` equality ignores spaces and hyphens (`+493012340042` finds
 * `+49 30 12340042`) but not a national or slashed form (`030 12340042`, `0211/555-1234`);
 * Active Directory compares its phone attributes as plain case-insensitive strings. So the
 * filter asks for every exact form an agent's directory plausibly stores (E.164, with the
 * international prefix, national with the trunk prefix, the subscriber number in the own area,
 * the extension and the company-relative number for a colleague), plus endings on the last
 * four digits (`*1234`, which finds `0211/555-1234` and `(0211) 5551234`; `*12 34` and
 * `*12-34`, which find the pairs `0211 555 12 34`, `+33 6 12 34 56 78` and `+49 211 5551-234`'s
 * kin) and, for a colleague, `*339903*12` (which finds `+49 211 339903-12`).
 *
 * The endings over-match on purpose: the server only narrows the candidates, and the directory
 * completes every hit's numbers with the dialing rules and keeps only exact E.164 matches, so a
 * wide filter never pops up a wrong person.
 */
import { classify } from '../../numbers/complete.js';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import { allOf, attributeName, escapeFilterValue, LdapFilterError } from './ldap-filter.js';

/** What to ask a server for: exact values and value endings. */
export interface NumberForms {
  /** Whole values to compare for equality. */
  readonly exact: readonly string[];
  /** Value endings: `final` preceded by each of `contains` in order. */
  readonly endings: readonly { readonly final: string; readonly contains: readonly string[] }[];
}

/** An E.164 number: `+`, a digit 1-9, at most 14 more digits. */
export const E164 = /^\+[1-9]\d{1,14}$/;

/** How many trailing digits the ending asks for: selective, yet rarely split by a separator. */
const ENDING_DIGITS = 4;

/** The forms under which `e164` may be stored, seen from the agent's desk. */
export function numberForms(e164: string, rules: DialingRules): NumberForms {
  if (!E164.test(e164)) throw new RangeError(`"${e164}" is not an E.164 number`);
  const digits = e164.slice(1);
  const exact = new Set<string>([e164, `${rules.internationalPrefix}${digits}`]);
  const endings: { final: string; contains: string[] }[] = [];
  if (digits.length > ENDING_DIGITS) {
    const last = digits.slice(-ENDING_DIGITS);
    // Also the last four digits as the pairs many directories write (`12 36`, `12-36`):
    // Active Directory compares phone numbers as plain text, spaces and hyphens included.
    for (const written of [
      last,
      `${last.slice(0, 2)} ${last.slice(2)}`,
      `${last.slice(0, 2)}-${last.slice(2)}`,
    ])
      endings.push({ final: written, contains: [] });
  }

  const { countryCode, areaCode, baseNumber } = rules;
  if (digits.startsWith(countryCode)) {
    const national = digits.slice(countryCode.length);
    exact.add(`${rules.trunkPrefix}${national}`);
    if (areaCode !== '' && national.startsWith(areaCode) && national.length > areaCode.length)
      exact.add(national.slice(areaCode.length));
  }
  const kind = classify(e164, rules);
  if (kind.kind === 'internal' && kind.extension !== null) {
    exact.add(kind.extension);
    exact.add(`${baseNumber}${kind.extension}`);
    endings.push({ final: kind.extension, contains: [baseNumber] });
  }
  return { exact: [...exact], endings };
}

/**
 * The filter for a live lookup: the directory's own filter AND any phone attribute holding any
 * of the number's forms.
 */
export function liveFilter(
  e164: string,
  rules: DialingRules,
  phoneAttributes: readonly string[],
  entryFilter: string,
): string {
  const forms = numberForms(e164, rules);
  // Each value is escaped once and written for every attribute: this runs on every call.
  const values = [
    ...forms.exact.map((value) => `=${escapeFilterValue(value)})`),
    ...forms.endings.map(({ final, contains }) => {
      if (final === '' || contains.some((part) => part === ''))
        throw new LdapFilterError('a substring filter needs non-empty parts');
      return `=*${contains.map((part) => `${escapeFilterValue(part)}*`).join('')}${escapeFilterValue(final)})`;
    }),
  ];
  let alternatives = '';
  for (const attribute of phoneAttributes) {
    const open = `(${attributeName(attribute)}`;
    for (const value of values) alternatives += open + value;
  }
  const any = phoneAttributes.length * values.length === 1 ? alternatives : `(|${alternatives})`;
  return allOf([entryFilter, any]);
}
