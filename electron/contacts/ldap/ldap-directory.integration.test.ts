/**
 * The LDAP directory against a real slapd holding 10,000 generated people (see
 * test-support/ldap-people.ts), once as OpenLDAP and once as the Active-Directory-like profile
 * (plain-text phone matching, no phone index, AD's classes and filter), in both modes, with the
 * numbers written as real directories hold them, bad credentials, an unreachable server and
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
import {
  linkAttributeOf,
  peopleDn,
  peopleLdif,
  type ExtraEntry,
  type GeneratedPerson,
} from '../../test-support/ldap-people.js';
import { COMPUTER_CATEGORY } from '../../test-support/ldap-ad-profile.js';
import type { SlapdProfile } from '../../test-support/ldap-server.js';
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

/** The measured cases: stored as real directories hold them, and what they complete to. */
const WRITTEN: readonly (readonly [string, string, string])[] = [
  ['brackets-pairs', 'telephoneNumber', '(0211) 555 12 36'],
  ['direct-dial', 'telephoneNumber', '+49 211 555123-45'],
  ['french-pairs', 'mobile', '+33 6 12 34 56 78'],
  ['swiss', 'telephoneNumber', '+41 44 668 18 00'],
  ['home-pairs', 'homePhone', '+49 211 555 12 44'],
  ['other-pairs', 'otherTelephone', '0211 555 12 43'],
];
const WRITTEN_E164: Readonly<Record<string, string>> = {
  'brackets-pairs': '+492115551236',
  'direct-dial': '+4921155512345',
  'french-pairs': '+33612345678',
  swiss: '+41446681800',
  'home-pairs': '+492115551244',
  'other-pairs': '+492115551243',
};
extras.push(
  ...WRITTEN.map(([uid, attribute, raw]) => ({
    uid,
    objectClass: PERSON,
    cn: uid,
    sn: uid,
    [attribute]: raw,
  })),
  // A US number with its extension, and a desk phone's IP address where a number belongs.
  {
    uid: 'us-ext',
    objectClass: PERSON,
    cn: 'US Ext',
    sn: 'U',
    telephoneNumber: '+1 (425) 555-0100 x123',
    ipPhone: '10.1.2.3',
  },
);
/** AD only: a disabled account, a computer (a subclass of user) and a contact object. */
const AD_EXTRAS: ExtraEntry[] = [
  { uid: 'disabled', cn: 'Departed', sn: 'D', userAccountControl: '514', telephoneNumber: '+49 211 7770003' },
  {
    uid: 'pc1',
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
    objectCategory: COMPUTER_CATEGORY,
    userAccountControl: '4096',
    telephoneNumber: '+49 211 7770004',
  },
  {
    uid: 'supplier',
    objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
    objectCategory: 'CN=Person,CN=Schema,CN=Configuration,dc=example,dc=com',
    cn: 'Supplier Contact',
    displayName: 'Supplier Contact',
    telephoneNumber: '+49 211 7770005',
  },
];

for (const profile of ['openldap', 'ad'] as const satisfies readonly SlapdProfile[]) suite(profile);

