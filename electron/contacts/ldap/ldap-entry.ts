/**
 * An LDAP entry as a contact: the mapped attributes read case-insensitively (servers answer with
 * their own spelling, `telephonenumber` or `telephoneNumber`), every value of every phone
 * attribute completed to E.164 with the dialing rules, the DN as the id.
 *
 * Values are data, never markup or syntax: a name such as `<img src=x onerror=...>` is returned
 * exactly as stored (the popup escapes it), and a number that cannot be completed is kept for
 * display with no E.164 form, so it can never match.
 *
 * Two habits of real directories are read as meant: an extension written after the number
 * (`+1 (425) 555-0100 x123`, `0211 555 12 34 ext. 56`) is the extension behind that number's
 * switchboard, as `tel:...;ext=123` is (see stored-number.ts); and an IP address where a phone
 * number belongs (some sites keep the desk phone's address in `ipPhone`) is no number at all
 * and is left out.
 */
import { isIP } from 'node:net';
import type { Entry } from 'ldapts';
import { splitCallingCode } from '../../numbers/calling-codes.js';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import { contactName, orNull, type Contact, type ContactPhone } from '../contact.js';
import { completeStoredNumber, toPhone, type StoredNumber } from '../stored-number.js';
import type { LdapAttributeMapping } from './ldap-settings.js';

/** A contact from LDAP: a contact plus the link the settings map, if any. */
export interface LdapContact extends Contact {
  /** The value of the mapped link attribute (an intranet page), or null. */
  readonly link: string | null;
}

/** What turning entries into contacts needs. */
export interface EntryReading {
  /** The directory's name: each contact's source. */
  readonly directory: string;
  readonly phoneAttributes: readonly string[];
  readonly attributes: LdapAttributeMapping;
  readonly rules: DialingRules;
  /** Told about each stored number that cannot be completed. */
  readonly onBadNumber?: (dn: string, raw: string, problem: string) => void;
  /** Completions already made (within one live lookup, so no number is completed twice). */
  readonly completions?: Map<string, StoredNumber>;
}

/** The kind of number each well-known phone attribute holds; others are `other`. */
const PHONE_TYPES: Readonly<Record<string, string>> = {
  telephonenumber: 'work',
  othertelephone: 'work',
  ipphone: 'work',
  otheripphone: 'work',
  mobile: 'mobile',
  othermobile: 'mobile',
  homephone: 'home',
  otherhomephone: 'home',
  facsimiletelephonenumber: 'fax',
  otherfacsimiletelephonenumber: 'fax',
  pager: 'pager',
  otherpager: 'pager',
};

/** The contact type of numbers in `attribute` (`mobile` → `mobile`, `ipPhone` → `work`). */
export function phoneType(attribute: string): string {
  return PHONE_TYPES[attribute.toLowerCase()] ?? 'other';
}

