import { describe, expect, it } from 'vitest';
import { person } from '../../test-support/ldap-people.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import {
  contactFromEntry,
  entryHoldsNumber,
  isIpAddress,
  phoneType,
  readStoredNumber,
  requestedAttributes,
  type EntryReading,
} from './ldap-entry.js';
import { ldapDirectorySchema } from './ldap-settings.js';

const settings = ldapDirectorySchema.parse({
  type: 'ldap',
  url: 'ldap://127.0.0.1',
  baseDn: 'dc=example,dc=com',
  attributes: { link: 'wWWHomePage' },
});
const reading: EntryReading = {
  directory: 'AD',
  phoneAttributes: settings.phoneAttributes,
  attributes: settings.attributes,
  rules: DUESSELDORF,
};

describe('contactFromEntry', () => {
  it('completes every phone attribute, in whatever case the server names it, and uses the DN as id', () => {
    const contact = contactFromEntry(
      {
        dn: 'CN=Anna Schmidt,OU=Staff,DC=example,DC=com',
        displayname: 'Anna Schmidt',
        TELEPHONENUMBER: '0211/555-1234',
        mobile: ['+49 151 20000001', '0151 20000002'],
        ipPhone: '12',
        otherTelephone: ['(0211) 5551299', ''],
        company: 'Example GmbH',
        mail: 'anna@example.com',
        department: 'Service Desk',
        title: 'Agent',
        wwwhomepage: 'https://intranet/anna',
      },
      reading,
    );
    expect(contact).toEqual({
      name: 'Anna Schmidt',
      company: 'Example GmbH',
      phones: [
        { type: 'work', raw: '0211/555-1234', e164: '+492115551234' },
        { type: 'mobile', raw: '+49 151 20000001', e164: '+4915120000001' },
        { type: 'mobile', raw: '0151 20000002', e164: '+4915120000002' },
        { type: 'work', raw: '12', e164: '+4921133990312' },
        { type: 'work', raw: '(0211) 5551299', e164: '+492115551299' },
      ],
      email: 'anna@example.com',
      directory: 'AD',
      id: 'CN=Anna Schmidt,OU=Staff,DC=example,DC=com',
      department: 'Service Desk',
      title: 'Agent',
      link: 'https://intranet/anna',
    });
  });

  it('falls back to cn, then given name and surname, then the company, then the DN', () => {
    const name = (entry: Record<string, string>) =>
      contactFromEntry({ dn: 'uid=x,dc=example,dc=com', ...entry }, reading).name;
    expect(name({ cn: 'Common Name', givenName: 'G', sn: 'S' })).toBe('Common Name');
    expect(name({ givenName: 'Given', sn: 'Surname' })).toBe('Given Surname');
    expect(name({ company: 'ACME' })).toBe('ACME');
    expect(name({})).toBe('uid=x,dc=example,dc=com');
  });

  it('keeps only http(s) links, without the label labeledURI may carry', () => {
    const link = (value: string) =>
      contactFromEntry({ dn: 'uid=x,dc=example,dc=com', cn: 'X', wWWHomePage: value }, reading).link;
    expect(link('https://intranet.example.com/people/x Intranet page')).toBe(
      'https://intranet.example.com/people/x',
    );
    expect(link('javascript:alert(1)')).toBeNull();
    expect(link('file:///etc/passwd')).toBeNull();
    expect(link('not a link')).toBeNull();
  });

  it('returns markup and filter syntax as the data they are', () => {
    const contact = contactFromEntry(
      { dn: 'uid=evil,dc=example,dc=com', displayName: '<img src=x onerror=alert(1)>', company: '*)(cn=*' },
      reading,
    );
    expect(contact.name).toBe('<img src=x onerror=alert(1)>');
    expect(contact.company).toBe('*)(cn=*');
  });

  it('keeps a number that cannot be completed for display, never for matching, and says why', () => {
    const bad: string[] = [];
    const contact = contactFromEntry(
      {
        dn: 'uid=x,dc=example,dc=com',
        cn: 'X',
        telephoneNumber: 'call reception',
        mobile: Buffer.from('0151 20000003'),
      },
      { ...reading, onBadNumber: (dn, raw, problem) => bad.push(`${dn} ${raw} ${problem}`) },
    );
    expect(contact.phones).toEqual([
      { type: 'work', raw: 'call reception', e164: null },
      { type: 'mobile', raw: '0151 20000003', e164: '+4915120000003' },
    ]);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toContain('uid=x,dc=example,dc=com call reception');
  });
});

