/**
 * What an agent sees when a helpdesk misbehaves: a slow or unreachable helpdesk never hangs a
 * lookup (and the request is really cancelled), and every bad answer becomes one clear line
 * naming the directory and the problem.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactLookup } from '../contact-lookup.js';
import { FakeHelpdesk } from '../../test-support/rest-fake-helpdesk.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createRestDirectory } from './create-rest-directory.js';
import type { RestDirectory } from './rest-directory.js';

const ANNAS_NUMBER = '+492115551234';
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

async function zammad(baseUrl: string, extra: Record<string, unknown> = {}): Promise<RestDirectory> {
  const directory = await createRestDirectory(
    {
      type: 'rest',
      preset: 'zammad',
      name: 'Helpdesk',
      baseUrl,
      credentials: { token: 'zammad-token' },
      ...extra,
    },
    { rules: DUESSELDORF, env: {} },
  );
  opened.push(directory);
  return directory;
}

async function json(baseUrl: string): Promise<RestDirectory> {
  const directory = await createRestDirectory(
    { type: 'rest', preset: 'json', name: 'CRM', baseUrl },
    { rules: DUESSELDORF, env: {} },
  );
  opened.push(directory);
  return directory;
}

describe('a slow helpdesk', () => {
  it('gives up after the timeout and hangs up', async () => {
    const fake = await helpdesk();
    fake.trouble = { kind: 'hang' };
    const directory = await zammad(fake.origin, { timeoutMs: 300 });
    await expect(directory.lookup(ANNAS_NUMBER)).rejects.toThrow(
      "Zammad directory 'Helpdesk': no answer within 300 ms",
    );
    await expect.poll(() => fake.searches[0]?.closedEarly, { timeout: 5000 }).toBe(true);
  });

  it('stops at once when the lookup is cancelled, and closes the request', async () => {
    const fake = await helpdesk();
    fake.trouble = { kind: 'hang' };
    const directory = await zammad(fake.origin, { timeoutMs: 30_000 });
    const controller = new AbortController();
    const arrived = fake.nextRequest();
    const lookup = directory.lookup(ANNAS_NUMBER, controller.signal);
    await arrived;
    controller.abort();
    await expect(lookup).rejects.toThrow("Zammad directory 'Helpdesk': the lookup was cancelled");
    await expect.poll(() => fake.searches[0]?.closedEarly, { timeout: 5000 }).toBe(true);
  });

  it("is reported by the Companion's lookup without holding up the answer", async () => {
    const fake = await helpdesk();
    fake.trouble = { kind: 'hang' };
    const lookup = new ContactLookup([await zammad(fake.origin, { timeoutMs: 30_000 })], { timeoutMs: 300 });
    const result = await lookup.lookup(ANNAS_NUMBER);
    expect(result.failures).toEqual([{ directory: 'Helpdesk', error: 'no answer within 300 ms' }]);
    // The lookup's abort reached the directory, which closed its request.
    await expect.poll(() => fake.searches[0]?.closedEarly, { timeout: 5000 }).toBe(true);
  });

  it('says so when nothing listens at the address', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const directory = await zammad(`http://127.0.0.1:${port}`);
    await expect(directory.lookup(ANNAS_NUMBER)).rejects.toThrow(
      `Zammad directory 'Helpdesk': cannot connect to 127.0.0.1:${port} (connection refused)`,
    );
  });
});

describe('a failing helpdesk', () => {
  it('names a refused API token', async () => {
    const fake = await helpdesk({ token: 'another-token' });
    await expect((await zammad(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      "Zammad directory 'Helpdesk': the API token was refused (401): Authentication failed",
    );
  });

  it('passes on the status and the helpdesk’s message of a server error', async () => {
    const fake = await helpdesk();
    fake.trouble = { kind: 'status', status: 500, body: '{"error":"Elasticsearch is down"}' };
    await expect((await zammad(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      "Zammad directory 'Helpdesk': answered 500: Elasticsearch is down",
    );
    fake.trouble = { kind: 'status', status: 502, body: '<h1>Bad Gateway</h1>', contentType: 'text/html' };
    await expect((await zammad(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      /^Zammad directory 'Helpdesk': answered 502$/,
    );
    // A plain-text error (as Znuny's GenericInterface sends them) is passed on, on one line.
    fake.trouble = {
      kind: 'status',
      status: 500,
      body: 'Backend\r\nunavailable\u0007 ' + 'x'.repeat(400),
      contentType: 'text/plain',
    };
    await expect((await zammad(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      /^Zammad directory 'Helpdesk': answered 500: Backend unavailable x{100,}…$/,
    );
  });

  it('refuses an HTML page instead of JSON', async () => {
    const fake = await helpdesk();
    fake.trouble = { kind: 'html' };
    await expect((await zammad(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      "Zammad directory 'Helpdesk': did not answer with JSON (text/html)",
    );
  });

  it('stops reading an answer over 2 MiB and hangs up', async () => {
    const fake = await helpdesk();
    fake.trouble = { kind: 'endless' };
    await expect((await zammad(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      "Zammad directory 'Helpdesk': answer over 2 MiB",
    );
    await expect.poll(() => fake.searches[0]?.closedEarly, { timeout: 5000 }).toBe(true);
  });

  it('names the part of an answer that has the wrong shape', async () => {
    const fake = await helpdesk();
    fake.trouble = { kind: 'shape', body: { contacts: { id: 1, name: 'Anna' } } };
    await expect((await json(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      "JSON directory 'CRM': unexpected answer: contacts is not a list",
    );
    fake.trouble = { kind: 'shape', body: { users: [] } };
    await expect((await zammad(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      "Zammad directory 'Helpdesk': unexpected answer: the answer is not a list",
    );
  });

  it('does not follow a redirect, so credentials stay with the helpdesk', async () => {
    const fake = await helpdesk();
    const elsewhere = await helpdesk();
    fake.trouble = { kind: 'redirect', location: `${elsewhere.origin}/login` };
    await expect((await zammad(fake.origin)).lookup(ANNAS_NUMBER)).rejects.toThrow(
      `Zammad directory 'Helpdesk': answered with a redirect (302 to ${elsewhere.origin}/login): set the address it redirects to`,
    );
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('hostile input and answers', () => {
  it('refuses a number that is not E.164 without asking the helpdesk', async () => {
    const fake = await helpdesk();
    const directory = await zammad(fake.origin);
    await expect(directory.lookup('+49&query=*#/')).rejects.toThrow(
      `Zammad directory 'Helpdesk': not an E.164 number: "+49&query=*#/"`,
    );
    expect(fake.requests).toEqual([]);
  });

  it('passes HTML in names through as text and drops links that are not http(s)', async () => {
    const fake = await helpdesk({
      people: [
        {
          id: 9,
          firstName: '<img src=x onerror=alert(1)>',
          lastName: '&amp; Co',
          phone: '+49 211 5551234',
          url: 'javascript:alert(1)',
        },
      ],
    });
    const [contact] = await (await json(fake.origin)).lookup(ANNAS_NUMBER);
    expect(contact?.name).toBe('<img src=x onerror=alert(1)> &amp; Co');
    expect(contact?.link).toBeNull();
  });
});
