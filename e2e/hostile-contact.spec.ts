/**
 * Contacts as a hostile or careless directory may send them: a 350-character name without a
 * space, an Arabic name and a Hebrew company mixed with digits, a name with a right-to-left
 * override character, and HTML. The popup (and the dial confirmation) must stay within its
 * width, show every name as text, keep the number in its order, and run nothing.
 */
import type { Locator, Page } from '@playwright/test';
import { imagesSettled } from './settled.js';
import { expect, test } from './host-fixture.js';

const LONG_NAME = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(10);

/** Opens the app at a narrow width; fails the test on any page error or dialog. */
async function openApp(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.setViewportSize({ width: 480, height: 900 });
  await page.goto(url);
  await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
  return problems;
}

const popupFor = (page: Page, callId: string) => page.locator(`section.popup[data-call-id="${callId}"]`);

/** Nothing inside `box` sticks out of it, and nothing scrolls sideways. */
async function expectContained(box: Locator): Promise<void> {
  const overflow = await box.evaluate((element) => {
    const outer = element.getBoundingClientRect();
    const sticking = [...element.querySelectorAll('*')]
      .map((child) => ({ child, rect: child.getBoundingClientRect() }))
      .filter(
        ({ rect }) => rect.width > 0 && (rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5),
      )
      .map(({ child }) => child.tagName + '.' + child.className);
    return {
      sticking,
      sideways: element.scrollWidth - element.clientWidth,
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  expect(overflow).toEqual({ sticking: [], sideways: 0, page: 0 });
}

/** The number reads left to right: its first digit is left of its last. */
async function expectLeftToRight(number: Locator): Promise<void> {
  const order = await number.evaluate((element) => {
    const text = element.firstChild;
    if (text === null || text.textContent === null) return null;
    const at = (index: number) => {
      const range = document.createRange();
      range.setStart(text, index);
      range.setEnd(text, index + 1);
      return range.getBoundingClientRect().left;
    };
    return at(0) < at(text.textContent.length - 1);
  });
  expect(order).toBe(true);
}

test('a 350-character name wraps inside the popup and the confirmation', async ({ page, host }) => {
  const problems = await openApp(page, host.url);
  const callId = await host.incoming('0211 5557001');
  const popup = popupFor(page, callId);
  await expect(popup.getByRole('heading', { level: 2 })).toHaveText(LONG_NAME);
  await expectContained(popup);
  await host.hangup(callId);
  await expect(popup).toHaveAttribute('data-state', 'missed');
  await expectContained(popup);
  await expect(page.getByRole('region', { name: 'Call log' })).toContainText(LONG_NAME);
  await expectContained(page.getByRole('region', { name: 'Call log' }));

  const { confirmationId } = await host.command('dialLink', { uri: 'tel:0211-5557001' });
  const card = page.locator(`section.confirm[data-confirmation-id="${String(confirmationId)}"]`);
  await expect(card).toContainText(LONG_NAME);
  await expectContained(card);
  expect(problems).toEqual([]);
});

test('right-to-left names keep the number readable, and an override character cannot turn it', async ({
  page,
  host,
}) => {
  const problems = await openApp(page, host.url);
  const arabic = await host.incoming('0211 5557002');
  const popup = popupFor(page, arabic);
  await expect(popup.getByRole('heading', { level: 2 })).toHaveText('محمد العلي 3');
  await expect(popup.locator('.rd-company')).toHaveText('חברת טלפון 2000');
  await expect(popup.getByRole('heading', { level: 2 })).toHaveCSS('direction', 'ltr');
  await expect(popup.getByRole('heading', { level: 2 })).toHaveCSS('unicode-bidi', 'plaintext');
  const number = popup.locator('.rd-display');
  await expect(number).toHaveText('0211 5557002');
  await expect(number).toHaveCSS('unicode-bidi', 'isolate');
  await expectLeftToRight(number);
  await expectContained(popup);

  // Two contacts share this number: the chooser lists a name holding U+202E (right-to-left
  // override) in the same line as its company and directory, which must not be turned.
  const override = await host.incoming('0211 5557003');
  const chooser = popupFor(page, override);
  const turned = chooser.locator('[data-contact-index]').filter({ hasText: 'redro' });
  await expect(turned.locator('.rd-company')).toHaveText('Bidi GmbH');
  await expectLeftToRight(turned.locator('.rd-company'));
  await expectLeftToRight(turned.locator('.rd-source'));
  await expectLeftToRight(chooser.locator('.rd-display'));
  await expectContained(chooser);

  const { confirmationId } = await host.command('dialLink', { uri: 'tel:0211-5557002' });
  const card = page.locator(`section.confirm[data-confirmation-id="${String(confirmationId)}"]`);
  await expect(card.locator('.confirm-name')).toHaveText('محمد العلي 3');
  await expectLeftToRight(card.locator('.confirm-number dd').first());
  await expectLeftToRight(card.locator('.confirm-dialable'));
  await expect(card.locator('.confirm-dialable')).toHaveText('05557002');
  expect(problems).toEqual([]);
});

test('an HTML name is text in the popup, the confirmation and the call log, and runs nothing', async ({
  page,
  host,
}) => {
  const problems = await openApp(page, host.url);
  const callId = await host.incoming('0211 5556666');
  const popup = popupFor(page, callId);
  await expect(popup.getByRole('heading', { level: 2 })).toHaveText('<img src=x onerror=alert(1)>');
  const { confirmationId } = await host.command('dialLink', { uri: 'tel:0211-5556666' });
  const card = page.locator(`section.confirm[data-confirmation-id="${String(confirmationId)}"]`);
  await expect(card.locator('.confirm-name')).toHaveText('<img src=x onerror=alert(1)>');
  await expect(card.locator('.confirm-company')).toHaveText('<script>alert(2)</script>');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await host.hangup(callId);
  await expect(page.getByRole('region', { name: 'Call log' })).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main img, main script, main svg')).toHaveCount(0);
  await imagesSettled(page);
  expect(problems).toEqual([]);
});
