/**
 * Errors in the UI's language (issue 10 §2): the agent types a number with letters into the Dial
 * box; the host refuses it with a code and its params (contract/error-info.ts) and the window
 * says why in German or English. Nothing is dialled until a real number is typed.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture.js';
import { expectGermanOnly } from './screen-checks.js';

async function dial(page: Page, label: string, button: string, number: string): Promise<void> {
  await page.getByLabel(label).fill(number);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test('in English the refusal names the letter and its place; a real number then dials', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
  await dial(page, 'Number to dial', 'Dial', '0211 555 CALL');
  await expect(page.getByRole('alert')).toContainText(
    '"C" at position 10 is not allowed in a phone number: use digits only.',
  );
  // Ordered positive check: the next dial is the first and only one the line got.
  await dial(page, 'Number to dial', 'Dial', '0211 5551111');
  await expect.poll(() => host.dialled()).toEqual([expect.objectContaining({ number: '+492115551111' })]);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the refusals are German sentences, with no English left on the screen', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
    await dial(page, 'Rufnummer wählen', 'Wählen', '0211 555 CALL');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      '"C" an Stelle 10 ist in einer Rufnummer nicht erlaubt: nur Ziffern verwenden.',
    );
    await expectGermanOnly(page, 'a refused dial');

    await dial(page, 'Rufnummer wählen', 'Wählen', '0211 +555');
    await expect(alert).toContainText('„+“ an Stelle 6: erlaubt ist nur ein „+“, am Anfang der Rufnummer.');
    await dial(page, 'Rufnummer wählen', 'Wählen', '-- / --');
    await expect(alert).toContainText('Die Rufnummer enthält keine Ziffern.');
    await expectGermanOnly(page, 'a number without digits');

    await dial(page, 'Rufnummer wählen', 'Wählen', '0211 5551111');
    await expect.poll(() => host.dialled()).toEqual([expect.objectContaining({ number: '+492115551111' })]);
  });
});
