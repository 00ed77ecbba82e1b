/**
 * The LDAP directory over TLS against a real slapd with a certificate from a test CA made with
 * openssl: ldaps:// and StartTLS succeed when the settings trust that CA, and fail clearly when
 * they trust another CA or only the system's.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestCertificates, type TestCertificates } from '../../test-support/ldap-certificates.js';
import {
  LDAP_READER_DN,
  LDAP_READER_PASSWORD,
  LDAP_SUFFIX,
  startSlapd,
  type Slapd,
} from '../../test-support/ldap-server.js';
import { peopleLdif } from '../../test-support/ldap-people.js';
import { describeWithSlapd, serverFolder } from '../../test-support/ldap-slapd-suite.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createLdapDirectory, type LdapDirectory } from './ldap-directory.js';
import { ldapDirectorySchema, type LdapDirectoryInput } from './ldap-settings.js';

const { ldif, people } = peopleLdif(50);
const someone = people[7]!;
let server: Slapd;
let certificates: TestCertificates;
let removeFolder: () => void;
const opened: LdapDirectory[] = [];

function directory(input: Partial<LdapDirectoryInput>): LdapDirectory {
  const settings = ldapDirectorySchema.parse({
    type: 'ldap',
    name: 'TLS',
    url: server.ldapsUrl,
    baseDn: LDAP_SUFFIX,
    bindDn: LDAP_READER_DN,
    bindPassword: LDAP_READER_PASSWORD,
    ...input,
  });
  const made = createLdapDirectory(settings, { rules: DUESSELDORF });
  opened.push(made);
  return made;
}

const ids = (contacts: readonly { id: string }[]) => contacts.map((contact) => contact.id);
const UNTRUSTED = "LDAP directory 'TLS': TLS: certificate not trusted";

describeWithSlapd(
  'LDAP directory over TLS',
  () => {
    beforeAll(async () => {
      const folder = serverFolder();
      removeFolder = folder.remove;
      certificates = await makeTestCertificates(path.join(folder.dir, 'tls'));
      server = await startSlapd({ dir: folder.dir, ldif, tls: certificates });
    });

    afterAll(async () => {
      await Promise.all(opened.map((made) => made.close()));
      await server.stop();
      removeFolder();
    });

    it('connects with ldaps:// when the settings trust the CA', async () => {
      for (const mode of ['sync', 'live'] as const) {
        const ldap = await directory({ mode, caFile: certificates.caFile }).open();
        expect(ids(await ldap.lookup(someone.numbers[0]!.e164))).toEqual([someone.dn]);
      }
    });

    it('upgrades ldap:// with StartTLS when the settings trust the CA', async () => {
      const ldap = await directory({ url: server.url, startTls: true, caFile: certificates.caFile }).open();
      expect(ids(await ldap.lookup(someone.numbers[1]!.e164))).toEqual([someone.dn]);
    });

    it('refuses a server whose certificate comes from a CA it was not told to trust', async () => {
      await expect(directory({ caFile: certificates.otherCaFile }).open()).rejects.toThrow(UNTRUSTED);
      await expect(directory({}).open()).rejects.toThrow(UNTRUSTED);
      await expect(
        directory({ url: server.url, startTls: true, caFile: certificates.otherCaFile }).open(),
      ).rejects.toThrow(UNTRUSTED);
      await expect(directory({ url: server.url, startTls: true, mode: 'live' }).open()).rejects.toThrow(
        UNTRUSTED,
      );
    });

    it('says so when ldaps:// meets a port that does not speak TLS', async () => {
      const plain = server.url.replace('ldap://', 'ldaps://');
      await expect(directory({ url: plain, caFile: certificates.caFile }).open()).rejects.toThrow(
        "LDAP directory 'TLS': TLS: handshake failed",
      );
    });
  },
  { needsOpenssl: true },
);
