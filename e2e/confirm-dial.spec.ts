/**
 * Confirm before dialling (settings `links.confirm`, on by default): a clicked phone link shows
 * who it calls and the exact string the line will dial, and nothing is dialled until the agent
 * says yes. A callback from the call log dials at once (`links.confirmCallbacks` is off).
 */
import type { Page } from '@playwright/test';
import { expect, test, type Host } from './host-fixture.js';

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
}

/** What a link dial answers: nothing dialled yet, the confirmation's id. */
async function clickLink(host: Host, uri: string): Promise<string> {
  const result = await host.command('dialLink', { uri });
  expect(result).toMatchObject({ callId: null });
  expect(typeof result.confirmationId).toBe('string');
  return result.confirmationId as string;
}

const cardOf = (page: Page, id: string) => page.locator(`section.confirm[data-confirmation-id="${id}"]`);

/** Dial is armed half a second after the question appears; until then nothing is a yes. */
async function armed(page: Page, id: string): Promise<void> {
  await expect(cardOf(page, id).getByRole('button', { name: 'Dial', exact: true })).toHaveAttribute(
    'aria-disabled',
    'false',
  );
}

test('a clicked link shows the contact and the exact dialable string, and dials it on "Dial"', async ({
  page,
  host,
}) => {
  await openApp(page, host.url);
  const id = await clickLink(host, 'tel:+49-211-555-1111');
  const card = cardOf(page, id);
  await expect(card.getByRole('heading', { name: 'Call Anna Becker?' })).toBeVisible();
  await expect(card).toContainText('ACME Maschinenbau');
  await expect(card).toContainText('0211 5551111');
  await expect(card.locator('.confirm-dialable')).toHaveText('05551111');
  await expect(card).toContainText('tel:+49-211-555-1111');
  expect(await host.dialled()).toEqual([]);

  await armed(page, id);
  await card.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect
    .poll(() => host.dialled())
    .toEqual([expect.objectContaining({ number: '+492115551111', dialable: '05551111' })]);
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Dialling 0211 5551111' })).toBeVisible();
});

test('Cancel dials nothing; the keyboard works: Esc cancels, Enter dials', async ({ page, host }) => {
  await openApp(page, host.url);
  const cancelled = await clickLink(host, 'tel:0211-5551111');
  await cardOf(page, cancelled).getByRole('button', { name: 'Cancel' }).click();
  await expect(cardOf(page, cancelled)).toHaveCount(0);

  const escaped = await clickLink(host, 'tel:+44-20-7946-0958');
  await expect(cardOf(page, escaped).getByRole('button', { name: 'Dial', exact: true })).toBeFocused();
  await expect(cardOf(page, escaped)).toContainText('No contact has this number.');
  await page.keyboard.press('Escape');
  await expect(cardOf(page, escaped)).toHaveCount(0);

  // Ordered check: dials are recorded in order, so the one dial below is the only one of all three.
  const entered = await clickLink(host, 'tel:+49-211-339903;ext=12');
  await expect(cardOf(page, entered).locator('.confirm-dialable')).toHaveText('12');
  await armed(page, entered);
  await page.keyboard.press('Enter');
  await expect.poll(() => host.dialled()).toEqual([expect.objectContaining({ dialable: '12' })]);
});

test('links clicked while no page was open wait for it, several at once, each answered on its own', async ({
  page,
  host,
}) => {
  const first = await clickLink(host, 'tel:0211-5551111');
  const second = await clickLink(host, 'tel:+44-20-7946-0958');
  await openApp(page, host.url);
  const region = page.getByRole('region', { name: 'Calls waiting for your confirmation' });
  await expect(region.locator('section.confirm')).toHaveCount(2);
  await armed(page, second);
  await cardOf(page, second).getByRole('button', { name: 'Dial', exact: true }).click();
  await expect.poll(() => host.dialled()).toEqual([expect.objectContaining({ dialable: '000442079460958' })]);
  await expect(cardOf(page, first)).toBeVisible();
  await expect(cardOf(page, first).locator('.confirm-dialable')).toHaveText('05551111');
});

test('a callback from the call log dials at once, without asking', async ({ page, host }) => {
  await openApp(page, host.url);
  const callId = await host.incoming('0211 5551111');
  await host.hangup(callId);
  const row = page
    .getByRole('region', { name: 'Call log' })
    .getByRole('row')
    .filter({ hasText: 'Anna Becker' });
  await row.getByRole('button', { name: 'Call back' }).click();
  await expect
    .poll(() => host.dialled())
    .toEqual([expect.objectContaining({ number: '+492115551111', dialable: '05551111' })]);
  await expect(page.locator('section.confirm')).toHaveCount(0);
});

test('a link that is no phone number is refused before anything is asked', async ({ page, host }) => {
  await openApp(page, host.url);
  const response = await page.request.post(`${host.url}api/command/dialLink`, {
    data: { uri: 'tel:0211 CALL NOW' },
  });
  expect(response.status()).toBe(422);
  // The English message for scripts, and the engine's reason as a code the windows word in their language.
  expect(await response.json()).toEqual({
    error: expect.stringMatching(/^refused link: /) as unknown,
    code: 'number.invalid-character',
    // Counted in the link as the page wrote it: "tel:0211 " comes first.
    params: { char: '"C"', position: 10 },
  });
  // Ordered check: the next good link's question is the only one asked.
  const id = await clickLink(host, 'tel:0211-5551111');
  await expect(cardOf(page, id)).toBeVisible();
  await expect(page.locator('section.confirm')).toHaveCount(1);
});

test('a link arriving while the agent types does not take the focus: Enter is not a yes', async ({
  page,
  host,
}) => {
  await openApp(page, host.url);
  const search = page.getByRole('searchbox', { name: 'Search calls' });
  await search.fill('Anna');
  const id = await clickLink(host, 'tel:0211-5551111');
  await expect(cardOf(page, id)).toBeVisible();
  await armed(page, id);
  await expect(search).toBeFocused();
  await page.keyboard.press('Enter');
  // Ordered check: the question still waits for its own Dial, which dials exactly once (had Enter
  // been a yes, the question would be gone and this click would find nothing to press).
  await expect(search).toHaveValue('Anna');
  await cardOf(page, id).getByRole('button', { name: 'Dial', exact: true }).click();
  await expect.poll(() => host.dialled()).toEqual([expect.objectContaining({ dialable: '05551111' })]);
});

test('a key pressed the moment the question appears is not a yes', async ({ page, host }) => {
  // The page's clock stands still, so "the moment it appears" is exact, however slow the machine.
  await page.clock.install();
  await openApp(page, host.url);
  await page.clock.pauseAt(Date.now() + 60_000);
  const id = await clickLink(host, 'tel:0211-5551111');
  const dial = cardOf(page, id).getByRole('button', { name: 'Dial', exact: true });
  await expect(dial).toBeFocused();
  await expect(dial).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await dial.dispatchEvent('click'); // Playwright's click would wait for the button to be armed
  // Ordered check: the question is still there to be armed, and the one dial below is the only one.
  await page.clock.runFor(600);
  await armed(page, id);
  await page.keyboard.press('Enter');
  await expect.poll(() => host.dialled()).toEqual([expect.objectContaining({ dialable: '05551111' })]);
});
