/**
 * An LDAP directory configured in the settings as a user would, against a real slapd as
 * OpenLDAP and as the Active-Directory-like profile: `ringdesk lookup` finds the person in both
 * modes, and `ringdesk directory test` reports the count, what live mode costs the server, or
 * the reason a bind failed.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { peopleLdif, PEOPLE_DN } from '../test-support/ldap-people.js';
import { LDAP_READER_DN, startSlapd, type Slapd, type SlapdProfile } from '../test-support/ldap-server.js';
import { describeWithSlapd, serverFolder } from '../test-support/ldap-slapd-suite.js';
import { memoryCliIo } from '../test-support/memory-cli-io.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { runCli } from './run-cli.js';

const tempDir = useTempDir();

for (const profile of ['openldap', 'ad'] as const satisfies readonly SlapdProfile[])
  describeWithSlapd(`an LDAP directory from the settings (${profile} profile)`, () => {
    let slapd: Slapd;
    let folder: { remove: () => void };
    beforeAll(async () => {
      const made = serverFolder();
      folder = made;
      slapd = await startSlapd({ dir: made.dir, ldif: peopleLdif(40, [], profile).ldif, profile });
    }, 60_000);
    afterAll(async () => {
      await slapd.stop();
      folder.remove();
    });

    function config(mode: 'sync' | 'live'): string {
      const dir = tempDir({
        'config.json': JSON.stringify({
          dialingRules: { countryCode: '49', areaCode: '211', baseNumber: '339903', extensionMaxLength: 3 },
          directories: [
            {
              type: 'ldap',
              name: 'Staff',
              url: slapd.url,
              bindDn: LDAP_READER_DN,
              bindPassword: { env: 'LDAP_PASSWORD' },
              baseDn: PEOPLE_DN,
              mode,
            },
          ],
        }),
      });
      return path.join(dir, 'config.json');
    }

    for (const mode of ['sync', 'live'] as const) {
      it(`finds a person by a number written differently in ${mode} mode`, async () => {
        // Person 7's work number is stored as "+49 211 50000-07"; the caller sends "0211 5000007".
        const io = memoryCliIo({ env: { LDAP_PASSWORD: 'reader-secret' } });
        expect(await runCli(['lookup', '--config', config(mode), '0211 5000007'], io)).toBe(0);
        const [answer] = io.records() as { contacts: { name: string; directory: string }[] }[];
        expect(answer?.contacts.map((contact) => [contact.name, contact.directory])).toEqual([
          ['Given7 Family7', 'Staff'],
        ]);
      });
    }

    it('directory test counts the contacts a sync loaded', async () => {
      const io = memoryCliIo({ env: { LDAP_PASSWORD: 'reader-secret' } });
      await runCli(['directory', 'test', '--config', config('sync')], io);
      expect(io.records()[0]).toMatchObject({
        directory: 'Staff',
        type: 'ldap',
        ok: true,
        detail: '40 contacts',
      });
    });

    it('directory test says how many entries each live lookup makes the server walk', async () => {
      const io = memoryCliIo({ env: { LDAP_PASSWORD: 'reader-secret' } });
      await runCli(['directory', 'test', '--config', config('live')], io);
      expect(io.records()[0]).toMatchObject({
        directory: 'Staff',
        ok: true,
        warnings: expect.arrayContaining([
          expect.stringContaining('live mode: each lookup has the server walk about 40 entries'),
        ]) as unknown,
      });
    });

    it('directory test says the bind failed with a wrong password', async () => {
      const io = memoryCliIo({ env: { LDAP_PASSWORD: 'wrong' } });
      await runCli(['directory', 'test', '--config', config('sync')], io);
      expect(io.records()[0]).toMatchObject({
        directory: 'Staff',
        ok: false,
        detail: expect.stringMatching(/bind failed: invalid credentials/) as unknown,
      });
    });
  });
