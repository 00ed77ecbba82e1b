/**
 * Each preset against the fake helpdesk on loopback, whose every product answers as its own
 * source says (test-support/rest-fake-*.ts name the files); ConSol CM's stand-in is unverified.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeHelpdesk, ZNUNY_SERVICE } from '../../test-support/rest-fake-helpdesk.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createRestDirectory } from './create-rest-directory.js';
import type { RestDirectory } from './rest-directory.js';

const ANNAS_NUMBER = '+492115551234';
const ENV = { ZAMMAD_TOKEN: 'zammad-token', AGENT_PASSWORD: 'agent-pass' };
const fakes: FakeHelpdesk[] = [];
const opened: RestDirectory[] = [];
afterEach(async () => {
  for (const directory of opened.splice(0)) await directory.close();
  for (const fake of fakes.splice(0)) await fake.close();
});

async function helpdesk(options: Parameters<typeof FakeHelpdesk.start>[0] = {}): Promise<FakeHelpdesk> {
  const fake = await FakeHelpdesk.start(options);
  fakes.push(fake);
  return fake;
}

async function directory(settings: Record<string, unknown>, warnings: string[] = []): Promise<RestDirectory> {
  const created = await createRestDirectory(
    { type: 'rest', ...settings },
    { rules: DUESSELDORF, env: ENV, onWarning: (message) => warnings.push(message) },
  );
  opened.push(created);
  return created;
}

const agent = { username: 'ringdesk', password: { env: 'AGENT_PASSWORD' } };
const names = (contacts: readonly { name: string }[]) => contacts.map((contact) => contact.name);

describe('Zammad preset', () => {
  const zammad = (fake: FakeHelpdesk, extra: Record<string, unknown> = {}) =>
    directory({
      preset: 'zammad',
      name: 'Helpdesk',
      baseUrl: fake.origin,
      credentials: { token: { env: 'ZAMMAD_TOKEN' } },
      ...extra,
    });

  it('finds the people with the number however they wrote it, and drops the loose matches', async () => {
    const fake = await helpdesk();
    const found = await (await zammad(fake)).lookup(ANNAS_NUMBER);

    // The search also found Bernd (0172 5551234); Carla wrote "0211 555-1234", which
    // Elasticsearch holds as the words 0211, 555 and 1234: the phrase "555 1234" finds her.
    expect(names(found)).toEqual(['Anna Schmidt', 'Carla Nowak']);
    const [anna, carla] = found;
    expect(anna).toMatchObject({
      company: 'ACME',
      email: 'anna@example.com',
      directory: 'Helpdesk',
      id: '2',
    });
    expect(carla?.department).toBe('Support');
    expect(carla?.phones).toEqual([
      { type: 'work', raw: '0211 555-1234', e164: ANNAS_NUMBER },
      { type: 'mobile', raw: '0171 1234567', e164: '+491711234567' },
    ]);
    expect(fake.searches).toHaveLength(1);
    const [search] = fake.searches;
    expect(search?.headers.authorization).toBe('Token token=zammad-token');
    const query = search?.query.get('query') ?? '';
    expect(query).toMatch(/^phone:\(02115551234 OR .*\) OR mobile:\(02115551234 OR .*\)$/);
    expect(query).toContain('"555 1234"');
    expect(query).not.toContain('*'); // Zammad deletes every * before it searches
    expect(search?.query.get('expand')).toBe('true');
  });

  it('asks once more with the last four digits when Zammad runs without Elasticsearch', async () => {
    const fake = await helpdesk({ zammadSearch: 'database' });
    expect(names(await (await zammad(fake)).lookup(ANNAS_NUMBER))).toEqual(['Anna Schmidt', 'Carla Nowak']);
    expect(fake.searches.map((request) => request.query.get('query'))).toEqual([
      expect.stringMatching(/^phone:\(/) as unknown,
      '1234',
    ]);
    expect(fake.searches[1]?.query.get('limit')).toBe('200');
  });

  it('asks at most twice for a caller nobody has', async () => {
    const fake = await helpdesk();
    expect(await (await zammad(fake)).lookup('+4989123456')).toEqual([]);
    expect(fake.searches).toHaveLength(2);
  });

  it('pages through every user for the contact list, Zammad’s system user included', async () => {
    const fake = await helpdesk();
    const all = await (await zammad(fake, { listing: { pageSize: 2 } })).list();
    expect(all.map((contact) => contact.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(fake.searches.map((request) => request.query.get('page'))).toEqual(['1', '2', '3', '4']);
  });
});

describe('KIX preset', () => {
  const kix = (fake: FakeHelpdesk, credentials: Record<string, unknown> = agent) =>
    directory({ preset: 'kix', baseUrl: fake.origin, credentials });

  it('logs in once, searches Phone and Mobile with the digits in order, and keeps only exact matches', async () => {
    const fake = await helpdesk();
    const kixDirectory = await kix(fake);
    // KIX sorts by last name; Carla's "0211 555-1234" holds 5, 5, 5, 1, 2, 3, 4 in order.
    expect(names(await kixDirectory.lookup(ANNAS_NUMBER))).toEqual(['Carla Nowak', 'Anna Schmidt']);
    expect(names(await kixDirectory.lookup('+491725551234'))).toEqual(['Bernd Fuchs']);
    expect(JSON.parse(fake.searches[0]?.query.get('search') ?? '')).toEqual({
      Contact: {
        OR: [
          { Field: 'Phone', Operator: 'LIKE', Value: '*5*5*5*1*2*3*4*' },
          { Field: 'Mobile', Operator: 'LIKE', Value: '*5*5*5*1*2*3*4*' },
        ],
      },
    });

    expect(fake.logins).toBe(1);
    const login = fake.requests[0];
    expect(login?.path).toBe('/api/v1/auth');
    expect(JSON.parse(login?.body ?? '')).toEqual({
      UserLogin: 'ringdesk',
      Password: 'agent-pass',
      UserType: 'Agent',
    });
    expect(fake.searches.every((request) => request.headers.authorization === 'Token session-1')).toBe(true);
  });

  it('logs in again when the helpdesk no longer accepts the session', async () => {
    const fake = await helpdesk();
    const kixDirectory = await kix(fake);
    await kixDirectory.lookup(ANNAS_NUMBER);
    fake.expireSessions();
    expect(names(await kixDirectory.lookup(ANNAS_NUMBER))).toEqual(['Carla Nowak', 'Anna Schmidt']);
    expect(fake.logins).toBe(2);
  });

  it('searches with operators KIX supports, so API::StrictSearching accepts it too', async () => {
    const fake = await helpdesk({ kixStrictSearching: true });
    expect(names(await (await kix(fake)).lookup(ANNAS_NUMBER))).toEqual(['Carla Nowak', 'Anna Schmidt']);
  });

  it('says the login was refused, and does not search', async () => {
    const fake = await helpdesk();
    const kixDirectory = await kix(fake, { username: 'ringdesk', password: 'wrong' });
    await expect(kixDirectory.lookup(ANNAS_NUMBER)).rejects.toThrow(
      "KIX directory 'KIX': the login was refused (401): Authorization not possible.",
    );
    expect(fake.searches).toEqual([]);
  });

  it('pages through the contacts by offset', async () => {
    const fake = await helpdesk();
    const all = await (
      await directory({ preset: 'kix', baseUrl: fake.origin, credentials: agent, listing: { pageSize: 3 } })
    ).list();
    expect(all).toHaveLength(5);
    expect(fake.searches.map((request) => request.query.get('offset'))).toEqual(['0', '3']);
  });

  it('lists past KIX’s default search limit of 1,000 contacts', async () => {
    const people = Array.from({ length: 1150 }, (_, index) => ({
      id: index + 10,
      firstName: `P${index}`,
      lastName: `L${String(index).padStart(4, '0')}`,
    }));
    const fake = await helpdesk({ people });
    const all = await (await kix(fake)).list();
    expect(all).toHaveLength(1150);
    expect(fake.searches.at(-1)?.query.get('searchlimit')).toBe('1200');
  });
});

describe('Znuny preset against a stock Znuny', () => {
  const znuny = (fake: FakeHelpdesk, credentials: Record<string, unknown> = agent) =>
    directory({ preset: 'znuny', name: 'Znuny', baseUrl: `${fake.origin}/otrs`, credentials });

  it('logs in, then says plainly that stock Znuny has no customer-user search, and what to use', async () => {
    const fake = await helpdesk();
    await expect((await znuny(fake)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      "Znuny directory 'Znuny': answered 500: HTTP::REST Error while determine Operation for request URI '/CustomerUserSearch'.: this Znuny web service has no customer-user search (stock Znuny ships none): read the customer users over LDAP or from a CSV export instead",
    );
    expect(fake.logins).toBe(1);
    const [search] = fake.searches;
    expect(search?.path).toBe(`${ZNUNY_SERVICE}/CustomerUserSearch`);
    expect(search?.query.get('SessionID')).toBe('session-1');
    expect(search?.query.get('Search')).toBe('*5*5*5*1*2*3*4*');
  });

  it("reports Znuny's own words when the login is refused", async () => {
    const fake = await helpdesk();
    await expect(
      (await znuny(fake, { username: 'ringdesk', password: 'wrong' })).lookup(ANNAS_NUMBER),
    ).rejects.toThrow(
      "Znuny directory 'Znuny': the login was refused: SessionCreate: Authorization failing!",
    );
  });

  it('URL-encodes a session ID full of &, # and /', async () => {
    const hostile = 's&admin=1#/../x';
    const fake = await helpdesk({ session: () => hostile });
    await expect((await znuny(fake)).lookup(ANNAS_NUMBER)).rejects.toThrow(/answered 500/);
    const [search] = fake.searches;
    expect(search?.query.get('SessionID')).toBe(hostile);
    expect(search?.query.get('admin')).toBeNull();
    expect(search?.path).toBe(`${ZNUNY_SERVICE}/CustomerUserSearch`);
  });
});

describe('ConSol CM preset (unverified)', () => {
  it('says it is unverified, searches the short tail with basic authentication, keeps only exact matches', async () => {
    const fake = await helpdesk();
    const warnings: string[] = [];
    const consol = await directory({ preset: 'consol', baseUrl: fake.origin, credentials: agent }, warnings);
    expect(warnings).toEqual([
      "ConSol CM directory 'ConSol CM': this preset is unverified (no public ConSol CM REST reference was found): check its search path, answer fields and action URLs against your installation",
    ]);
    expect(names(await consol.lookup(ANNAS_NUMBER))).toEqual(['Anna Schmidt', 'Carla Nowak']);
    expect(fake.searches[0]?.query.get('term')).toBe('1234');
    expect(fake.searches[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('ringdesk:agent-pass').toString('base64')}`,
    );
    expect(await consol.list()).toEqual([]);
  });

  it('says which credentials were refused', async () => {
    const fake = await helpdesk();
    const consol = await directory({
      preset: 'consol',
      name: 'CM',
      baseUrl: fake.origin,
      credentials: { username: 'ringdesk', password: 'nope' },
    });
    await expect(consol.lookup(ANNAS_NUMBER)).rejects.toThrow(
      "ConSol CM directory 'CM': the user name or password was refused (401): Bad credentials",
    );
  });
});

describe('JSON endpoint preset', () => {
  it('reads typed numbers from a list of objects and resolves relative links', async () => {
    const fake = await helpdesk();
    const json = await directory({ preset: 'json', name: 'CRM', baseUrl: fake.origin });
    const [anna, carla] = await json.lookup(ANNAS_NUMBER);
    expect(anna).toMatchObject({ id: 'c-2', name: 'Anna Schmidt', link: `${fake.origin}/contacts/c-2` });
    expect(carla?.phones.map((phone) => phone.type)).toEqual(['work', 'mobile']);
    expect(fake.searches[0]?.query.get('phone')).toBe(ANNAS_NUMBER);
    expect(fake.searches[0]?.rawQuery).toBe('phone=%2B492115551234');
  });

  it('sends a bearer token when credentials give one', async () => {
    const fake = await helpdesk({ jsonToken: 'crm-token' });
    const json = await directory({
      preset: 'json',
      baseUrl: fake.origin,
      credentials: { token: 'crm-token' },
    });
    expect(names(await json.lookup(ANNAS_NUMBER))).toEqual(['Anna Schmidt', 'Carla Nowak']);
  });

  it('lists every contact page by page', async () => {
    const fake = await helpdesk();
    const json = await directory({ preset: 'json', baseUrl: fake.origin, listing: { pageSize: 5 } });
    expect(await json.list()).toHaveLength(5);
    // A full last page needs one more request to see that nothing follows.
    expect(fake.searches.map((request) => request.query.get('page'))).toEqual(['1', '2']);
  });
});
