/**
 * The popup's keyboard shortcuts: O or Enter opens the contact, N makes a new contact, 1–9 picks
 * in the chooser, Esc closes; only the popup that has the focus acts, and typing elsewhere on
 * the page is never taken.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture.js';

async function openApp(page: Page, url: string): Promise<void> {
  await page
    .context()
    .route('https://helpdesk.example.com/**', (route) =>
      route.fulfill({ body: 'helpdesk', contentType: 'text/plain' }),
    );
  await page.goto(url);
  await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
}

const popupFor = (page: Page, callId: string) => page.locator(`section.popup[data-call-id="${callId}"]`);

test('the keys are shown on the buttons and open the contact or a new contact', async ({ page, host }) => {
  await openApp(page, host.url);
  const callId = await host.incoming('0211 5551111');
  const popup = popupFor(page, callId);
  const open = popup.getByRole('button', { name: 'Open contact' });
  await expect(open).toHaveAttribute('aria-keyshortcuts', 'O Enter');
  await expect(open.locator('kbd')).toHaveText('O');
  // A known caller is no new contact: only an unknown caller gets that button.
  await expect(popup.getByRole('button', { name: 'New contact' })).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Close' })).toHaveAttribute('aria-keyshortcuts', 'Escape');

  await popup.getByRole('heading', { name: 'Anna Becker' }).click();
  await expect(popup).toBeFocused();
  let opened = page.waitForEvent('popup');
  await page.keyboard.press('o');
  expect((await opened).url()).toBe('https://helpdesk.example.com/#user/profile/anna');
  await popup.focus();
  opened = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  expect((await opened).url()).toBe('https://helpdesk.example.com/#user/profile/anna');
  const unknown = popupFor(page, await host.incoming('+44 20 7946 0958'));
  await expect(unknown.getByRole('button', { name: 'New contact' })).toHaveAttribute(
    'aria-keyshortcuts',
    'N',
  );
  await unknown.focus();
  opened = page.waitForEvent('popup');
  await page.keyboard.press('Shift+N');
  expect((await opened).url()).toBe('https://helpdesk.example.com/#user/new?phone=%2B442079460958');
});

test('digits pick in the chooser, Esc closes only the focused popup', async ({ page, host }) => {
  await openApp(page, host.url);
  const first = await host.incoming('0211 5551111');
  const shared = await host.incoming('+49 211 5550100');
  const chooser = popupFor(page, shared);
  const second = chooser.locator('[data-contact-index="1"]');
  await expect(second).toHaveAttribute('aria-keyshortcuts', '2');
  const secondName = (await second.locator('.rd-name').textContent()) ?? '';
  await chooser.locator('.rd-hint').click();
  await page.keyboard.press('9');
  await expect(chooser.locator('[data-contact-index]')).toHaveCount(2);
  await page.keyboard.press('2');
  await expect(chooser.getByRole('heading', { name: secondName })).toBeVisible();
  await expect(chooser.locator('[data-contact-index]')).toHaveCount(0);

  await chooser.focus();
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(popupFor(page, first)).toBeVisible();
});

test('keys do nothing unless a popup has the focus', async ({ page, host }) => {
  await openApp(page, host.url);
  const callId = await host.incoming('0211 5551111');
  await expect(popupFor(page, callId).getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
  let windows = 0;
  page.on('popup', () => windows++);
  const search = page.getByRole('searchbox', { name: 'Search calls' });
  await search.click();
  await page.keyboard.type('no1');
  await expect(search).toHaveValue('no1');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('o');
  await page.keyboard.press('Escape');
  await expect(popupFor(page, callId)).toBeVisible();
  // Ordered check: once the popup has the focus the same key opens one window, the first of all.
  await popupFor(page, callId).focus();
  const opened = page.waitForEvent('popup');
  await page.keyboard.press('o');
  await opened;
  expect(windows).toBe(1);
});
