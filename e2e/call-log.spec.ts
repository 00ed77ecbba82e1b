import { readFileSync } from 'node:fs';
import { expect, test } from './host-fixture.js';

test('the call log filters, searches, marks missed calls handled and exports CSV', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
  const missed = await host.incoming('0211 5551111');
  await host.hangup(missed);
  const answered = await host.incoming('+44 20 7946 0958');
  await host.answer(answered);
  await host.hangup(answered);

  const log = page.getByRole('region', { name: 'Call log' });
  const rows = log.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(2);
  await expect(log.getByRole('heading', { name: /Calls 1 missed/ })).toBeVisible();

  await log.getByRole('button', { name: 'Missed', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Anna Becker');
  await log.getByRole('button', { name: 'All', exact: true }).click();
  await log.getByRole('searchbox', { name: 'Search calls' }).fill('7946 0958');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('+44 20 7946 0958');
  await log.getByRole('searchbox', { name: 'Search calls' }).fill('');

  // "Mark as handled" and the note sit in the row's compact "More" menu.
  const annaRow = rows.filter({ hasText: 'Anna Becker' });
  await annaRow.getByRole('button', { name: 'More for the call with Anna Becker' }).click();
  await annaRow.getByRole('button', { name: 'Mark as handled' }).click();
  await expect(annaRow).toContainText('Missed · handled');
  await expect(annaRow).toContainText('Handled by line 12');
  await annaRow.getByRole('button', { name: 'More for the call with Anna Becker' }).click();
  await expect(annaRow.getByRole('button', { name: 'Mark as handled' })).toHaveCount(0);
  await annaRow.getByRole('button', { name: 'Add a note' }).click();
  await annaRow.getByLabel('Note on the call with Anna Becker').fill('Wants a quote; call after 3');
  await annaRow.getByRole('button', { name: 'Save the note' }).click();
  await expect(annaRow).toContainText('Wants a quote; call after 3');
  await expect(log.getByRole('heading', { name: /1 missed/ })).toHaveCount(0);
  await log.getByRole('searchbox', { name: 'Search calls' }).fill('quote');
  await expect(rows).toHaveCount(1);
  await log.getByRole('searchbox', { name: 'Search calls' }).fill('');

  const download = page.waitForEvent('download');
  await log.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ringdesk-calls-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  // Local times with their offset; the E.164 column clean; the note exported.
  expect(csv).toMatch(/^\uFEFFstarted,/);
  expect(csv).toMatch(/\n\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2},/);
  expect(csv).toMatch(/,missed,yes,[^,]+,12,0211 5551111,\+492115551111,,Anna Becker,/);
  expect(csv).toContain(',Wants a quote; call after 3,');
  expect(csv).toMatch(/,answered,,,,'\+44 20 7946 0958,\+442079460958,/);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the CSV export uses semicolons and German column names', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
    const missed = await host.incoming('0211 5551111');
    await host.hangup(missed);
    const log = page.getByRole('region', { name: 'Anrufliste' });
    await expect(log.getByRole('heading', { name: /1 verpasst/ })).toBeVisible();
    const download = page.waitForEvent('download');
    await log.getByRole('button', { name: 'Als CSV exportieren' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toMatch(/^\uFEFFBeginn;Angenommen;Ende;Richtung;Ergebnis;/);
    expect(csv).toMatch(/;eingehend;verpasst;nein;;;0211 5551111;\+492115551111;;Anna Becker;/);
  });
});
