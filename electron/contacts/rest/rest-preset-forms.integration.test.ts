/**
 * Each helpdesk preset finds a caller whose number was stored the way people really write
 * numbers, against the fake helpdesk whose products answer as their sources say
 * (test-support/rest-fake-*.ts). Every row stores one person with the number and a decoy with
 * the same digits in another country, which the search may find and Ringdesk must drop.
 * Znuny is not here: stock Znuny has no customer-user search (see znuny-route tests).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeHelpdesk, type FakeHelpdeskOptions } from '../../test-support/rest-fake-helpdesk.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createRestDirectory } from './create-rest-directory.js';
import type { RestDirectory } from './rest-directory.js';
import { STORED_FORMS, type StoredForm as Row } from '../../test-support/stored-number-forms.js';

const fakes: FakeHelpdesk[] = [];
const opened: RestDirectory[] = [];
afterEach(async () => {
  for (const directory of opened.splice(0)) await directory.close();
  for (const fake of fakes.splice(0)) await fake.close();
});

/** A fake holding the person with `stored`, and a decoy with the same digits after +43. */
async function helpdeskWith(row: Row, options: FakeHelpdeskOptions = {}): Promise<FakeHelpdesk> {
  const national = row.caller.replace(/^\+(1|44|49)/, '');
  const fake = await FakeHelpdesk.start({
    ...options,
    people: [
      { id: 2, firstName: 'Stored', lastName: 'Person', phone: row.stored },
      { id: 3, firstName: 'Same', lastName: 'Digits', mobile: `+43 ${national}` },
    ],
  });
  fakes.push(fake);
  return fake;
}

async function directory(settings: Record<string, unknown>): Promise<RestDirectory> {
  const created = await createRestDirectory(
    { type: 'rest', ...settings },
    { rules: DUESSELDORF, env: {}, onWarning: () => undefined },
  );
  opened.push(created);
  return created;
}

const agent = { username: 'ringdesk', password: 'agent-pass' };
const names = (contacts: readonly { name: string }[]) => contacts.map((contact) => contact.name);

describe('Zammad with Elasticsearch finds every stored form', () => {
  it.each(STORED_FORMS)('$stored ($what)', async (row) => {
    const fake = await helpdeskWith(row);
    const zammad = await directory({
      preset: 'zammad',
      baseUrl: fake.origin,
      credentials: { token: 'zammad-token' },
    });
    expect(names(await zammad.lookup(row.caller))).toEqual(['Stored Person']);
    expect(fake.searches).toHaveLength(1);
  });
});

describe('Zammad without Elasticsearch finds the forms whose last four digits stand together', () => {
  it.each(STORED_FORMS)('$stored ($what)', async (row) => {
    const fake = await helpdeskWith(row, { zammadSearch: 'database' });
    const zammad = await directory({
      preset: 'zammad',
      baseUrl: fake.origin,
      credentials: { token: 'zammad-token' },
    });
    expect(names(await zammad.lookup(row.caller))).toEqual(row.tailTogether ? ['Stored Person'] : []);
    expect(fake.searches).toHaveLength(2);
  });
});

describe('KIX finds every stored form', () => {
  it.each(STORED_FORMS)('$stored ($what)', async (row) => {
    const fake = await helpdeskWith(row, { kixStrictSearching: true });
    const kix = await directory({ preset: 'kix', baseUrl: fake.origin, credentials: agent });
    expect(names(await kix.lookup(row.caller))).toEqual(['Stored Person']);
    expect(fake.searches).toHaveLength(1);
  });
});

describe('ConSol CM (unverified stand-in) finds the forms whose last four digits stand together', () => {
  it.each(STORED_FORMS)('$stored ($what)', async (row) => {
    const fake = await helpdeskWith(row);
    const consol = await directory({ preset: 'consol', baseUrl: fake.origin, credentials: agent });
    expect(names(await consol.lookup(row.caller))).toEqual(row.tailTogether ? ['Stored Person'] : []);
  });
});
