/**
 * Generated people for the test LDAP server, in either profile (see ldap-server.ts):
 * deterministic, every number unique, written the ways real directories hold them: E.164 with
 * spaces, `0211/555-1234`, `(0211) 5551234`, the bare local number, `+49 (0)211 ...`, pairs
 * (`0211 500 00 42`), brackets with pairs (`(0211) 500 00 42`), German direct-dial style
 * (`+49 211 50000-42`), `0049 ...`, French pairs (`+33 6 12 ...`), extensions like `123`
 * (people 0-799) and `+49 211 339903-950` (900-999).
 *
 * OpenLDAP profile: `uid=p<i>` entries of class inetOrgPerson (+ adPerson). AD profile:
 * `cn=<name>` entries of classes person/organizationalPerson/user with objectCategory,
 * userAccountControl 512 (enabled), objectGUID, sAMAccountName and uSNChanged (1000 + i; the
 * server's highest committed USN is {@link highestUsnOf}), and `wWWHomePage` as the link.
 *
 * Seen from Düsseldorf (test-support/rules.ts: +49, area 211, company 339903, 3-digit
 * extensions), each person's numbers complete to the E.164 forms listed with them.
 */
import { createHash } from 'node:crypto';
import { PERSON_CATEGORY } from './ldap-ad-profile.js';
import { LDAP_READER_DN, LDAP_READER_PASSWORD, LDAP_SUFFIX } from './ldap-server-constants.js';
import type { SlapdProfile } from './ldap-server.js';

/** Where the generated people live. */
export const PEOPLE_DN = `ou=people,${LDAP_SUFFIX}`;
/** The first USN the AD profile gives a person. */
const FIRST_USN = 1000;

/** A generated person and the E.164 numbers a lookup must find them by. */
export interface GeneratedPerson {
  readonly dn: string;
  readonly name: string;
  /** Every number stored for the person, as stored and completed. */
  readonly numbers: readonly { readonly attribute: string; readonly raw: string; readonly e164: string }[];
}

/** An attribute value: text, or bytes (objectGUID). */
export type LdifValue = string | Buffer;
/** An extra entry (a trap, a hostile value): attributes as LDIF would list them. */
export type ExtraEntry = Readonly<Record<string, LdifValue | readonly LdifValue[]>> & {
  readonly uid: string;
};

/** The link attribute of a profile's people. */
export function linkAttributeOf(profile: SlapdProfile): string {
  return profile === 'ad' ? 'wWWHomePage' : 'labeledURI';
}

/** The DN of an entry named `uid` under `ou=people` in a profile. */
export function peopleDn(uid: string, profile: SlapdProfile = 'openldap'): string {
  return `${profile === 'ad' ? 'cn' : 'uid'}=${uid},${PEOPLE_DN}`;
}

/** The root DSE's highest committed USN once `count` people are loaded (AD profile). */
export function highestUsnOf(count: number): number {
  return FIRST_USN + count;
}

/** The base entries: the suffix, `ou=people`, `ou=services` with the reader account. */
export function baseLdif(profile: SlapdProfile = 'openldap'): string {
  if (profile === 'ad')
    return [
      ldifEntry(LDAP_SUFFIX, { objectClass: ['top', 'domainDNS'], dc: 'example' }),
      ldifEntry(PEOPLE_DN, { objectClass: ['top', 'organizationalUnit'], ou: 'people' }),
      ldifEntry(`ou=services,${LDAP_SUFFIX}`, { objectClass: ['top', 'organizationalUnit'], ou: 'services' }),
      ldifEntry(`CN=Deleted Objects,${LDAP_SUFFIX}`, {
        objectClass: ['top', 'container'],
        cn: 'Deleted Objects',
        isDeleted: 'TRUE',
      }),
      // A plain container with a password: a service account that no contact filter selects.
      ldifEntry(LDAP_READER_DN, {
        objectClass: ['top', 'container'],
        cn: 'reader',
        userPassword: LDAP_READER_PASSWORD,
      }),
    ].join('');
  return [
    ldifEntry(LDAP_SUFFIX, { objectClass: ['dcObject', 'organization'], dc: 'example', o: 'Example' }),
    ldifEntry(PEOPLE_DN, { objectClass: 'organizationalUnit', ou: 'people' }),
    ldifEntry(`ou=services,${LDAP_SUFFIX}`, { objectClass: 'organizationalUnit', ou: 'services' }),
    ldifEntry(LDAP_READER_DN, {
      objectClass: ['organizationalRole', 'simpleSecurityObject'],
      cn: 'reader',
      userPassword: LDAP_READER_PASSWORD,
    }),
  ].join('');
}

/** The work number of subscriber `s` in one of eight written forms. */
function workNumber(i: number, s: string): string {
  const pairs = `${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`;
  return [
    `+49 211 ${s}`,
    `0211/${s.slice(0, 3)}-${s.slice(3)}`,
    `(0211) ${s}`,
    s,
    `+49 (0)211 ${s}`,
    `0211 ${pairs}`,
    `(0211) ${pairs}`,
    `+49 211 ${s.slice(0, 5)}-${s.slice(5)}`,
  ][i % 8] as string;
}

