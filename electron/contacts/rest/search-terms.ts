/**
 * Search terms that find a number the way people store it, for helpdesks whose search compares
 * text, not numbers. Each helpdesk can match one kind of term, so each preset sends its own:
 *
 * - **Whole words** (Zammad with Elasticsearch): the standard analyzer splits stored text at
 *   spaces, `/`, `(`, `)`, `-` (Unicode word boundaries), and Zammad deletes every `*` from a
 *   query, so only whole words and phrases of words can match. {@link elasticsearchForms} gives
 *   the words a stored number can end in (`5551234`, `02115551234`, the last 4 to 8 digits for
 *   subscriber numbers of any length) and the usual ways its last digits are split
 *   (`"555 1234"`, `"555 12 34"`, `"339903 12"`), for an `OR` of phrases.
 * - **Digits in order** (SQL `LIKE` with a wildcard, as KIX's `LIKE` operator and Znuny's
 *   customer search offer): {@link wildcardPattern} puts a `*` before, between and after the
 *   digits, so `*5*5*5*1*2*3*4*` finds `555 12 34`, `(0211) 555-1234` and `0211/5551234` alike.
 *   In the agent's own area it covers only the subscriber number, so a number stored without
 *   its area code (`5551234`) is found too.
 * - **A short tail** (plain `LIKE '%…%'`): the last {@link SHORT_DIGITS} digits, with a higher
 *   limit; finds every form whose last four digits are written together.
 *
 * Every term is deliberately loose: the directory keeps only the contacts whose numbers
 * complete to the caller's exact E.164 number.
 */
import type { DialingRules } from '../../numbers/dialing-rules.js';

/** How many trailing digits `{{number.short}}` carries. */
export const SHORT_DIGITS = 4;

/** The parts of a number the terms are built from. */
export interface NumberParts {
  readonly callingCode: string;
  /** The national number, without trunk prefix (`2115551234`). */
  readonly national: string;
  /** The country's trunk prefix, or "" (`0`). */
  readonly trunk: string;
  /** The agent's international prefix (`00`). */
  readonly internationalPrefix: string;
}

/**
 * The digits a subsequence pattern should cover: the subscriber number when the number lies in
 * the agent's own area (so a number stored without area code is found), else the national
 * number (every stored form of it contains all of these digits in order).
 */
export function patternDigits(parts: NumberParts, rules: DialingRules): string {
  const { national } = parts;
  const area = rules.areaCode;
  if (
    parts.callingCode === rules.countryCode &&
    area !== '' &&
    national.startsWith(area) &&
    national.length - area.length >= 3
  )
    return national.slice(area.length);
  return national;
}

/** `5551234` → `*5*5*5*1*2*3*4*`: the digits in order with anything between them. */
export function wildcardPattern(digits: string): string {
  return `*${digits.replace(/\d/g, '$&*')}`;
}

/**
 * The whole words and phrases a stored number can end in, as Elasticsearch's standard analyzer
 * splits it. For `+49 211 5551234`: `02115551234`, `492115551234`, `2115551234`,
 * `00492115551234`, `1234` ... `15551234`, and phrases such as `"555 1234"`, `"555 12 34"`.
 */
export function elasticsearchForms(parts: NumberParts): string[] {
  const { national, trunk, callingCode, internationalPrefix } = parts;
  const words = new Set<string>();
  if (trunk !== '') words.add(`${trunk}${national}`);
  words.add(`${callingCode}${national}`);
  words.add(national);
  words.add(`${internationalPrefix}${callingCode}${national}`);
  // The subscriber number written as one word after the area code, whatever its length.
  for (let length = 4; length <= 8 && length < national.length; length++) words.add(national.slice(-length));
  if (callingCode === '1' && national.length === 10) {
    // NANP's dotted style is one word for the analyzer (digits joined by dots stay together).
    const dotted = `${national.slice(0, 3)}.${national.slice(3, 6)}.${national.slice(6)}`;
    words.add(dotted);
    words.add(`1.${dotted}`);
  }
  const phrases = new Set<string>();
  const tail = (from: number, to: number) => national.slice(national.length - from, national.length - to);
  // Two groups: the last 1..4 digits apart (`555 1234`, `339903 12`, `5551 234`).
  for (let last = 1; last <= 4; last++)
    for (let head = 2; head <= 7; head++)
      if (head + last >= 5 && head + last <= national.length)
        phrases.add(`${tail(head + last, last)} ${tail(last, 0)}`);
  // Pairs from the right after a head group (`555 12 34`, `5 55 12 34`, `45 67 89`).
  for (let head = 1; head <= 4; head++)
    if (head + 4 <= national.length) phrases.add(`${tail(head + 4, 4)} ${tail(4, 2)} ${tail(2, 0)}`);
  return [...words, ...[...phrases].map((phrase) => `"${phrase}"`)];
}

/** Forms as one query_string group: `(02115551234 OR "555 1234" OR ...)`. */
export function queryStringGroup(forms: readonly string[]): string {
  return `(${forms.join(' OR ')})`;
}
