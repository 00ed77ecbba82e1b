/**
 * The LDAP directory against a real OpenLDAP slapd holding 10,000 generated people (see
 * test-support/ldap-people.ts), in both modes, with bad credentials, an unreachable server and
 * hostile values.
 */
import { Client } from 'ldapts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  LDAP_ADMIN_DN,
  LDAP_ADMIN_PASSWORD,
  LDAP_READER_DN,
  LDAP_READER_PASSWORD,
  LDAP_SUFFIX,
  freePort,
  startSlapd,
  type Slapd,
} from '../../test-support/ldap-server.js';
import { peopleLdif, type ExtraEntry, type GeneratedPerson } from '../../test-support/ldap-people.js';
import { describeWithSlapd, serverFolder } from '../../test-support/ldap-slapd-suite.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createLdapDirectory, type LdapDirectory } from './ldap-directory.js';
import { endsWith, equals } from './ldap-filter.js';
import { liveFilter } from './ldap-number-forms.js';
import { ldapDirectorySchema, type LdapDirectoryInput } from './ldap-settings.js';

const PERSON = ['inetOrgPerson', 'adPerson'];
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const STAR_NAME = 'Star *()\\ person';
const extras: ExtraEntry[] = [
  // Shares the last four digits with person 42 (+49 211 5000042): a live search fetches it too.
  { uid: 'vienna', objectClass: PERSON, cn: 'Vienna Trap', sn: 'Trap', telephoneNumber: '+43 1 5000042' },
  // The measured fact about telephoneNumber equality, one entry per stored form.
  { uid: 'berlin-e164', objectClass: PERSON, cn: 'Berlin E164', sn: 'B', telephoneNumber: '+49 30 12340042' },
  {
    uid: 'berlin-national',
    objectClass: PERSON,
    cn: 'Berlin National',
    sn: 'B',
    telephoneNumber: '030 12340042',
  },
  {
    uid: 'html',
    objectClass: PERSON,
    cn: HOSTILE_NAME,
    sn: 'H',
    displayName: HOSTILE_NAME,
    telephoneNumber: '+49 211 7770001',
  },
  {
    uid: 'star',
    objectClass: PERSON,
    cn: STAR_NAME,
    sn: 'S',
    otherTelephone: ['*', '(', '\\', 'a\u0000b', '+49 211 5000001)(cn=*', '+49 211 7770002'],
  },
];

const { ldif, people } = peopleLdif(10_000, extras);
let server: Slapd;
let removeFolder: () => void;
const opened: LdapDirectory[] = [];

function directory(input: Partial<LdapDirectoryInput> = {}, warnings: string[] = []): LdapDirectory {
  const settings = ldapDirectorySchema.parse({
    type: 'ldap',
    name: 'Test LDAP',
    url: server.url,
    baseDn: LDAP_SUFFIX,
    bindDn: LDAP_READER_DN,
    bindPassword: LDAP_READER_PASSWORD,
    attributes: { link: 'labeledURI' },
    ...input,
  });
  const made = createLdapDirectory(settings, { rules: DUESSELDORF, onWarning: (w) => warnings.push(w) });
  opened.push(made);
  return made;
}

/** People covering every stored format: the first 1,200 (extensions included) and every 97th. */
function sample(): GeneratedPerson[] {
  return people.filter((_, i) => i < 1200 || i % 97 === 0);
}

async function rawSearch(filter: string): Promise<string[]> {
  const client = new Client({ url: server.url, timeout: 10_000 });
  try {
    await client.bind(LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD);
    const { searchEntries } = await client.search(LDAP_SUFFIX, { filter, attributes: ['1.1'] });
    return searchEntries.map((entry) => entry.dn).sort();
  } finally {
    await client.unbind();
  }
}

const ids = (contacts: readonly { id: string }[]) => contacts.map((contact) => contact.id).sort();
const dnOf = (uid: string) => `uid=${uid},ou=people,${LDAP_SUFFIX}`;

