/**
 * The settings window in a browser: invalid input is shown next to its field and never saved;
 * the dialing-rules preview works on unsaved rules; a blocked caller is logged, never popped up;
 * the whole window speaks German to a German browser.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Page } from '@playwright/test';
import { requireChromium } from './require-chromium.js';
import { admit, spawnHost, type HostProcess } from './spawn-host.js';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

/** A host on a copy of the e2e settings (simulator line 12, the e2e address book). */
const test = base.extend<{ host: HostProcess & { config: string } }>({
  host: async ({ context }, use) => {
    requireChromium();
    const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-settings-'));
    copyFileSync(path.join(fixtures, 'config.json'), path.join(home, 'config.json'));
    copyFileSync(path.join(fixtures, 'contacts.csv'), path.join(home, 'contacts.csv'));
    const host = await spawnHost({ home });
    await admit(context, host);
    await use({ ...host, config: path.join(home, 'config.json') });
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  },
});

async function openSettings(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#settings`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

test('invalid input is shown next to its field and never saved', async ({ page, host }) => {
  const before = readFileSync(host.config, 'utf8');
  await openSettings(page, host.url);
  await page.locator('#line-provider').selectOption('ami');
  await page.getByLabel('Port').fill('99999');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.locator('#f-line-host-problems')).toContainText('must be a host name');
  await expect(page.getByLabel('Host')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-line-port-problems')).toContainText('65535');
  await expect(page.locator('#f-line-username-problems')).toContainText('must be a manager.conf user name');
  await expect(page.getByRole('tab', { name: /Line/ })).toHaveAttribute('data-invalid', 'true');
  await expect(page.getByText('Not saved yet: fix what is marked first.')).toBeVisible();
  expect(readFileSync(host.config, 'utf8')).toBe(before);

  // Fixing a field clears its problem; Revert brings back what is saved.
  await page.getByLabel('Host').fill('pbx.example.com');
  await expect(page.locator('#f-line-host-problems')).toHaveCount(0);
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(page.locator('#line-provider')).toHaveValue('simulator');
  await expect(page.getByLabel('Your line (extension)')).toHaveValue('12');
});

test('the dialing-rules preview follows unsaved rules', async ({ page, host }) => {
  const before = readFileSync(host.config, 'utf8');
  await openSettings(page, host.url);
  await page.getByRole('tab', { name: 'Dialing rules' }).click();
  await page.getByLabel('Try a number').fill('5551234');
  await expect(page.getByTestId('preview-e164')).toHaveText('+492115551234');
  await expect(page.getByTestId('preview-dialable')).toHaveText('05551234');
  await page.getByLabel('Area code').fill('30');
  await expect(page.getByTestId('preview-e164')).toHaveText('+49305551234');
  await page.getByLabel('Outside line prefix').fill('');
  await expect(page.getByTestId('preview-dialable')).toHaveText('5551234');
  // Extensions that reach the emergency numbers are said beside their field, and go when they no longer do.
  const warnings = page.locator('#f-dialingRules-extensionMaxLength-warnings li');
  await page.getByLabel('Longest extension').fill('3');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.first()).toHaveText(
    'Extensions this long include 110 and 112, emergency numbers here: they always call the emergency services, never a colleague.',
  );
  await expect(page.getByLabel('Longest extension')).toHaveAccessibleDescription(/include 110 and 112/);
  await page.getByLabel('Try a number').fill('112');
  await expect(page.getByTestId('preview-kind')).toHaveText('emergency or service number');
  await expect(page.getByTestId('preview-dialable')).toHaveText('112');
  await page.getByLabel('Longest extension').fill('2');
  await expect(page.getByTestId('preview-kind')).toHaveText('emergency or service number');
  await expect(warnings).toHaveCount(0);
  await page.getByLabel('Try a number').fill('+1 206 555 0100');
  await expect(page.getByTestId('preview-kind')).toHaveText('international');
  await expect(page.getByTestId('preview-dialable')).toHaveText('0012065550100');
  // The country by name: the United States make the same number a national one.
  await page.getByLabel('Country', { exact: true }).fill('United States (+1)');
  await expect(page.getByTestId('preview-kind')).toHaveText('national');
  expect(readFileSync(host.config, 'utf8')).toBe(before);
});

test('a blocked caller is logged as blocked and never popped up', async ({ page, host }) => {
  await openSettings(page, host.url);
  await page.getByRole('tab', { name: 'Calls' }).click();
  await page.getByLabel('Number to block').fill('0211 5559999');
  await page.getByLabel('Note').fill('robocaller');
  await page.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(page.locator('.blocklist-entries')).toContainText('0211 5559999 · robocaller');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved. Ringdesk now works with these settings.')).toBeVisible();
  expect(JSON.parse(readFileSync(host.config, 'utf8'))).toMatchObject({
    blocklist: [{ number: '0211 5559999', note: 'robocaller' }],
  });

  await page.goto(host.url);
  await expect(page.locator('.line-state')).toContainText('connected');
  const blocked = await page.request.post(`${host.url}api/sim/incoming`, {
    data: { from: '+49 211 5559999' },
  });
  expect(blocked.ok()).toBe(true);
  await expect(page.locator('.call-log tbody tr').first()).toContainText('Blocked');
  await expect(page.locator('section.popup')).toHaveCount(0);
});

test('the language chosen in the settings applies at once', async ({ page, host }) => {
  await openSettings(page, host.url);
  await page.getByRole('tab', { name: 'App' }).click();
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible();
  await page.goto(host.url);
  await expect(page.locator('.line-state')).toContainText('verbunden');
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the settings speak German', async ({ page, host }) => {
    await page.goto(`${host.url}#settings`);
    await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Wählregeln' })).toBeVisible();
    await page.getByRole('button', { name: 'Leitung testen' }).click();
    await expect(page.getByText('Die Leitung funktioniert.')).toBeVisible();
    await page.getByRole('tab', { name: 'Wählregeln' }).click();
    await expect(page.getByLabel('Land', { exact: true })).toHaveValue('Deutschland (+49)');
  });
});

test('in a browser, "Choose a file…" lists the address books of the folder typed, and a pick fills the field', async ({
  page,
  host,
}) => {
  const folder = path.dirname(host.config);
  copyFileSync(path.join(fixtures, 'contacts.csv'), path.join(folder, 'other book.csv'));
  await openSettings(page, host.url);
  await page.getByRole('tab', { name: 'Directories' }).click();
  const card = page.locator('fieldset.directory-card').nth(0);
  await card.getByLabel('File').fill(folder);
  await card.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(card.getByText(`Address books in ${folder}`)).toBeVisible();
  // The CSV files only (the settings file is JSON), by name.
  await expect(card.locator('.file-choice')).toHaveText(['contacts.csv', 'other book.csv']);
  await card.getByRole('button', { name: 'other book.csv' }).click();
  await expect(card.getByLabel('File')).toHaveValue(path.join(folder, 'other book.csv'));
  await expect(card.locator('.file-choice')).toHaveCount(0);

  await card.getByLabel('File').fill(path.join(folder, 'no such folder', 'x.csv'));
  await card.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(
    card.getByText(`Cannot look there: there is no folder ${path.join(folder, 'no such folder')}`),
  ).toBeVisible();
});