function suite(profile: SlapdProfile): void {
  const ad = profile === 'ad';
  const { ldif, people } = peopleLdif(10_000, ad ? [...extras, ...AD_EXTRAS] : extras, profile);
  /** The contacts the default filter selects: AD leaves out the disabled account and the computer. */
  const contactCount = 10_000 + extras.length + (ad ? 1 : 0);
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
      attributes: { link: linkAttributeOf(profile) },
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
  const dnOf = (uid: string) => peopleDn(uid, profile);

  describeWithSlapd(`LDAP directory against slapd with 10,000 people (${profile} profile)`, () => {
    beforeAll(async () => {
      const folder = serverFolder();
      removeFolder = folder.remove;
      server = await startSlapd({ dir: folder.dir, ldif, profile });
    }, 60_000);

    afterAll(async () => {
      await Promise.all(opened.map((made) => made.close()));
      await server.stop();
      removeFolder();
    });

    it('sync: loads everyone and finds each person by every number, whatever the stored format', async () => {
      const warnings: string[] = [];
      const ldap = await directory({}, warnings).open();
      expect((await ldap.list()).length).toBe(contactCount);
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
        id: people[42]?.dn,
        link: 'https://intranet.example.com/people/p42',
      });
    });

    it('live: finds each person by every number, asking the server per call', async () => {
      const ldap = await directory({ mode: 'live' }).open();
      // A part of the sample: on the AD profile each lookup walks all 10,000 entries.
      for (const person of sample().filter((_, i) => i % (ad ? 80 : 16) === 0))
        for (const number of person.numbers)
          expect(ids(await ldap.lookup(number.e164)), `${number.attribute}: ${number.raw}`).toEqual([
            person.dn,
          ]);
    }, 120_000);

    it('live: a filter that over-matches never pops up the wrong person', async () => {
      const filter = liveFilter('+492115000042', DUESSELDORF, ['telephoneNumber'], '(objectClass=person)');
      const fetched = [
        people[42]?.dn ?? '',
        ...['vienna', 'berlin-e164', 'berlin-national'].map(dnOf),
      ].sort();
      expect(await rawSearch(filter)).toEqual(fetched); // all end in 0042
      const ldap = await directory({ mode: 'live' }).open();
      expect(ids(await ldap.lookup('+492115000042'))).toEqual([people[42]?.dn]);
      expect(ids(await ldap.lookup('+4315000042'))).toEqual([dnOf('vienna')]);
    });

    it('live and sync find a number whose national form telephoneNumber equality misses', async () => {
      // OpenLDAP's telephoneNumberMatch ignores spaces; AD compares the text as it is.
      expect(await rawSearch(equals('telephoneNumber', '+493012340042'))).toEqual(
        ad ? [] : [dnOf('berlin-e164')],
      );
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
        expect(ids(await ldap.lookup('+492115000001'))).toEqual([people[1]?.dn]);
        await expect(ldap.lookup('+49211*')).rejects.toThrow('not an E.164 number: "+49211*"');
      }
    });

    it('finds numbers written in pairs, brackets, direct-dial style and abroad, in both modes', async () => {
      if (ad)
        // AD compares plain text: the E.164 form does not find `(0211) 555 12 36` by equality.
        expect(await rawSearch(equals('telephoneNumber', '+492115551236'))).toEqual([]);
      for (const mode of ['sync', 'live'] as const) {
        const ldap = await directory({ mode }).open();
        for (const [uid, attribute, raw] of WRITTEN)
          expect(ids(await ldap.lookup(WRITTEN_E164[uid] ?? '')), `${mode} ${attribute}: ${raw}`).toEqual([
            dnOf(uid),
          ]);
      }
    });

    it('reads x123 as the extension behind a switchboard, and an IP address as no number, without a warning', async () => {
      const warnings: string[] = [];
      const ldap = await directory({}, warnings).open();
      const contact = (await ldap.list()).find((entry) => entry.id === dnOf('us-ext'));
      expect(contact?.phones).toEqual([
        { type: 'work', raw: '+1 (425) 555-0100 x123', e164: '+14255550100', viaSwitchboard: true },
      ]);
      expect(warnings.join('\n')).not.toMatch(/letter "x"|10\.1\.2\.3/);
      expect(ids(await ldap.lookup('+14255550100'))).toEqual([]);
    });

    if (ad)
      it('on AD, finds people and contacts but never computers or disabled accounts', async () => {
        for (const mode of ['sync', 'live'] as const) {
          const ldap = await directory({ mode }).open();
          expect(ids(await ldap.lookup('+492117770005')), mode).toEqual([dnOf('supplier')]);
          expect(ids(await ldap.lookup('+492117770003')), mode).toEqual([]);
          expect(ids(await ldap.lookup('+492117770004')), mode).toEqual([]);
        }
        // The old default, objectClass=person, pops up both.
        const loose = await directory({ mode: 'live', filter: '(objectClass=person)' }).open();
        expect(ids(await loose.lookup('+492117770003'))).toEqual([dnOf('disabled')]);
        expect(ids(await loose.lookup('+492117770004'))).toEqual([dnOf('pc1')]);
      });

    it('says the base DN is outside the directory when the server refers elsewhere', async () => {
      await expect(directory({ baseDn: 'dc=other,dc=org' }).open()).rejects.toThrow(
        ad
          ? "LDAP directory 'Test LDAP': the base DN dc=other,dc=org is not in this directory's domains"
          : "LDAP directory 'Test LDAP': base DN not found: dc=other,dc=org",
      );
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
}