describeWithSlapd('LDAP directory against slapd with 10,000 people', () => {
  beforeAll(async () => {
    const folder = serverFolder();
    removeFolder = folder.remove;
    server = await startSlapd({ dir: folder.dir, ldif });
  });

  afterAll(async () => {
    await Promise.all(opened.map((made) => made.close()));
    await server.stop();
    removeFolder();
  });

  it('sync: loads everyone and finds each person by every number, whatever the stored format', async () => {
    const warnings: string[] = [];
    const ldap = await directory({}, warnings).open();
    expect((await ldap.list()).length).toBe(10_000 + extras.length);
    for (const person of sample())
      for (const number of person.numbers)
        expect(ids(await ldap.lookup(number.e164)), `${number.attribute}: ${number.raw}`).toEqual([
          person.dn,
        ]);
    // The hostile entry's unusable numbers are reported once, not fatal.
    expect(warnings).toEqual([
      expect.stringMatching(/^LDAP directory 'Test LDAP': 5 stored number\(s\) cannot be completed/),
    ]);
  });

  it('sync: fills the mapped fields', async () => {
    const ldap = await directory().open();
    const [contact] = await ldap.lookup('+49211339903142'); // extension 142
    expect(contact).toMatchObject({
      name: 'Given42 Family42',
      company: 'Company 42',
      email: 'p42@example.com',
      department: 'Department 0',
      title: 'Agent',
      directory: 'Test LDAP',
      id: dnOf('p42'),
      link: 'https://intranet.example.com/people/p42',
    });
  });

  it('live: finds each person by every number, asking the server per call', async () => {
    const ldap = await directory({ mode: 'live' }).open();
    for (const person of sample().filter((_, i) => i % 4 === 0))
      for (const number of person.numbers)
        expect(ids(await ldap.lookup(number.e164)), `${number.attribute}: ${number.raw}`).toEqual([
          person.dn,
        ]);
  });

  it('live: a filter that over-matches never pops up the wrong person', async () => {
    const filter = liveFilter('+492115000042', DUESSELDORF, ['telephoneNumber'], '(objectClass=person)');
    const fetched = ['p42', 'vienna', 'berlin-e164', 'berlin-national'].map(dnOf).sort();
    expect(await rawSearch(filter)).toEqual(fetched); // all end in 0042
    const ldap = await directory({ mode: 'live' }).open();
    expect(ids(await ldap.lookup('+492115000042'))).toEqual([dnOf('p42')]);
    expect(ids(await ldap.lookup('+4315000042'))).toEqual([dnOf('vienna')]);
  });

  it('live and sync find a number whose national form telephoneNumber equality misses', async () => {
    expect(await rawSearch(equals('telephoneNumber', '+493012340042'))).toEqual([dnOf('berlin-e164')]);
    const both = [dnOf('berlin-e164'), dnOf('berlin-national')].sort();
    expect(ids(await (await directory({ mode: 'live' }).open()).lookup('+493012340042'))).toEqual(both);
    expect(ids(await (await directory().open()).lookup('+493012340042'))).toEqual(both);
  });

  it('escapes filter syntax and NUL in search values: they match as text, never as wildcards', async () => {
    expect(await rawSearch(equals('cn', STAR_NAME))).toEqual([dnOf('star')]);
    expect(await rawSearch(equals('otherTelephone', '*'))).toEqual([dnOf('star')]);
    expect(await rawSearch(equals('otherTelephone', 'a\u0000b'))).toEqual([dnOf('star')]);
    expect(await rawSearch(equals('cn', 'Star\u0000'))).toEqual([]);
    expect(await rawSearch(endsWith('cn', ')', ['*']))).toEqual([]);
    expect(await rawSearch(equals('cn', '*)(uid=*'))).toEqual([]);
  });

  it('returns HTML in names as data, and hostile stored numbers never match', async () => {
    for (const mode of ['sync', 'live'] as const) {
      const ldap = await directory({ mode }).open();
      const [html] = await ldap.lookup('+492117770001');
      expect(html?.name).toBe(HOSTILE_NAME);
      expect(ids(await ldap.lookup('+492117770002'))).toEqual([dnOf('star')]);
      expect(ids(await ldap.lookup('+492115000001'))).toEqual([dnOf('p1')]);
      await expect(ldap.lookup('+49211*')).rejects.toThrow('not an E.164 number: "+49211*"');
    }
  });

  it('fails to open with a clear reason when the bind is refused', async () => {
    await expect(directory({ bindPassword: 'wrong' }).open()).rejects.toThrow(
      "LDAP directory 'Test LDAP': bind failed: invalid credentials",
    );
    await expect(directory({ bindDn: `cn=nobody,${LDAP_SUFFIX}`, mode: 'live' }).open()).rejects.toThrow(
      "LDAP directory 'Test LDAP': bind failed: invalid credentials",
    );
    await expect(directory({ bindDn: undefined, bindPassword: undefined }).open()).rejects.toThrow(
      'LDAP directory \'Test LDAP\': sync failed: insufficient access rights for an anonymous bind; set "bindDn" and "bindPassword"',
    );
  });

  it('fails fast and names the address when nothing listens', async () => {
    const port = await freePort();
    await expect(directory({ url: `ldap://127.0.0.1:${port}` }).open()).rejects.toThrow(
      `LDAP directory 'Test LDAP': unreachable (ECONNREFUSED 127.0.0.1:${port})`,
    );
  });
});
