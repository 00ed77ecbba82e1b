/**
 * Generated people for the test LDAP server: deterministic, every number unique, stored the way
 * real directories store them (E.164 with spaces, `0211/555-1234`, `(0211) 5551234`, the bare
 * local number, `+49 (0)211 ...`, `0049 ...`, extensions like `123` (people 0-799) and `+49 211 339903-950` (900-999)),
 * in telephoneNumber-syntax attributes (`telephoneNumber`, `mobile`, `homePhone`) and in
 * Active-Directory-style plain strings (`ipPhone`, `otherTelephone`).
 *
 * Seen from Düsseldorf (test-support/rules.ts: +49, area 211, company 339903, 3-digit
 * extensions), each person's numbers complete to the E.164 forms listed with them.
 */
import { LDAP_READER_DN, LDAP_READER_PASSWORD, LDAP_SUFFIX } from './ldap-server.js';

/** Where the generated people live. */
export const PEOPLE_DN = `ou=people,${LDAP_SUFFIX}`;

/** A generated person and the E.164 numbers a lookup must find them by. */
export interface GeneratedPerson {
  readonly dn: string;
  readonly name: string;
  /** Every number stored for the person, as stored and completed. */
  readonly numbers: readonly { readonly attribute: string; readonly raw: string; readonly e164: string }[];
}

/** An extra entry (a trap, a hostile value): attributes as LDIF would list them. */
export type ExtraEntry = Readonly<Record<string, string | readonly string[]>> & { readonly uid: string };

/** The base entries: the suffix, `ou=people`, `ou=services` with the reader account. */
export function baseLdif(): string {
  return [
    ldifEntry(LDAP_SUFFIX, {
      objectClass: ['dcObject', 'organization'],
      dc: 'example',
      o: 'Example',
    }),
    ldifEntry(PEOPLE_DN, { objectClass: 'organizationalUnit', ou: 'people' }),
    ldifEntry(`ou=services,${LDAP_SUFFIX}`, { objectClass: 'organizationalUnit', ou: 'services' }),
    ldifEntry(LDAP_READER_DN, {
      objectClass: ['organizationalRole', 'simpleSecurityObject'],
      cn: 'reader',
      userPassword: LDAP_READER_PASSWORD,
    }),
  ].join('');
}

/** Person `i`: name, attributes and expected numbers. */
export function person(i: number): {
  attributes: Record<string, string | string[]>;
  person: GeneratedPerson;
} {
  const subscriber = String(5_000_000 + i);
  const numbers: { attribute: string; raw: string; e164: string }[] = [];
  const add = (attribute: string, raw: string, e164: string) => numbers.push({ attribute, raw, e164 });
  const work = [
    `+49 211 ${subscriber}`,
    `0211/${subscriber.slice(0, 3)}-${subscriber.slice(3)}`,
    `(0211) ${subscriber}`,
    subscriber,
    `+49 (0)211 ${subscriber}`,
    `0049 211 ${subscriber}`,
  ][i % 6] as string;
  add('telephoneNumber', work, `+49211${subscriber}`);
  const mobile = String(20_000_000 + i);
  add('mobile', i % 2 === 0 ? `+49 151 ${mobile}` : `0151 ${mobile}`, `+49151${mobile}`);
  // 110 and 112 are Germany's emergency numbers, never extensions (numbers/short-numbers.ts):
  // those two colleagues' extensions are stored in full.
  const extension = String(100 + i);
  const stored = extension === '110' || extension === '112' ? `+49 211 339903-${extension}` : extension;
  if (i < 800) add('ipPhone', stored, `+49211339903${extension}`);
  else if (i >= 900 && i < 1000) add('ipPhone', `+49 211 339903-${i}`, `+49211339903${i}`);
  if (i % 10 === 7) add('otherTelephone', `+49 30 ${12_340_000 + i}`, `+4930${12_340_000 + i}`);
  if (i % 10 === 3) add('homePhone', `0049 89 ${30_000_000 + i}`, `+4989${30_000_000 + i}`);

  const given = `Given${i}`;
  const family = `Family${i}`;
  const name = `${given} ${family}`;
  const uid = `p${i}`;
  const attributes: Record<string, string | string[]> = {
    uid,
    objectClass: ['inetOrgPerson', 'adPerson'],
    cn: name,
    sn: family,
    givenName: given,
    displayName: name,
    mail: `${uid}@example.com`,
    company: `Company ${i % 50}`,
    department: `Department ${i % 7}`,
    title: 'Agent',
    labeledURI: `https://intranet.example.com/people/${uid}`,
  };
  for (const { attribute, raw } of numbers) {
    const existing = attributes[attribute];
    attributes[attribute] = existing === undefined ? raw : [...[existing].flat(), raw];
  }
  return { attributes, person: { dn: `uid=${uid},${PEOPLE_DN}`, name, numbers } };
}

/** The LDIF of the base entries, `count` people and `extras`, and the people generated. */
export function peopleLdif(
  count: number,
  extras: readonly ExtraEntry[] = [],
): { ldif: string; people: GeneratedPerson[] } {
  const parts = [baseLdif()];
  const people: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const generated = person(i);
    parts.push(ldifEntry(generated.person.dn, generated.attributes));
    people.push(generated.person);
  }
  for (const extra of extras) parts.push(ldifEntry(`uid=${extra.uid},${PEOPLE_DN}`, extra));
  return { ldif: parts.join(''), people };
}

/** One LDIF record; values that are not safe strings (RFC 2849) are written in base64. */
export function ldifEntry(
  dn: string,
  attributes: Readonly<Record<string, string | readonly string[]>>,
): string {
  const lines = [ldifLine('dn', dn)];
  for (const [attribute, value] of Object.entries(attributes))
    for (const item of [value].flat()) lines.push(ldifLine(attribute, item));
  return `${lines.join('\n')}\n\n`;
}

function ldifLine(attribute: string, value: string): string {
  return isSafeString(value)
    ? `${attribute}: ${value}`
    : `${attribute}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}

/** RFC 2849's SAFE-STRING: ASCII without NUL, CR and LF, not starting with space, ':' or '<'. */
function isSafeString(value: string): boolean {
  if (value === '' || [' ', ':', '<'].includes(value.charAt(0)) || value.endsWith(' ')) return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0 || code === 10 || code === 13 || code > 127) return false;
  }
  return true;
}
