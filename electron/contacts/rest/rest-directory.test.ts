import { describe, expect, it } from 'vitest';
import { FakeHttp } from '../../test-support/rest-fake-http.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createRestDirectory } from './create-rest-directory.js';

const custom = (extra: Record<string, unknown> = {}) => ({
  type: 'rest',
  name: 'CRM',
  request: {
    method: 'POST',
    url: 'https://crm.example/api/search',
    body: '{"query": {"phone": "{{number.e164}}", "local": "{{number.trunk}}"}}',
    headers: { 'Accept-Language': 'de' },
  },
  response: { list: 'hits', id: 'key', name: 'display', phones: [{ path: 'tel', type: 'work' }] },
  ...extra,
});

describe('a REST directory', () => {
  it('POSTs the body template with the number filled in as JSON', async () => {
    const http = new FakeHttp({ hits: [{ key: 'k1', display: 'Anna', tel: '+49 211 5551234' }] });
    const directory = await createRestDirectory(custom(), { rules: DUESSELDORF, env: {}, http });
    expect((await directory.lookup('+492115551234')).map((contact) => contact.name)).toEqual(['Anna']);
    const [request] = http.seen;
    expect(request?.method).toBe('POST');
    expect(JSON.parse(String(request?.data))).toEqual({
      query: { phone: '+492115551234', local: '02115551234' },
    });
    expect(request?.headers).toMatchObject({ 'Content-Type': 'application/json', 'Accept-Language': 'de' });
  });

  it('never matches a number reached through a switchboard or only sharing the last digits', async () => {
    const http = new FakeHttp({
      hits: [
        { key: 'sw', display: 'Via switchboard', tel: 'tel:+49-211-5551234;ext=102' },
        { key: 'tail', display: 'Same tail', tel: '030 5551234' },
        { key: 'local', display: 'Stored locally', tel: '5551234' },
      ],
    });
    const directory = await createRestDirectory(custom(), { rules: DUESSELDORF, env: {}, http });
    expect((await directory.lookup('+492115551234')).map((contact) => contact.id)).toEqual(['local']);
  });

  it('reports results it had to skip, and still answers with the others', async () => {
    const warnings: string[] = [];
    const http = new FakeHttp({
      hits: [
        { display: 'No key', tel: '0211 5551234' },
        { key: 'k', display: 'Ok', tel: '0211 5551234' },
      ],
    });
    const directory = await createRestDirectory(custom(), {
      rules: DUESSELDORF,
      env: {},
      http,
      onWarning: (message) => warnings.push(message),
    });
    expect((await directory.lookup('+492115551234')).map((contact) => contact.id)).toEqual(['k']);
    expect(warnings).toEqual(["REST directory 'CRM': skipped 1 result (hits[0] has no id)"]);
  });

  it('stops listing when the API ignores the paging and answers the same page again', async () => {
    const page = { hits: [1, 2].map((n) => ({ key: `k${n}`, display: `P${n}`, tel: `0211 55500${n}` })) };
    const http = new FakeHttp(page);
    const directory = await createRestDirectory(
      custom({
        listing: { url: 'https://crm.example/api/all?page={{page}}&size={{pageSize}}', pageSize: 2 },
      }),
      { rules: DUESSELDORF, env: {}, http },
    );
    expect((await directory.list()).map((contact) => contact.id)).toEqual(['k1', 'k2']);
    expect(http.seen.map((request) => request.url)).toEqual([
      'https://crm.example/api/all?page=1&size=2',
      'https://crm.example/api/all?page=2&size=2',
    ]);
  });

  it('lists at most maxPages pages, and says so', async () => {
    const warnings: string[] = [];
    const pages = [1, 2, 3].map((n) => ({ hits: [{ key: `k${n}`, display: `P${n}`, tel: '0211 1' }] }));
    const directory = await createRestDirectory(
      custom({ listing: { url: 'https://crm.example/api/all?offset={{offset}}', pageSize: 1, maxPages: 2 } }),
      {
        rules: DUESSELDORF,
        env: {},
        http: new FakeHttp(...pages),
        onWarning: (message) => warnings.push(message),
      },
    );
    expect((await directory.list()).map((contact) => contact.id)).toEqual(['k1', 'k2']);
    expect(warnings).toEqual(["REST directory 'CRM': listed only the first 2 pages (listing.maxPages)"]);
  });

  it('does not ask at all when the lookup was already cancelled', async () => {
    const http = new FakeHttp();
    const directory = await createRestDirectory(custom(), { rules: DUESSELDORF, env: {}, http });
    await expect(directory.lookup('+492115551234', AbortSignal.abort())).rejects.toThrow(
      "REST directory 'CRM': the lookup was cancelled",
    );
    expect(http.seen).toEqual([]);
  });

  it('asks the fallback only when the search answered nothing at all, and never a third time', async () => {
    const withFallback = custom({
      request: {
        method: 'GET',
        url: 'https://crm.example/api/search?q={{number.tokens}}',
        fallbackUrl: 'https://crm.example/api/search?q={{number.short}}',
      },
    });
    const empty = new FakeHttp({ hits: [] }, { hits: [] }, { hits: [] });
    const directory = await createRestDirectory(withFallback, { rules: DUESSELDORF, env: {}, http: empty });
    expect(await directory.lookup('+492115551234')).toEqual([]);
    expect(empty.seen.map((request) => new URL(String(request.url)).searchParams.get('q'))).toEqual([
      expect.stringMatching(/^\(02115551234 OR /) as unknown,
      '1234',
    ]);

    // A search that found someone, even the wrong person, is not asked again.
    const wrong = new FakeHttp({ hits: [{ key: 'w', display: 'Wrong', tel: '030 5551234' }] });
    const again = await createRestDirectory(withFallback, { rules: DUESSELDORF, env: {}, http: wrong });
    expect(await again.lookup('+492115551234')).toEqual([]);
    expect(wrong.seen).toHaveLength(1);

    const second = new FakeHttp(
      { hits: [] },
      { hits: [{ key: 'a', display: 'Anna', tel: '0211 555-1234' }] },
    );
    const found = await createRestDirectory(withFallback, { rules: DUESSELDORF, env: {}, http: second });
    expect((await found.lookup('+492115551234')).map((contact) => contact.id)).toEqual(['a']);
  });
});
