/**
 * The LDAP directory when its server goes away: killed in the middle of a paged sync, frozen
 * during a live lookup, and back again. A lookup never hangs, and sync mode keeps answering from
 * the last good load.
 */
import { Client } from 'ldapts';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
import type { CreateLdapClient } from './ldap-connection.js';
import { createLdapDirectory, type LdapDirectory } from './ldap-directory.js';
import { ldapDirectorySchema, type LdapDirectoryInput } from './ldap-settings.js';

const { ldif, people } = peopleLdif(3000);
const someone = people[1234]!;
let server: Slapd;
let removeFolder: () => void;
const opened: LdapDirectory[] = [];
/** When set, the server is killed once a sync has received this many pages. */
let killAfterPages: number | null = null;

/** ldapts's client, except that a paged search kills the server when told to. */
const killingClient: CreateLdapClient = (options) => {
  const real = new Client(options);
  return {
    get isConnected() {
      return real.isConnected;
    },
    get isBound() {
      return real.isBound;
    },
    startTLS: (tls) => real.startTLS(tls),
    bind: (dn, password) => real.bind(dn, password),
    search: (base, search) => real.search(base, search),
    async *searchPaginated(base, search) {
      let pages = 0;
      for await (const page of real.searchPaginated(base, search)) {
        yield page;
        if (++pages === killAfterPages) await server.kill();
      }
    },
    unbind: () => real.unbind(),
  };
};

function directory(input: Partial<LdapDirectoryInput>, warnings: string[] = []): LdapDirectory {
  const settings = ldapDirectorySchema.parse({
    type: 'ldap',
    name: 'Outage',
    url: server.url,
    baseDn: LDAP_SUFFIX,
    bindDn: LDAP_READER_DN,
    bindPassword: LDAP_READER_PASSWORD,
    pageSize: 100,
    ...input,
  });
  const made = createLdapDirectory(settings, {
    rules: DUESSELDORF,
    createClient: killingClient,
    onWarning: (warning) => warnings.push(warning),
  });
  opened.push(made);
  return made;
}

const ids = (contacts: readonly { id: string }[]) => contacts.map((contact) => contact.id);
const number = someone.numbers[0]!.e164;

describeWithSlapd('LDAP directory when the server goes away', () => {
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

  it('keeps the last good index when the server dies mid-sync, and syncs again once it is back', async () => {
    const warnings: string[] = [];
    const sync = await directory({}, warnings).open();
    const live = await directory({ mode: 'live' }).open();
    expect(ids(await sync.lookup(number))).toEqual([someone.dn]);

    // The refresh is a delta: the server dies after its first search's page, before the next.
    killAfterPages = 1;
    await expect(sync.refresh()).rejects.toThrow("LDAP directory 'Outage': connection lost during sync");
    killAfterPages = null;
    expect(warnings).toEqual([expect.stringContaining('; kept the 3000 contacts of the last good sync')]);
    expect(ids(await sync.lookup(number))).toEqual([someone.dn]);
    expect((await sync.list()).length).toBe(3000);

    // Nothing listens now: a live lookup fails at once, naming the address.
    await expect(live.lookup(number)).rejects.toThrow(
      `LDAP directory 'Outage': unreachable (ECONNREFUSED ${server.url.slice('ldap://'.length)})`,
    );

    await server.restart();
    await sync.refresh();
    expect((await sync.list()).length).toBe(3000);
    expect(ids(await live.lookup(number))).toEqual([someone.dn]);
  });

  it('gives up on a frozen server after the timeout, and recovers when it answers again', async () => {
    const live = await directory({ mode: 'live', timeoutMs: 1000 }).open();
    const sync = await directory({ timeoutMs: 1000 }).open();
    await server.pause();
    try {
      await expect(live.lookup(number)).rejects.toThrow(
        "LDAP directory 'Outage': no answer within 1000 ms (search)",
      );
      await expect(sync.refresh()).rejects.toThrow("LDAP directory 'Outage': no answer within 1000 ms");
      expect(ids(await sync.lookup(number))).toEqual([someone.dn]);
    } finally {
      server.resume();
    }
    expect(ids(await live.lookup(number))).toEqual([someone.dn]);
  });

  it('gives up when the lookup is cancelled, without waiting for the server', async () => {
    const live = await directory({ mode: 'live', timeoutMs: 60_000 }).open();
    await server.pause();
    try {
      const controller = new AbortController();
      const lookup = live.lookup(number, controller.signal);
      controller.abort();
      await expect(lookup).rejects.toThrow("LDAP directory 'Outage': lookup cancelled");
    } finally {
      server.resume();
    }
  });
});