describe('entryHoldsNumber', () => {
  const holds = (value: string, e164: string) =>
    entryHoldsNumber({ dn: 'uid=x,dc=example,dc=com', telephoneNumber: value }, e164, reading);

  it('is true only for a number that completes to exactly the E.164 form', () => {
    expect(holds('+49 211 339903-12', '+4921133990312')).toBe(true);
    expect(holds('0211/555-1234', '+492115551234')).toBe(true);
    expect(holds('+43 1 5551234', '+492115551234')).toBe(false);
    expect(holds('0211 5551234', '+492115551235')).toBe(false);
  });

  it('completes values the quick digit check cannot judge: other digits, links', () => {
    expect(holds('٠٢١١ ٥٥٥١٢٣٤', '+492115551234')).toBe(true);
    expect(holds('tel:+49-211-555-1234', '+492115551234')).toBe(true);
    expect(holds('tel:+1-418-656-9254;ext=102', '+14186569254')).toBe(false); // a switchboard
  });
});

describe('entryHoldsNumber against completing every value', () => {
  it('agrees on every stored format, for own numbers and numbers sharing their last digits', () => {
    const extraForms = [
      '+49 211 339903-12',
      '+43 1 5000042',
      '+49 (0)30 12340042',
      '030 12340042',
      '(0211) 5000042',
    ];
    const entries = [
      ...Array.from({ length: 1200 }, (_, i) => ({ dn: `uid=p${i}`, ...person(i).attributes })),
      ...extraForms.map((form, i) => ({ dn: `uid=x${i}`, telephoneNumber: form })),
    ];
    const targets = new Set(['+4921133990312', '+4315000042', '+493012340042', '+492115000042']);
    for (let i = 0; i < 1200; i += 13) for (const { e164 } of person(i).person.numbers) targets.add(e164);
    const numbersOf = entries.map(
      (entry) => new Set(contactFromEntry(entry, reading).phones.map((phone) => phone.e164)),
    );
    const disagreements: string[] = [];
    let matches = 0;
    for (const e164 of targets)
      entries.forEach((entry, index) => {
        const slow = numbersOf[index]!.has(e164);
        if (entryHoldsNumber(entry, e164, reading) !== slow) disagreements.push(`${entry.dn} ${e164}`);
        if (slow) matches++;
      });
    expect(disagreements).toEqual([]);
    expect(matches).toBeGreaterThan(targets.size); // the comparison covered real matches
  }, 30_000); // 1,200 entries against hundreds of numbers: seconds on a busy machine
});

describe('requestedAttributes and phoneType', () => {
  it('asks for every mapped attribute once, and types the phones', () => {
    expect(
      requestedAttributes({ ...settings, phoneAttributes: ['telephoneNumber', 'Mobile', 'mobile'] }),
    ).toEqual([
      'telephoneNumber',
      'Mobile',
      'displayName',
      'cn',
      'givenName',
      'sn',
      'company',
      'mail',
      'department',
      'title',
      'wWWHomePage',
    ]);
    expect(
      ['telephoneNumber', 'MOBILE', 'homePhone', 'facsimileTelephoneNumber', 'extensionAttribute1'].map(
        phoneType,
      ),
    ).toEqual(['work', 'mobile', 'home', 'fax', 'other']);
  });
});

describe('readStoredNumber and isIpAddress', () => {
  it('reads the extension suffixes directories use, behind a switchboard or the own company', () => {
    for (const raw of [
      '+1 (425) 555-0100 x123',
      '+1 425 555 0100 ext. 123',
      '+1-425-555-0100, extension 123',
    ])
      expect(readStoredNumber(raw, DUESSELDORF), raw).toEqual({
        e164: '+14255550100',
        viaSwitchboard: true,
        problem: null,
      });
    expect(readStoredNumber('0211 339903 Durchwahl 12', DUESSELDORF)).toEqual({
      e164: '+4921133990312',
      viaSwitchboard: false,
      problem: null,
    });
    // Not an extension: a letter inside a number still says what is wrong.
    expect(readStoredNumber('0211 555 12 34 x', DUESSELDORF).problem).toMatch(/letter "x"/);
  });

  it('knows IP addresses from numbers', () => {
    expect(['10.1.2.3', 'fe80::1', '[2001:db8::5]'].map(isIpAddress)).toEqual([true, true, true]);
    expect(['0211.555.1234', '+49 211 555', '12', 'sip:12@pbx'].map(isIpAddress)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