/** Every attribute a search must return to build contacts (no duplicates, any case). */
export function requestedAttributes(reading: Pick<EntryReading, 'phoneAttributes' | 'attributes'>): string[] {
  const { name, company, email, department, title, link } = reading.attributes;
  const wanted = [
    ...reading.phoneAttributes,
    name,
    'cn',
    'givenName',
    'sn',
    company,
    email,
    department,
    title,
    ...(link === undefined ? [] : [link]),
  ];
  const seen = new Set<string>();
  return wanted.filter((attribute) => {
    const key = attribute.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The contact an entry describes. */
export function contactFromEntry(entry: Entry, reading: EntryReading): LdapContact {
  const first = (attribute: string | undefined) =>
    attribute === undefined ? null : orNull(valuesOf(entry, attribute)[0]);
  const { attributes } = reading;
  const company = first(attributes.company);
  const name = contactName({
    formatted: first(attributes.name) ?? first('cn'),
    first: first('givenName'),
    last: first('sn'),
    company,
  });
  return {
    name: name === '' ? entry.dn : name,
    company,
    phones: phonesOf(entry, reading),
    email: first(attributes.email),
    directory: reading.directory,
    id: entry.dn,
    department: first(attributes.department),
    title: first(attributes.title),
    link: webLink(first(attributes.link)),
  };
}

/**
 * The link an attribute holds, when it is an http(s) URL: `labeledURI` values are a URI, then
 * optionally a space and a label (RFC 2079), so the first word counts. Anything else (a
 * `javascript:` or `file:` URL) is dropped: a link is only ever opened in a browser.
 */
function webLink(value: string | null): string | null {
  const first = value?.split(/\s+/)[0];
  if (first === undefined) return null;
  try {
    const url = new URL(first);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * True when one of the entry's phone numbers completes to exactly `e164` (and is not another
 * company's switchboard). Cheaper than {@link contactFromEntry} for the entries a live search
 * over-matches: completion only ever drops or adds digits in front of the national number, so a
 * value whose trailing digits differ from the number's national part is skipped uncompleted.
 */
export function entryHoldsNumber(entry: Entry, e164: string, reading: EntryReading): boolean {
  const national = nationalPart(e164);
  for (const attribute of reading.phoneAttributes) {
    for (const value of valuesOf(entry, attribute)) {
      const raw = value.trim();
      if (raw === '' || !mayComplete(raw, national) || isIpAddress(raw)) continue;
      const number = completed(raw, reading);
      if (number.e164 === e164 && !number.viaSwitchboard) return true;
    }
  }
  return false;
}

/** The digits after the country code (`+492115551234` → `2115551234`). */
function nationalPart(e164: string): string {
  const split = splitCallingCode(e164.slice(1));
  return split === null ? e164.slice(1) : split.national;
}

/**
 * False only when `raw` cannot complete to a number with this national part: its digits must
 * end with the national part, or, when shorter (a local number, an extension), be its end.
 * Values this cannot judge (other scripts' digits, links) are always completed.
 */
function mayComplete(raw: string, national: string): boolean {
  if (!/^[\x20-\x7e]*$/.test(raw) || raw.includes(':')) return true;
  const digits = raw.replace(/\D/g, '');
  const tail = Math.min(digits.length, national.length);
  return tail > 0 && digits.endsWith(national.slice(-tail));
}

function phonesOf(entry: Entry, reading: EntryReading): ContactPhone[] {
  const phones: ContactPhone[] = [];
  for (const attribute of reading.phoneAttributes) {
    const type = phoneType(attribute);
    for (const value of valuesOf(entry, attribute)) {
      const raw = value.trim();
      if (raw === '' || isIpAddress(raw)) continue;
      const number = completed(raw, reading);
      if (number.problem !== null) reading.onBadNumber?.(entry.dn, raw, number.problem);
      phones.push(toPhone(type, raw, number));
    }
  }
  return phones;
}

function completed(raw: string, reading: EntryReading): StoredNumber {
  const known = reading.completions?.get(raw);
  if (known !== undefined) return known;
  const number = readStoredNumber(raw, reading.rules);
  reading.completions?.set(raw, number);
  return number;
}

/** A number followed by an extension: `x123`, `ext. 123`, `extension 123`, `Durchwahl 123`. */
const WITH_EXTENSION =
  /^(.*\d[^A-Za-z]*?)[\s,;]*(?:x|ext\.?|extension|durchwahl|dw\.?)\s*[:.]?\s*(\d{1,7})$/i;

/**
 * A stored number completed with the rules, an extension suffix read as one: behind the
 * company's own number it is a colleague's extension (`+49 211 339903 x12` is
 * `+4921133990312`); behind any other number it is reached through that switchboard, which
 * must not pop up this person for every call from there.
 */
export function readStoredNumber(raw: string, rules: DialingRules): StoredNumber {
  const suffix = WITH_EXTENSION.exec(raw);
  if (suffix === null) return completeStoredNumber(raw, rules);
  const main = completeStoredNumber(suffix[1] ?? '', rules);
  const extension = suffix[2] ?? '';
  if (main.e164 === null) return main;
  const company = `+${rules.countryCode}${rules.areaCode}${rules.baseNumber}`;
  if (rules.baseNumber !== '' && main.e164 === company && extension.length <= rules.extensionMaxLength)
    return { e164: `${company}${extension}`, viaSwitchboard: false, problem: null };
  return { e164: main.e164, viaSwitchboard: true, problem: null };
}

/** True for an IPv4 or IPv6 address (`10.1.2.3`, `fe80::1`, `[fe80::1]`). */
export function isIpAddress(value: string): boolean {
  // Runs for every stored value: most hold neither a dot nor a colon.
  if (!value.includes('.') && !value.includes(':')) return false;
  return isIP(value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value) !== 0;
}

/**
 * The key an entry keeps across renames and moves: AD's `objectGUID` (as hex), OpenLDAP's
 * `entryUUID`, else the DN in lower case.
 */
export function entryKey(entry: Entry): string {
  const guid = entry.objectGUID ?? entry.objectguid;
  if (Buffer.isBuffer(guid)) return `guid:${guid.toString('hex')}`;
  const uuid = entry.entryUUID ?? entry.entryuuid;
  if (typeof uuid === 'string') return `uuid:${uuid.toLowerCase()}`;
  return `dn:${entry.dn.toLowerCase()}`;
}

/**
 * The values of `attribute` as text. Looked up as spelt first (ldapts uses the requested
 * spelling when the server answers with it), else case-insensitively.
 */
function valuesOf(entry: Entry, attribute: string): string[] {
  let value = attribute === 'dn' ? undefined : entry[attribute];
  if (value === undefined) {
    const wanted = attribute.toLowerCase();
    const key = Object.keys(entry).find((name) => name !== 'dn' && name.toLowerCase() === wanted);
    value = key === undefined ? undefined : entry[key];
  }
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? item : item.toString('utf8')));
}
