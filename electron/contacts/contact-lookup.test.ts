import { describe, expect, it } from 'vitest';
import type { Contact } from './contact.js';
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
    let aborted = false;
    const slow = directory(
      'Slow',
      (signal) =>
        new Promise((resolve) => {
          signal?.addEventListener('abort', () => {
            aborted = true;
          });
          setTimeout(() => {
            resolve([person('Late', 'Slow')]);
          }, 2000);
        }),
    );
    const lookup = new ContactLookup(
      [slow, directory('Fast', () => Promise.resolve([person('Quick', 'Fast')]))],
      {
        timeoutMs: 50,
      },
    );
    const started = Date.now();
    const result = await lookup.lookup('+492115551234');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.contacts.map((contact) => contact.name)).toEqual(['Quick']);
    expect(result.failures).toEqual([{ directory: 'Slow', error: 'no answer within 50 ms' }]);
    expect(aborted).toBe(true);
  });
});
