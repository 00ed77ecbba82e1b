import { describe, expect, it } from 'vitest';
import type { Contact } from './contact.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { ContactLookup } from './contact-lookup.js';
import type { Directory } from './directory.js';

const person = (name: string, directory: string, id = name): Contact => ({
  name,
  company: null,
  phones: [{ type: 'work', raw: '+492115551234', e164: '+492115551234' }],
  email: null,
  directory,
  id,
  department: null,
  title: null,
});

function directory(name: string, answer: (signal?: AbortSignal) => Promise<readonly Contact[]>): Directory {
  return {
    name,
    kind: 'test',
    lookup: (_e164, signal) => answer(signal),
    list: () => answer(),
    close: () => Promise.resolve(),
  };
}

describe('ContactLookup', () => {
  it('merges answers in directory order, each contact once', async () => {
    const lookup = new ContactLookup([
      directory('A', () => Promise.resolve([person('Ann', 'A'), person('Ann', 'A')])),
      directory('B', () => Promise.resolve([person('Bob', 'B')])),
    ]);
    const result = await lookup.lookup('+492115551234');
    expect(result.contacts.map((contact) => contact.name)).toEqual(['Ann', 'Bob']);
    expect(result.failures).toEqual([]);
  });

  it('reports a failing directory and still answers with the others', async () => {
    const lookup = new ContactLookup([
      directory('LDAP', () => Promise.reject(new Error('LDAP unreachable'))),
      directory('Book', () => Promise.resolve([person('Bob', 'Book')])),
    ]);
    const result = await lookup.lookup('+492115551234');
    expect(result.contacts.map((contact) => contact.name)).toEqual(['Bob']);
    expect(result.failures).toEqual([{ directory: 'LDAP', error: 'LDAP unreachable' }]);
  });

  it('gives up on a slow directory after its timeout, and tells it to stop', async () => {
    const clock = new FakeClock(0);
    let aborted = false;
    // A directory that answers only when told to stop, and then too late to count.
    const slow = directory(
      'Slow',
      (signal) =>
        new Promise((resolve) => {
          signal?.addEventListener('abort', () => {
            aborted = true;
            resolve([person('Late', 'Slow')]);
          });
        }),
    );
    const lookup = new ContactLookup(
      [slow, directory('Fast', () => Promise.resolve([person('Quick', 'Fast')]))],
      { timeoutMs: 50, clock },
    );
    let settled = false;
    const pending = lookup.lookup('+492115551234').finally(() => {
      settled = true;
    });
    await clock.advanceSettled(49);
    expect(settled).toBe(false);
    await clock.advanceSettled(1);
    const result = await pending;
    expect(result.contacts.map((contact) => contact.name)).toEqual(['Quick']);
    expect(result.failures).toEqual([{ directory: 'Slow', error: 'no answer within 50 ms' }]);
    expect(aborted).toBe(true);
  });
});

describe('ContactLookup: progress, merging and the cache', () => {
  it('reports each directory’s answer as it arrives, the fastest first', async () => {
    const lookup = new ContactLookup([
      directory(
        'Slow',
        () => new Promise((resolve) => setTimeout(() => resolve([person('Sam', 'Slow')]), 80)),
      ),
      directory('Fast', () => Promise.resolve([person('Fay', 'Fast')])),
    ]);
    const progress: string[][] = [];
    const result = await lookup.lookup('+492115551234', (partial) =>
      progress.push(partial.contacts.map((contact) => contact.name)),
    );
    expect(progress).toEqual([['Fay']]);
    expect(result.contacts.map((contact) => contact.name)).toEqual(['Sam', 'Fay']);
  });

  it('lists the same person from two directories once, with both sources, in priority order', async () => {
    const helpdesk = {
      ...person('Anna Müller', 'Helpdesk', 'u7'),
      email: 'anna@acme.example',
      company: null,
    };
    const ldap = {
      ...person('anna  muller', 'LDAP', 'cn=anna'),
      email: 'ANNA@acme.example',
      company: 'ACME',
      title: 'Buyer',
    };
    const lookup = new ContactLookup([
      directory('Helpdesk', () => Promise.resolve([helpdesk])),
      directory('LDAP', () => Promise.resolve([ldap, person('Bob', 'LDAP')])),
    ]);
    const { contacts } = await lookup.lookup('+492115551234');
    expect(
      contacts.map((contact) => [
        contact.name,
        contact.directory,
        contact.company,
        contact.title,
        contact.sources,
      ]),
    ).toEqual([
      ['Anna Müller', 'Helpdesk', 'ACME', 'Buyer', ['Helpdesk', 'LDAP']],
      ['Bob', 'LDAP', null, null, undefined],
    ]);
  });

  it('answers repeated lookups from its cache, "nobody" for a shorter while, never a failure', async () => {
    const clock = new FakeClock(0);
    let asked = 0;
    const counting = directory('Book', () => {
      asked++;
      return Promise.resolve(asked <= 2 ? [person('Ann', 'Book')] : []);
    });
    const lookup = new ContactLookup([counting], {
      cacheTtlMs: 1000,
      negativeCacheTtlMs: 100,
      clock,
    });
    await lookup.lookup('+1');
    await lookup.lookup('+1');
    expect(asked).toBe(1);
    clock.advance(1001);
    await lookup.lookup('+1');
    expect(asked).toBe(2);
    await lookup.lookup('+2');
    await lookup.lookup('+2');
    expect(asked).toBe(3);
    clock.advance(101);
    await lookup.lookup('+2');
    expect(asked).toBe(4);

    let failing = 0;
    const broken = new ContactLookup(
      [directory('LDAP', () => Promise.reject(new Error(`down ${++failing}`)))],
      {
        cacheTtlMs: 1000,
        negativeCacheTtlMs: 1000,
        clock,
      },
    );
    await broken.lookup('+3');
    expect((await broken.lookup('+3')).failures).toEqual([{ directory: 'LDAP', error: 'down 2' }]);
  });
});