/** Person `i`: name, attributes and expected numbers. */
export function person(
  i: number,
  profile: SlapdProfile = 'openldap',
): { attributes: Record<string, LdifValue | LdifValue[]>; person: GeneratedPerson } {
  const subscriber = String(5_000_000 + i);
  const numbers: { attribute: string; raw: string; e164: string }[] = [];
  const add = (attribute: string, raw: string, e164: string) => numbers.push({ attribute, raw, e164 });
  add('telephoneNumber', workNumber(i, subscriber), `+49211${subscriber}`);
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
  if (i % 10 === 5) {
    const french = String(10_000_000 + i).slice(-8);
    const spaced = french.replace(/(\d\d)(?=\d)/g, '$1 ');
    add(profile === 'ad' ? 'otherMobile' : 'pager', `+33 6 ${spaced}`, `+336${french}`);
  }

  const given = `Given${i}`;
  const family = `Family${i}`;
  const name = `${given} ${family}`;
  const uid = `p${i}`;
  const common = {
    cn: name,
    sn: family,
    givenName: given,
    displayName: name,
    mail: `${uid}@example.com`,
    company: `Company ${i % 50}`,
    department: `Department ${i % 7}`,
    title: 'Agent',
    [linkAttributeOf(profile)]: `https://intranet.example.com/people/${uid}`,
  };
  const attributes: Record<string, LdifValue | LdifValue[]> =
    profile === 'ad'
      ? {
          objectClass: ['top', 'person', 'organizationalPerson', 'user'],
          ...common,
          sAMAccountName: uid,
          objectCategory: PERSON_CATEGORY,
          userAccountControl: '512',
          objectGUID: guidOf(uid),
          uSNCreated: String(FIRST_USN + i),
          uSNChanged: String(FIRST_USN + i),
        }
      : // Written long ago, so that a test's own changes are the only recent ones.
        { uid, objectClass: ['inetOrgPerson', 'adPerson'], ...common, modifyTimestamp: '20260101000000Z' };
  for (const { attribute, raw } of numbers) {
    const existing = attributes[attribute];
    attributes[attribute] = existing === undefined ? raw : [...[existing].flat(), raw];
  }
  const dn = profile === 'ad' ? `cn=${name},${PEOPLE_DN}` : `uid=${uid},${PEOPLE_DN}`;
  return { attributes, person: { dn, name, numbers } };
}

/** A stable objectGUID (16 bytes) for an entry named `uid`. */
export function guidOf(uid: string): Buffer {
  return createHash('md5').update(uid).digest();
}

/** The LDIF of the base entries, `count` people and `extras`, and the people generated. */
export function peopleLdif(
  count: number,
  extras: readonly ExtraEntry[] = [],
  profile: SlapdProfile = 'openldap',
): { ldif: string; people: GeneratedPerson[] } {
  const parts = [baseLdif(profile)];
  const people: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const generated = person(i, profile);
    parts.push(ldifEntry(generated.person.dn, generated.attributes));
    people.push(generated.person);
  }
  for (const extra of extras) parts.push(ldifEntry(peopleDn(extra.uid, profile), extraEntry(extra, profile)));
  return { ldif: parts.join(''), people };
}

/**
 * An extra entry as the profile holds it: OpenLDAP's classes become AD's (a person becomes an
 * enabled user of category Person, unless the extra names its own AD classes), the uid becomes
 * the entry's cn.
 */
function extraEntry(
  extra: ExtraEntry,
  profile: SlapdProfile,
): Record<string, LdifValue | readonly LdifValue[]> {
  if (profile !== 'ad') return extra;
  const { uid, objectClass, ...rest } = extra;
  const classes = [objectClass ?? []].flat().map(String);
  const adClasses = classes.some((name) => ['user', 'contact', 'computer'].includes(name));
  const names = [rest.cn ?? []].flat();
  return {
    objectClass: adClasses ? classes : ['top', 'person', 'organizationalPerson', 'user'],
    ...(adClasses ? {} : { objectCategory: PERSON_CATEGORY }),
    ...(adClasses || rest.userAccountControl !== undefined ? {} : { userAccountControl: '512' }),
    objectGUID: guidOf(uid),
    uSNChanged: String(FIRST_USN - 1),
    ...rest,
    cn: names.map(String).includes(uid) ? names : [...names, uid],
  };
}

/** One LDIF record; values that are not safe strings (RFC 2849) are written in base64. */
export function ldifEntry(
  dn: string,
  attributes: Readonly<Record<string, LdifValue | readonly LdifValue[]>>,
): string {
  const lines = [ldifLine('dn', dn)];
  for (const [attribute, value] of Object.entries(attributes))
    for (const item of [value].flat()) lines.push(ldifLine(attribute, item));
  return `${lines.join('\n')}\n\n`;
}

function ldifLine(attribute: string, value: LdifValue): string {
  if (Buffer.isBuffer(value)) return `${attribute}:: ${value.toString('base64')}`;
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
