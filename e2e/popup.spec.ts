import type { Page } from '@playwright/test';
import { imagesSettled, isSettledProbe } from './settled.js';
import { expect, test } from './host-fixture.js';

/** Opens the app and fails the test on any page error, console error or dialog (alert). */
async function openApp(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !isSettledProbe(message)) problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  await expect(page.getByRole('status').first()).toContainText('Line 12 · Simulator · connected');
  return problems;
}

const popupFor = (page: Page, callId: string) => page.locator(`section.popup[data-call-id="${callId}"]`);

test('an incoming call shows the matched contact in the popup', async ({ page, host }, testInfo) => {
  const problems = await openApp(page, host.url);
  const callId = await host.incoming('0211 5551111');
  const popup = popupFor(page, callId);
  await expect(popup.getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
  await expect(popup).toContainText('ACME Maschinenbau');
  await expect(popup).toContainText('0211 5551111');
  await expect(popup.getByRole('button', { name: 'Open contact' })).toBeVisible();
  await popup.screenshot({ path: testInfo.outputPath('popup.png') });
  await testInfo.attach('popup', { path: testInfo.outputPath('popup.png'), contentType: 'image/png' });
  expect(problems).toEqual([]);
});

test('several matches show the chooser, and picking one shows that contact', async ({ page, host }) => {
  const problems = await openApp(page, host.url);
  const callId = await host.incoming('+49 211 5550100');
  const popup = popupFor(page, callId);
  await expect(popup).toContainText('2 contacts have this number');
  const choices = popup.locator('[data-contact-index]');
  await expect(choices).toHaveCount(2);
  await choices.filter({ hasText: 'Petra Müller' }).click();
  await expect(popup.getByRole('heading', { name: 'Petra Müller' })).toBeVisible();
  await expect(popup.locator('[data-contact-index]')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Not Petra Müller?' }).click();
  await expect(popup.locator('[data-contact-index]')).toHaveCount(2);

  // The pick is remembered for the number: the next call shows Petra at once.
  const next = await host.incoming('0211 5550100');
  await expect(popupFor(page, next).getByRole('heading', { name: 'Petra Müller' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('an unknown caller offers "new contact" with the E.164 number in its URL', async ({
  page,
  context,
  host,
}) => {
  await context.route('https://helpdesk.example.com/**', (route) =>
    route.fulfill({ body: 'helpdesk', contentType: 'text/plain' }),
  );
  const problems = await openApp(page, host.url);
  const callId = await host.incoming('+44 20 7946 0958');
  const popup = popupFor(page, callId);
  await expect(popup.getByRole('heading', { name: 'Unknown caller' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Open contact' })).toHaveCount(0);
  const opened = page.waitForEvent('popup');
  await popup.getByRole('button', { name: 'New contact' }).click();
  const helpdesk = await opened;
  expect(helpdesk.url()).toBe('https://helpdesk.example.com/#user/new?phone=%2B442079460958');
  expect(problems).toEqual([]);
});

test('a call hung up unanswered is missed in the call log, and its callback dials the right string', async ({
  page,
  host,
}) => {
  const problems = await openApp(page, host.url);
  const callId = await host.incoming('+49 211 5551111');
  await expect(popupFor(page, callId).getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
  await host.hangup(callId);
  await expect(popupFor(page, callId)).toHaveAttribute('data-state', 'missed');
  const row = page
    .getByRole('region', { name: 'Call log' })
    .getByRole('row')
    .filter({ hasText: 'Anna Becker' });
  await expect(row).toContainText('Missed');
  await row.getByRole('button', { name: 'Call back' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Calling Anna Becker' })).toBeVisible();
  await expect
    .poll(() => host.dialled())
    .toEqual([expect.objectContaining({ number: '+492115551111', dialable: '05551111' })]);
  expect(problems).toEqual([]);
});

test('a contact whose name is HTML is shown as text and runs nothing', async ({ page, host }) => {
  const problems = await openApp(page, host.url);
  const callId = await host.incoming('0211 5556666');
  const popup = popupFor(page, callId);
  const heading = popup.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText('<img src=x onerror=alert(1)>');
  await expect(popup).toContainText('<script>alert(2)</script>');
  await expect(popup).toContainText('"><svg onload=alert(3)>@x.example');
  await expect(popup.locator('img, script, svg')).toHaveCount(0);
  await host.hangup(callId);
  await expect(page.getByRole('region', { name: 'Call log' })).toContainText('<img src=x onerror=alert(1)>');
  await imagesSettled(page);
  expect(problems).toEqual([]);
});
