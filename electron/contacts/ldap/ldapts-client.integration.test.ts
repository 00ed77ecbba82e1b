/**
 * A live search given up on is abandoned on the server: slapd (logging every operation) is
 * frozen while a lookup runs out of time; once it runs again, its log shows the Abandon of that
 * very search, and the same connection answers the next lookup.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { peopleLdif } from '../../test-support/ldap-people.js';
import {
  LDAP_READER_DN,
  LDAP_READER_PASSWORD,
  LDAP_SUFFIX,
  startSlapd,
  type Slapd,
} from '../../test-support/ldap-server.js';
import { describeWithSlapd, serverFolder } from '../../test-support/ldap-slapd-suite.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createLdapDirectory } from './ldap-directory.js';
import { ldapDirectorySchema } from './ldap-settings.js';

const { ldif, people } = peopleLdif(100);

describeWithSlapd('LDAP Abandon of a live search that timed out', () => {
  let server: Slapd;
  let removeFolder: () => void;
  beforeAll(async () => {
    const folder = serverFolder();
    removeFolder = folder.remove;
    server = await startSlapd({ dir: folder.dir, ldif, logOperations: true });
  });
  afterAll(async () => {
    await server.stop();
    removeFolder();
  });

  it('sends Abandon for the search it gave up on, and keeps the connection', async () => {
    const settings = ldapDirectorySchema.parse({
      type: 'ldap',
      name: 'Abandon',
      url: server.url,
      baseDn: LDAP_SUFFIX,
      bindDn: LDAP_READER_DN,
      bindPassword: LDAP_READER_PASSWORD,
      mode: 'live',
      timeoutMs: 300,
    });
    const live = await createLdapDirectory(settings, { rules: DUESSELDORF }).open();
    const number = people[7]!.numbers[0]!.e164;
    await server.pause();
    try {
      await expect(live.lookup(number)).rejects.toThrow(
        "LDAP directory 'Abandon': no answer within 300 ms (search)",
      );
    } finally {
      server.resume();
    }
    // slapd logs `conn=N op=M SRCH base=...` for the search and `conn=N op=K ABANDON msg=<id>`.
    for (;;) {
      const log = server.log();
      const searches = [...log.matchAll(/conn=(\d+) op=\d+ SRCH base="dc=example,dc=com"/g)];
      const abandon = /conn=(\d+) op=\d+ ABANDON msg=(\d+)/.exec(log);
      if (abandon !== null) {
        expect(searches.map((match) => match[1])).toContain(abandon[1]);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await live.lookup(number)).map((contact) => contact.id)).toEqual([people[7]!.dn]);
    // One connection all along: no reconnect after the timeout.
    expect(
      new Set([...server.log().matchAll(/conn=(\d+) op=\d+ BIND dn=/g)].map((match) => match[1])).size,
    ).toBe(1);
    await live.close();
  }, 30_000);
});
