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

  const annaRow = rows.filter({ hasText: 'Anna Becker' });
  await annaRow.getByRole('button', { name: 'Mark as handled' }).click();
  await expect(annaRow).toContainText('Missed · handled');
  await expect(annaRow.getByRole('button', { name: 'Mark as handled' })).toHaveCount(0);
  await expect(log.getByRole('heading', { name: /1 missed/ })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await log.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ringdesk-calls-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  expect(csv).toMatch(/,missed,yes,0211 5551111,'\+492115551111,Anna Becker,/);
  expect(csv).toMatch(/,answered,,'\+44 20 7946 0958,/);
});
