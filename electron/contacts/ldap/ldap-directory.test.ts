import type { Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { fakeResultError, FakeLdapServer } from '../../test-support/ldap-fake-server.js';
import { FakeClock, settle } from '../../test-support/fake-clock.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createLdapDirectory, isLdapDirectory, type LdapDirectoryDeps } from './ldap-directory.js';
import { ldapDirectorySchema, type LdapDirectoryInput } from './ldap-settings.js';

const anna: Entry = {
  dn: 'uid=anna,dc=example,dc=com',
  displayName: 'Anna',
  telephoneNumber: '0211/555-1234',
  ipPhone: '12',
};
const bernd: Entry = { dn: 'uid=bernd,dc=example,dc=com', displayName: 'Bernd', mobile: '+43 1 5551234' };
const carla: Entry = {
  dn: 'uid=carla,dc=example,dc=com',
  displayName: 'Carla',
  telephoneNumber: '(0211) 5559876',
};

function setup(input: Partial<LdapDirectoryInput> = {}, deps: Partial<LdapDirectoryDeps> = {}) {
  const server = new FakeLdapServer();
  server.entries = [anna, bernd];
  const clock = new FakeClock();
  const warnings: string[] = [];
  const settings = ldapDirectorySchema.parse({
    type: 'ldap',
    name: 'AD',
    url: 'ldap://127.0.0.1:389',
    baseDn: 'dc=example,dc=com',
    bindDn: 'cn=reader,dc=example,dc=com',
    bindPassword: { env: 'LDAP_PASSWORD' },
    pageSize: 1,
    ...input,
  });
  const directory = createLdapDirectory(settings, {
    rules: DUESSELDORF,
    createClient: server.createClient,
    clock,
    env: { LDAP_PASSWORD: 'pw' },
    onWarning: (warning) => warnings.push(warning),
    ...deps,
  });
  return { server, clock, warnings, directory };
}

const ids = (contacts: readonly { id: string }[]) => contacts.map((contact) => contact.id);

describe('LDAP directory, sync mode', () => {
  it('loads every entry page by page at open and matches numbers stored in any format', async () => {
    const { server, directory } = setup();
    await directory.open();
    expect(server.binds).toEqual([{ dn: 'cn=reader,dc=example,dc=com', password: 'pw' }]);
    expect(server.pageSizes).toEqual([1]);
    expect(ids(await directory.lookup('+492115551234'))).toEqual([anna.dn]);
    expect(ids(await directory.lookup('+4921133990312'))).toEqual([anna.dn]);
    expect(ids(await directory.lookup('+4315551234'))).toEqual([bernd.dn]);
    expect(ids(await directory.lookup('+492115550000'))).toEqual([]);
    expect(ids(await directory.list())).toEqual([anna.dn, bernd.dn]);
  });

  it('loads again on schedule, and refresh() loads at once, telling listeners', async () => {
    const { server, clock, directory } = setup({ syncIntervalMinutes: 15 });
    const synced: number[] = [];
    directory.onSync((count) => synced.push(count));
    await directory.open();
    expect(clock.delays).toEqual([15 * 60_000]);
    server.entries = [carla];
    await clock.advanceSettled(15 * 60_000);
    expect(ids(await directory.lookup('+492115559876'))).toEqual([carla.dn]);
    expect(ids(await directory.lookup('+492115551234'))).toEqual([]);
    server.entries = [anna];
    await directory.refresh();
    expect(ids(await directory.lookup('+492115551234'))).toEqual([anna.dn]);
    expect(synced).toEqual([2, 1, 1]);
    expect(isLdapDirectory(directory)).toBe(true);
  });

  it('keeps the last good contacts when a re-sync fails, says why, and recovers on the next', async () => {
    const { server, clock, warnings, directory } = setup({ syncIntervalMinutes: 1 });
    await directory.open();
    server.failAfterPages = 1;
    await clock.advanceSettled(60_000);
    expect(warnings).toEqual([
      "LDAP directory 'AD': connection lost during sync (the server closed the connection); kept the 2 contacts of the last good sync",
    ]);
    expect(ids(await directory.lookup('+492115551234'))).toEqual([anna.dn]);
    expect(clock.delays).toEqual([60_000]);

    await expect(directory.refresh()).rejects.toThrow("LDAP directory 'AD': connection lost during sync");
    server.failAfterPages = null;
    server.entries = [carla];
    await clock.advanceSettled(60_000);
    expect(ids(await directory.lookup('+492115559876'))).toEqual([carla.dn]);
    expect(server.binds.length).toBeGreaterThanOrEqual(2); // the lost connection was made again
  });

  it('reads x123 as an extension and ignores IP addresses, without warnings', async () => {
    const { server, warnings, directory } = setup();
    server.entries = [
      {
        dn: 'cn=us,dc=example,dc=com',
        cn: 'US',
        telephoneNumber: '+1 (425) 555-0100 x123',
        ipPhone: '10.1.2.3',
      },
      { dn: 'cn=own,dc=example,dc=com', cn: 'Own', telephoneNumber: '+49 211 339903 ext. 45' },
    ];
    await directory.open();
    expect(warnings).toEqual([]);
    const [us] = await directory.list();
    expect(us?.phones).toEqual([
      { type: 'work', raw: '+1 (425) 555-0100 x123', e164: '+14255550100', viaSwitchboard: true },
    ]);
    expect(ids(await directory.lookup('+14255550100'))).toEqual([]); // a switchboard pops up nobody
    expect(ids(await directory.lookup('+4921133990345'))).toEqual(['cn=own,dc=example,dc=com']);
  });

  it('warns when the filter finds nobody, and keeps the contacts it had', async () => {
    const { server, warnings, directory } = setup({ filter: '(l=D\\c3\\bcsseldorf)' });
    server.entries = [];
    await directory.open();
    expect(server.filters[0]).toBe('(l=Düsseldorf)');
    expect(warnings).toEqual([
      "LDAP directory 'AD': the filter (l=Düsseldorf) found no entries under dc=example,dc=com; check the filter and the base DN",
    ]);
    server.entries = [anna];
    await directory.refresh();
    server.entries = [];
    await directory.refresh();
    expect(warnings[1]).toBe(
      "LDAP directory 'AD': the filter (l=Düsseldorf) found no entries under dc=example,dc=com; kept the 1 contacts of the last good sync",
    );
    expect(ids(await directory.lookup('+492115551234'))).toEqual([anna.dn]);
  });

  it('warns when the Global Catalog port leaves mobile numbers out', async () => {
    const { warnings, directory } = setup({ url: 'ldaps://dc1.example.com:3269' });
    await directory.open(); // bernd's mobile came back, nothing else did
    expect(warnings).toEqual([
      "LDAP directory 'AD': port 3269 is the Global Catalog, which does not return otherTelephone, otherMobile, pager (not in its partial attribute set by default), and none came back; use port 636 (ldaps) of a domain controller to get these numbers",
    ]);
  });

  it('warns about numbers that can never match once, not at every sync', async () => {
    const { server, warnings, directory } = setup();
    server.entries = [anna, { dn: 'uid=x,dc=example,dc=com', cn: 'X', telephoneNumber: 'ask reception' }];
    await directory.open();
    await directory.refresh();
    expect(warnings).toEqual([
      'LDAP directory \'AD\': 1 stored number(s) cannot be completed and never match, first uid=x,dc=example,dc=com: "ask reception": letter "a" at position 1: a phone number has digits only',
    ]);
  });

  it('fails to open with the reason when the bind is refused, and leaves nothing scheduled', async () => {
    const { server, clock, directory } = setup();
    server.bindError = fakeResultError(49, '');
    await expect(directory.open()).rejects.toThrow("LDAP directory 'AD': bind failed: invalid credentials");
    expect(clock.delays).toEqual([]);
  });

  it('fails to open without connecting when the password variable is not set', async () => {
    const { server, directory } = setup({}, { env: {} });
    await expect(directory.open()).rejects.toThrow(
      "LDAP directory 'AD': bind password: the environment variable LDAP_PASSWORD is not set",
    );
    expect(server.clients).toEqual([]);
  });

  it('refuses a lookup of something that is not an E.164 number', async () => {
    const { directory } = setup();
    await directory.open();
    await expect(directory.lookup('+49211*')).rejects.toThrow(
      'LDAP directory \'AD\': not an E.164 number: "+49211*"',
    );
  });

  it('schedules nothing for a one-shot command', async () => {
    const { clock, directory } = setup({}, { resync: false });
    await directory.open();
    expect(ids(await directory.list())).toEqual([anna.dn, bernd.dn]);
    expect(clock.delays).toEqual([]);
  });

  it('stops the schedule and unbinds on close', async () => {
    const { server, clock, directory } = setup();
    await directory.open();
    await directory.close();
    expect(clock.delays).toEqual([]);
    expect(server.clients.every((client) => client.unbound)).toBe(true);
    await expect(directory.refresh()).rejects.toThrow("LDAP directory 'AD': closed");
  });
});

describe('LDAP directory, live mode', () => {
  it('asks the server per call and keeps only exact matches from an over-matching answer', async () => {
    const { server, directory } = setup({ mode: 'live' });
    server.entries = [anna, bernd, carla];
    await directory.open();
    expect(server.filters).toEqual([]); // nothing loaded at open
    expect(ids(await directory.lookup('+492115551234'))).toEqual([anna.dn]);
    expect(server.filters[0]).toContain('(telephoneNumber=02115551234)');
    expect(server.filters[0]).toContain('(ipPhone=*1234)');
    expect(ids(await directory.lookup('+4921133990312'))).toEqual([anna.dn]);
    expect(ids(await directory.lookup('+492115550000'))).toEqual([]);
  });

  it('asks again on a new connection when the kept one turns out to be gone', async () => {
    const { server, directory } = setup({ mode: 'live' });
    await directory.open();
    server.clients[0]!.goStale();
    expect(ids(await directory.lookup('+492115551234'))).toEqual([anna.dn]);
    expect(server.clients).toHaveLength(2);
    expect(server.binds).toHaveLength(2);
  });

  it('rejects at once when the lookup is cancelled, and after the timeout when the server is silent', async () => {
    const { server, clock, directory } = setup({ mode: 'live', timeoutMs: 800 });
    await directory.open();
    server.silent = true;
    const controller = new AbortController();
    const cancelled = directory.lookup('+492115551234', controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toThrow("LDAP directory 'AD': lookup cancelled");

    const silent = directory.lookup('+492115551234');
    const outcome = silent.then(
      () => 'answered',
      (error: unknown) => String(error),
    );
    await settle();
    await clock.advanceSettled(799);
    expect(await Promise.race([outcome, Promise.resolve('pending')])).toBe('pending');
    await clock.advanceSettled(1);
    expect(await outcome).toBe("LdapDirectoryError: LDAP directory 'AD': no answer within 800 ms (search)");
  });

  it('passes the CA to StartTLS, not to the plain connection', async () => {
    const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nMII...\n-----END CERTIFICATE-----\n');
    const { server, directory } = setup(
      { mode: 'live', startTls: true, caFile: '/etc/ringdesk/ca.pem', url: 'ldap://dc1.example.com' },
      {
        readFile: (file) =>
          file === '/etc/ringdesk/ca.pem' ? Promise.resolve(ca) : Promise.reject(new Error(file)),
      },
    );
    await directory.open();
    const client = server.clients[0]!;
    expect(client.options.tlsOptions).toBeUndefined();
    expect(client.startTlsOptions).toMatchObject({
      ca,
      host: 'dc1.example.com',
      servername: 'dc1.example.com',
    });
  });

  it('reads a relative CA file from the settings folder, and refuses one with no folder to go by', async () => {
    const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nMII...\n-----END CERTIFICATE-----\n');
    const read: string[] = [];
    const relative = { url: 'ldaps://dc1', caFile: 'certs/ca.pem' };
    const { directory } = setup(relative, {
      baseDir: '/etc/ringdesk',
      readFile: (file) => {
        read.push(file);
        return Promise.resolve(ca);
      },
    });
    await directory.open();
    expect(read).toEqual(['/etc/ringdesk/certs/ca.pem']);
    await expect(setup(relative).directory.open()).rejects.toThrow(
      "LDAP directory 'AD': CA file must be an absolute path here: certs/ca.pem",
    );
  });

  it('fails to open when the CA file is missing or holds no certificate', async () => {
    const missing = setup(
      { url: 'ldaps://dc1', caFile: '/nope.pem' },
      {
        readFile: () => Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' })),
      },
    );
    await expect(missing.directory.open()).rejects.toThrow(
      "LDAP directory 'AD': CA file not readable: /nope.pem (ENOENT)",
    );
    const junk = setup(
      { url: 'ldaps://dc1', caFile: '/junk.pem' },
      { readFile: () => Promise.resolve(Buffer.from('hello')) },
    );
    await expect(junk.directory.open()).rejects.toThrow(
      "LDAP directory 'AD': CA file holds no PEM certificate: /junk.pem",
    );
  });

  it('warns when a password would cross the network unencrypted', async () => {
    const { warnings, directory } = setup({
      mode: 'live',
      url: 'ldap://dc1.example.com',
      phoneAttributes: ['telephoneNumber'],
    });
    await directory.open();
    expect(warnings).toEqual([
      'LDAP directory \'AD\': the bind password is sent unencrypted; use an ldaps:// URL or "startTls": true',
    ]);
  });

  it('leaves fax numbers out of live searches on OpenLDAP, where they cannot match, and says so', async () => {
    const { server, warnings, directory } = setup({ mode: 'live' });
    await directory.open();
    expect(warnings).toEqual([
      "LDAP directory 'AD': facsimileTelephoneNumber has no matching rule on this server (RFC 4519), so fax numbers are found in sync mode only",
    ]);
    await directory.lookup('+492115551234');
    expect(server.filters[0]).not.toContain('facsimileTelephoneNumber');
    expect(server.filters[0]).toContain('(pager=*12 34)');
  });

  it('asks Active Directory for fax numbers too, and uses its default filter: people, not disabled', async () => {
    const { server, warnings, directory } = setup({ mode: 'live' });
    server.rootDse = { dn: '', supportedCapabilities: ['1.2.840.113556.1.4.800', '1.2.840.113556.1.4.1670'] };
    await directory.open();
    expect(warnings).toEqual([]);
    await directory.lookup('+492115551234');
    expect(server.filters[0]).toMatch(
      /^\(&\(&\(objectCategory=person\)\(!\(userAccountControl:1\.2\.840\.113556\.1\.4\.803:=2\)\)\)\(\|/,
    );
    expect(server.filters[0]).toContain('(facsimileTelephoneNumber=*12-34)');
  });

  it('abandons a search it gave up on, on the server', async () => {
    const { server, clock, directory } = setup({ mode: 'live', timeoutMs: 800 });
    await directory.open();
    server.silent = true;
    const lookup = directory.lookup('+492115551234');
    const outcome = lookup.then(
      () => 'answered',
      (error: unknown) => String(error),
    );
    await settle();
    expect(server.abandoned).toEqual([]);
    await clock.advanceSettled(800);
    expect(await outcome).toBe("LdapDirectoryError: LDAP directory 'AD': no answer within 800 ms (search)");
    expect(server.abandoned).toEqual([server.filters[0]]);
  });

  it('says what each live lookup costs the server, in the connection test', async () => {
    const { directory } = setup({ mode: 'live' });
    await directory.open();
    expect(await directory.notes()).toEqual([
      "LDAP directory 'AD': live mode: each lookup has the server walk about 2 entries (every entry the filter selects: a search by the number's ending cannot use an index; unless the server has substring indexes on the phone attributes)",
    ]);
  });
});
