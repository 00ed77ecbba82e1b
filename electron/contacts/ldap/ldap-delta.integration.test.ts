/**
 * Sync mode after the first load, against both test servers (see test-support/ldap-server.ts):
 * only what changed is fetched, and people who left (deleted, disabled, no longer matching)
 * disappear. On the AD profile changes are tracked by uSNChanged and deletions read from
 * tombstones when the account may see them (the administrator), else found by the hourly sweep;
 * on the OpenLDAP profile changes by modifyTimestamp, deletions by the sweep.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DirectoryChanges } from '../../test-support/ldap-directory-changes.js';
import { highestUsnOf, peopleDn, peopleLdif, PEOPLE_DN } from '../../test-support/ldap-people.js';
import {
  LDAP_ADMIN_DN,
  LDAP_ADMIN_PASSWORD,
  LDAP_READER_DN,
  LDAP_READER_PASSWORD,
  LDAP_SUFFIX,
  startSlapd,
  type Slapd,
  type SlapdProfile,
} from '../../test-support/ldap-server.js';
import { describeWithSlapd, serverFolder } from '../../test-support/ldap-slapd-suite.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createLdapDirectory, type LdapDirectory } from './ldap-directory.js';
import { ldapDirectorySchema, type LdapDirectoryInput } from './ldap-settings.js';
import { SWEEP_EVERY_MS } from './ldap-sync.js';
import { systemClock, type Clock } from '../../shared/clock.js';

const COUNT = 2000;
const ids = (contacts: readonly { id: string }[]) => contacts.map((contact) => contact.id);

for (const profile of ['ad', 'openldap'] as const satisfies readonly SlapdProfile[]) {
  describeWithSlapd(`LDAP sync after the first load (${profile} profile)`, () => {
    const { ldif, people } = peopleLdif(COUNT, [], profile);
    let server: Slapd;
    let changes: DirectoryChanges;
    let removeFolder: () => void;
    const opened: LdapDirectory[] = [];
    /** A clock the test can move on by an hour. */
    let shift = 0;
    const clock: Clock = { ...systemClock, now: () => systemClock.now() + shift };

    function directory(input: Partial<LdapDirectoryInput> = {}, warnings: string[] = []): LdapDirectory {
      const settings = ldapDirectorySchema.parse({
        type: 'ldap',
        name: 'Delta',
        url: server.url,
        baseDn: PEOPLE_DN,
        bindDn: LDAP_READER_DN,
        bindPassword: LDAP_READER_PASSWORD,
        // OpenLDAP has no "disabled" flag: sites mark leavers and filter them out.
        ...(profile === 'openldap' ? { filter: '(&(objectClass=inetOrgPerson)(!(description=left)))' } : {}),
        ...input,
      });
      const made = createLdapDirectory(settings, {
        rules: DUESSELDORF,
        clock,
        resync: false,
        onWarning: (warning) => warnings.push(warning),
      });
      opened.push(made);
      return made;
    }

    beforeAll(async () => {
      const folder = serverFolder();
      removeFolder = folder.remove;
      server = await startSlapd({ dir: folder.dir, ldif, profile, highestCommittedUsn: highestUsnOf(COUNT) });
      changes = new DirectoryChanges(server, highestUsnOf(COUNT));
    }, 60_000);

    afterAll(async () => {
      await changes.close();
      await Promise.all(opened.map((made) => made.close()));
      await server.stop();
      removeFolder();
    });

    it('fetches only what changed: a new number, a newcomer, a renamed person, a disabled account', async () => {
      const sync = await directory().open();
      const admin = await directory({ bindDn: LDAP_ADMIN_DN, bindPassword: LDAP_ADMIN_PASSWORD }).open();
      expect(sync.lastSync).toMatchObject({ kind: 'full', changed: COUNT });
      const [moved, leaver, renamed] = [people[10]!, people[11]!, people[12]!];
      const ad = profile === 'ad';

      await changes.modify(moved.dn, { telephoneNumber: '+49 211 555 12 36' });
      await changes.add(peopleDn('new1', profile), 'new1', {
        objectClass: ad ? ['top', 'person', 'organizationalPerson', 'user'] : ['inetOrgPerson'],
        cn: ad ? 'new1' : 'Newcomer One',
        sn: 'One',
        displayName: 'Newcomer One',
        ...(ad
          ? {
              objectCategory: `CN=Person,CN=Schema,CN=Configuration,${LDAP_SUFFIX}`,
              userAccountControl: '512',
            }
          : { uid: 'new1' }),
        mobile: '+33 6 12 34 56 78',
      });
      // Leaving: AD disables the account; on OpenLDAP the entry is marked and stops matching.
      if (ad) await changes.modify(leaver.dn, { userAccountControl: '514' });
      else await changes.modify(leaver.dn, { description: 'left' });
      await changes.modify(renamed.dn, { displayName: 'Renamed Person' });
      await changes.commit();

      for (const made of [sync, admin]) {
        await made.refresh();
        expect(made.lastSync).toMatchObject({ kind: 'delta', changed: 3, removed: 1, swept: false });
        expect(ids(await made.lookup('+492115551236'))).toEqual([moved.dn]);
        expect(ids(await made.lookup(moved.numbers[0]!.e164))).toEqual([]);
        expect((await made.lookup('+33612345678')).map((contact) => contact.name)).toEqual(['Newcomer One']);
        expect(ids(await made.lookup(leaver.numbers[0]!.e164))).toEqual([]);
        expect((await made.lookup(renamed.numbers[0]!.e164)).map((contact) => contact.name)).toEqual([
          'Renamed Person',
        ]);
        expect((await made.list()).length).toBe(COUNT + 1 - 1);
      }
    });

    it('drops a deleted person: from tombstones where they can be read, else at the hourly sweep', async () => {
      const sync = await directory().open();
      const admin = await directory({ bindDn: LDAP_ADMIN_DN, bindPassword: LDAP_ADMIN_PASSWORD }).open();
      const gone = people[20]!;
      const uid = `p20`;
      await changes.remove(gone.dn, uid, gone.name);
      await changes.commit();

      await admin.refresh();
      await sync.refresh();
      const tombstones = profile === 'ad';
      expect(admin.lastSync).toMatchObject({ kind: 'delta', removed: tombstones ? 1 : 0, swept: false });
      expect(ids(await admin.lookup(gone.numbers[0]!.e164))).toEqual(tombstones ? [] : [gone.dn]);
      // The reader cannot see tombstones: the person stays until the sweep.
      expect(sync.lastSync).toMatchObject({ kind: 'delta', removed: 0, swept: false });
      expect(ids(await sync.lookup(gone.numbers[0]!.e164))).toEqual([gone.dn]);

      shift += SWEEP_EVERY_MS;
      await sync.refresh();
      expect(sync.lastSync).toMatchObject({ kind: 'delta', removed: 1, swept: true });
      expect(ids(await sync.lookup(gone.numbers[0]!.e164))).toEqual([]);
      expect(await sync.notes()).toEqual([
        expect.stringMatching(
          tombstones
            ? /sync mode: \d+ contacts; then changes by uSNChanged on CN=NTDS Settings,CN=DC1,.*, deletions by an hourly check/
            : /sync mode: \d+ contacts; then changes by modifyTimestamp, deletions by an hourly check/,
        ),
      ]);
      if (tombstones)
        expect(await admin.notes()).toEqual([
          expect.stringContaining('deletions from the Deleted Objects container'),
        ]);
    });
  });
}
