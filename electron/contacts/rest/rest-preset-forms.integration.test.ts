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

/** A stored form, the caller it must be found for, and whether its last four digits stand together. */
interface Row {
  readonly stored: string;
  readonly caller: string;
  readonly what: string;
  /** Found by a plain LIKE of the last four digits (Zammad without Elasticsearch). */
  readonly tailTogether: boolean;
}

export const STORED_FORMS: readonly Row[] = [
  { stored: '+49 211 5551234', caller: '+492115551234', what: 'spaced, international', tailTogether: true },
  { stored: '+492115551234', caller: '+492115551234', what: 'together, E.164', tailTogether: true },
  { stored: '02115551234', caller: '+492115551234', what: 'together, national', tailTogether: true },
  { stored: '0211/5551234', caller: '+492115551234', what: 'slashed', tailTogether: true },
  { stored: '(0211) 5551234', caller: '+492115551234', what: 'bracketed', tailTogether: true },
  { stored: '0211 555-1234', caller: '+492115551234', what: 'dashed', tailTogether: true },
  { stored: '+49 (0)211 555 12 34', caller: '+492115551234', what: '+49 (0), in pairs', tailTogether: false },
  { stored: '0211 555 12 34', caller: '+492115551234', what: 'in pairs', tailTogether: false },
  { stored: '0049 211 5551234', caller: '+492115551234', what: '0049', tailTogether: true },
  { stored: '+49-211-555-1234', caller: '+492115551234', what: 'dashed throughout', tailTogether: true },
  { stored: '5551234', caller: '+492115551234', what: 'local, no area code', tailTogether: true },
  { stored: '03841 1234', caller: '+4938411234', what: '4-digit subscriber number', tailTogether: true },
  { stored: '06151 12345', caller: '+49615112345', what: '5-digit subscriber number', tailTogether: true },
  { stored: '030 123456', caller: '+4930123456', what: '6-digit subscriber number', tailTogether: true },
  {
    stored: '+49 30 12345678',
    caller: '+493012345678',
    what: '8-digit subscriber number',
    tailTogether: true,
  },
  {
    stored: '+49 211 339903-12',
    caller: '+4921133990312',
    what: 'extension after a dash',
    tailTogether: false,
  },
  {
    stored: '+1 (425) 555-1234',
    caller: '+14255551234',
    what: 'NANP, bracketed and dashed',
    tailTogether: true,
  },
  { stored: '+44 20 7946 0000', caller: '+442079460000', what: 'UK, spaced', tailTogether: true },
];

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
