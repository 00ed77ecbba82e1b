/**
 * LDAP search filters as strings (RFC 4515), built from values that are always escaped.
 *
 * A value reaches a filter only through these builders, so a value holding filter syntax
 * (`*`, `(`, `)`, `\`, NUL) is compared as text and can never widen a search (LDAP injection).
 * Only those five characters are escaped: RFC 4515 allows every other UTF-8 character as is, and
 * escaping multi-byte characters byte by byte would garble them in clients that re-parse the
 * string (ldapts does).
 */

const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9-]*$/;
/** The characters RFC 4515 reserves in a value, and how each is written. */
const ESCAPES: ReadonlyMap<string, string> = new Map(
  ['*', '(', ')', '\\', '\u0000'].map((char) => [
    char,
    `\\${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  ]),
);

/** Any character RFC 4515 reserves (NUL written as a class of its own to keep the regex printable). */
const RESERVED = /[*()\\]|\p{Cc}/u;

/** A filter that names something that is not an attribute, or asks for an empty ending. */
export class LdapFilterError extends Error {
  override readonly name = 'LdapFilterError';
}

/** `value` with `*`, `(`, `)`, `\` and NUL written as `\2a`, `\28`, `\29`, `\5c`, `\00`. */
export function escapeFilterValue(value: string): string {
  if (!RESERVED.test(value)) return value;
  let escaped = '';
  for (const char of value) escaped += ESCAPES.get(char) ?? char;
  return escaped;
}

/** `(attribute=value)`: equality, with the value escaped. */
export function equals(attribute: string, value: string): string {
  return `(${checked(attribute)}=${escapeFilterValue(value)})`;
}

/**
 * `(attribute=*part*part*final)`: the value ends with `final` and holds each of `contains`
 * before it, in order. Every part is escaped.
 */
export function endsWith(attribute: string, final: string, contains: readonly string[] = []): string {
  if (final === '' || contains.some((part) => part === ''))
    throw new LdapFilterError('a substring filter needs non-empty parts');
  const middle = contains.map((part) => `${escapeFilterValue(part)}*`).join('');
  return `(${checked(attribute)}=*${middle}${escapeFilterValue(final)})`;
}

/** `(|a b ...)`; a single filter as is. */
export function anyOf(filters: readonly string[]): string {
  if (filters.length === 0) throw new LdapFilterError('an OR filter needs at least one part');
  return filters.length === 1 ? (filters[0] as string) : `(|${filters.join('')})`;
}

/** `(&a b ...)`; a single filter as is. */
export function allOf(filters: readonly string[]): string {
  if (filters.length === 0) throw new LdapFilterError('an AND filter needs at least one part');
  return filters.length === 1 ? (filters[0] as string) : `(&${filters.join('')})`;
}

const checkedNames = new Set<string>();

/** `attribute`, when it is an attribute name. @throws LdapFilterError otherwise. */
export function attributeName(attribute: string): string {
  return checked(attribute);
}

function checked(attribute: string): string {
  if (checkedNames.has(attribute)) return attribute;
  if (!ATTRIBUTE.test(attribute)) throw new LdapFilterError(`"${attribute}" is not an LDAP attribute name`);
  if (checkedNames.size < 1000) checkedNames.add(attribute);
  return attribute;
}

/**
 * A filter as the admin wrote it, with RFC 4515 escapes of UTF-8 text turned back into the
 * characters (`D\c3\bcsseldorf` → `Düsseldorf`). ldapts reads each escape as one character,
 * so `\c3\bc` would reach the server as the four bytes of `Ã¼` and match nothing. Escapes of
 * ASCII bytes (`\2a`, `\28`, `\29`, `\5c`, `\00`) are left as they are: ldapts reads them
 * right.
 *
 * @throws LdapFilterError when escaped bytes are not UTF-8 text (a binary value such as an
 *   objectGUID), which ldapts cannot send.
 */
export function normalizeFilter(filter: string): string {
  return filter.replace(/(?:\\[89a-fA-F][0-9a-fA-F])+/g, (run) => {
    const bytes = Buffer.from(run.replace(/\\/g, ''), 'hex');
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD') || Buffer.from(text, 'utf8').length !== bytes.length)
      throw new LdapFilterError(
        `the escaped bytes ${run} are not UTF-8 text; write the characters themselves, or leave binary values out of the filter`,
      );
    for (const char of text)
      if (ESCAPES.has(char)) throw new LdapFilterError(`the escaped bytes ${run} hold a reserved character`);
    return text;
  });
}
