/** Each preset against a fake helpdesk on loopback that answers as the product does. */
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

  it('finds the people with the number and drops the fuzzy matches of the search', async () => {
    const fake = await helpdesk();
    const found = await (await zammad(fake)).lookup(ANNAS_NUMBER);

    // The search also found Bernd (0172 5551234) and Emil (+1 425 555 1234).
    expect(names(found)).toEqual(['Anna Schmidt', 'Carla Nowak']);
    const [anna, carla] = found;
    expect(anna).toMatchObject({
      company: 'ACME',
      email: 'anna@example.com',
      directory: 'Helpdesk',
      id: '1',
    });
    expect(carla?.department).toBe('Support');
    expect(carla?.phones).toEqual([
      { type: 'work', raw: '0211 555-1234', e164: ANNAS_NUMBER },
      { type: 'mobile', raw: '0171 1234567', e164: '+491711234567' },
    ]);
    const [search] = fake.searches;
    expect(search?.headers.authorization).toBe('Token token=zammad-token');
    expect(search?.query.get('query')).toBe('phone:*5551234 OR mobile:*5551234');
    expect(search?.query.get('expand')).toBe('true');
  });

  it('pages through every user for the contact list', async () => {
    const fake = await helpdesk();
    const all = await (await zammad(fake, { listing: { pageSize: 2 } })).list();
    expect(all.map((contact) => contact.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(fake.searches.map((request) => request.query.get('page'))).toEqual(['1', '2', '3']);
  });
});

describe('KIX preset', () => {
  const kix = (fake: FakeHelpdesk, credentials: Record<string, unknown> = agent) =>
    directory({ preset: 'kix', baseUrl: fake.origin, credentials });

  it('logs in once, searches with the session token, and keeps only exact matches', async () => {
    const fake = await helpdesk();
    const kixDirectory = await kix(fake);
    expect(names(await kixDirectory.lookup(ANNAS_NUMBER))).toEqual(['Anna Schmidt', 'Carla Nowak']);
    expect(names(await kixDirectory.lookup('+491725551234'))).toEqual(['Bernd Fuchs']);

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
    expect(names(await kixDirectory.lookup(ANNAS_NUMBER))).toEqual(['Anna Schmidt', 'Carla Nowak']);
    expect(fake.logins).toBe(2);
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
});

describe('Znuny preset', () => {
  const znuny = (fake: FakeHelpdesk, credentials: Record<string, unknown> = agent) =>
    directory({ preset: 'znuny', name: 'Znuny', baseUrl: `${fake.origin}/otrs`, credentials });

  it('creates a session, sends it with each search, and filters the fuzzy matches', async () => {
    const fake = await helpdesk();
    const found = await (await znuny(fake)).lookup(ANNAS_NUMBER);
    expect(names(found)).toEqual(['Anna Schmidt', 'Carla Nowak']);
    expect(found[0]).toMatchObject({ id: 'anna@example.com', company: 'ACME' });
    const [search] = fake.searches;
    expect(search?.path).toBe(`${ZNUNY_SERVICE}/CustomerUserSearch`);
    expect(search?.query.get('SessionID')).toBe('session-1');
    expect(search?.query.get('Search')).toBe('*5551234*');
  });

  it('treats the empty answer of a search without results as no contacts', async () => {
    const fake = await helpdesk();
    expect(await (await znuny(fake)).lookup('+4989123456')).toEqual([]);
  });

  it('logs in again when the session expired (Znuny answers that with 200 and an error)', async () => {
    const fake = await helpdesk();
    const znunyDirectory = await znuny(fake);
    await znunyDirectory.lookup(ANNAS_NUMBER);
    fake.expireSessions();
    expect(names(await znunyDirectory.lookup(ANNAS_NUMBER))).toEqual(['Anna Schmidt', 'Carla Nowak']);
    expect(fake.logins).toBe(2);
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
    await (await znuny(fake)).lookup(ANNAS_NUMBER);
    const [search] = fake.searches;
    expect(search?.query.get('SessionID')).toBe(hostile);
    expect(search?.query.get('admin')).toBeNull();
    expect(search?.path).toBe(`${ZNUNY_SERVICE}/CustomerUserSearch`);
  });
});

describe('ConSol CM preset', () => {
  it('searches with basic authentication and keeps only exact matches', async () => {
    const fake = await helpdesk();
    const consol = await directory({ preset: 'consol', baseUrl: fake.origin, credentials: agent });
    expect(names(await consol.lookup(ANNAS_NUMBER))).toEqual(['Anna Schmidt', 'Carla Nowak']);
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
    expect(anna).toMatchObject({ id: 'c-1', name: 'Anna Schmidt', link: `${fake.origin}/contacts/c-1` });
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
