/**
 * The first-run wizard from an empty profile to a working line and directories (the simulator,
 * a CSV address book and a real OpenLDAP slapd), and the settings surviving a restart.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { peopleLdif, PEOPLE_DN } from '../electron/test-support/ldap-people.js';
import {
  LDAP_READER_DN,
  LDAP_READER_PASSWORD,
  slapdMissing,
  startSlapd,
  type Slapd,
} from '../electron/test-support/ldap-server.js';
import { requireChromium } from './require-chromium.js';
import { admit, spawnHost, type HostProcess } from './spawn-host.js';

const BOOK = [
  'First Name,Last Name,Company,Business Phone',
  'Anna,Becker,ACME Maschinenbau,+49 211 5551111',
  'Jonas,Weber,Weber GmbH,0211 5552222',
  'Lea,Klein,Klein KG,0172 5553333',
].join('\n');

let slapd: Slapd | null = null;
let folders: string[] = [];

test.beforeAll(async () => {
  const missing = slapdMissing();
  if (missing !== null) {
    if (process.env.CI === 'true') throw new Error(`the wizard test needs slapd: ${missing}`);
    process.stderr.write(`\n!!! The wizard test runs without its LDAP part: ${missing}\n\n`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-ldap-'));
  folders.push(dir);
  slapd = await startSlapd({ dir, ldif: peopleLdif(40).ldif });
});

test.afterAll(async () => {
  await slapd?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

async function incoming(page: Page, url: string, from: string): Promise<string> {
  const response = await page.request.post(`${url}api/sim/incoming`, { data: { from } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { callId: string }).callId;
}

// An English browser in Germany: the country comes from the browser's region.
test.use({ locale: 'en-DE' });

test('the wizard sets up a line and directories from an empty profile, and they survive a restart', async ({
  page,
}) => {
  requireChromium();
  // Six steps, a real slapd and two host starts: close to 30 s on the shared 2-core machine.
  test.setTimeout(90_000);
  const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-wizard-'));
  folders.push(home);
  writeFileSync(path.join(home, 'book.csv'), BOOK);
  const config = path.join(home, 'config.json');
  const env = { LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' };
  let host: HostProcess = await spawnHost({ home, env });
  try {
    // The address `ringdesk serve` printed: the key becomes a cookie and leaves the URL.
    await page.goto(host.open);
    await expect(page).toHaveURL(/#wizard$/);
    expect(page.url()).not.toContain('key=');
    await expect(page.getByRole('heading', { name: 'Set up Ringdesk' })).toBeVisible();

    // 1. The line: the simulator, tested, and line 12 picked from the list it reports.
    await expect(page.locator('#line-provider')).toHaveValue('simulator');
    await page.getByRole('button', { name: 'Test the line' }).click();
    await expect(page.getByText('The line works.')).toBeVisible();
    await page.getByRole('radio', { name: /Simulated desk phone 12/ }).check();
    await expect(page.getByLabel('Your line (extension)')).toHaveValue('12');
    await page.getByRole('button', { name: 'Next' }).click();

    // 2. Directories: the CSV book, and the company LDAP when slapd is here.
    await page.locator('#directory-preset').selectOption('csv');
    await page.getByRole('button', { name: 'Add directory' }).click();
    const book = page.locator('fieldset.directory-card').nth(0);
    await book.getByLabel('File').fill('book.csv');
    await book.getByLabel('Name shown in the popup').fill('Team book');
    await book.getByRole('button', { name: 'Test' }).click();
    await expect(book.getByText('The directory works.')).toBeVisible();
    await expect(book).toContainText('3 contacts');
    if (slapd !== null) {
      await page.locator('#directory-preset').selectOption('openldap');
      await page.getByRole('button', { name: 'Add directory' }).click();
      const ldap = page.locator('fieldset.directory-card').nth(1);
      await ldap.getByLabel('Name shown in the popup').fill('Staff');
      await ldap.getByLabel('Server URL').fill(slapd.url);
      await ldap.getByLabel('Bind as (DN or user@domain)').fill(LDAP_READER_DN);
      await ldap.getByLabel('Password').fill(LDAP_READER_PASSWORD);
      await ldap.getByLabel('Search base (DN)').fill(PEOPLE_DN);
      await ldap.getByRole('button', { name: 'Test' }).click();
      await expect(ldap.getByText('The directory works.')).toBeVisible();
      await expect(ldap).toContainText('40 contacts');
    }
    await page.getByRole('button', { name: 'Next' }).click();

    // 3. Actions: none for this profile.
    await expect(page.getByRole('heading', { name: 'Helpdesk actions' })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();

    // 4. Dialing rules: the country comes from the browser; the preview follows every keystroke.
    await expect(page.getByLabel('Country', { exact: true })).toHaveValue('Germany (+49)');
    await page.getByLabel('Area code').fill('211');
    await page.getByLabel('Company number').fill('339903');
    await page.getByLabel('Longest extension').fill('3');
    await page.getByLabel('Outside line prefix').fill('0');
    await page.getByLabel('Try a number').fill('0211 5551234');
    await expect(page.getByTestId('preview-e164')).toHaveText('+492115551234');
    await expect(page.getByTestId('preview-kind')).toHaveText('local');
    await expect(page.getByTestId('preview-dialable')).toHaveText('05551234');
    await page.getByLabel('Try a number').fill('12');
    await expect(page.getByTestId('preview-e164')).toHaveText('+4921133990312');
    await expect(page.getByTestId('preview-dialable')).toHaveText('12');
    await page.getByLabel('Try a number').fill('0211 555x');
    await expect(page.getByTestId('preview-error')).toContainText('x');
    await page.getByRole('button', { name: 'Next' }).click();

    // 5. The popup template, previewed against a sample caller.
    await page.locator('#popup-template').selectOption('contact-compact');
    await expect(page.getByTestId('popup-preview').locator('.rd-contact-compact')).toContainText(
      'Anna Becker',
    );
    await page.getByRole('button', { name: 'Finish' }).click();

    // 6. Done: links, and what the user must still do.
    await expect(page.getByRole('heading', { name: 'Ringdesk is ready' })).toBeVisible();
    // The host registers its link opener with xdg-mime, in the profile's own XDG folders.
    await page.getByRole('button', { name: 'Handle phone links' }).click();
    // xdg-mime and gio run one process per scheme: seconds on a busy machine.
    await expect(page.getByText('Ringdesk now handles: tel, callto, phone.')).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(/your browser asks whether to open Ringdesk/)).toBeVisible();
    expect(readFileSync(path.join(home, 'desktop', 'config', 'mimeapps.list'), 'utf8')).toContain(
      'x-scheme-handler/tel=ringdesk-link.desktop',
    );
    await page.getByRole('button', { name: 'Start working' }).click();
    await expect(page.locator('.line-state')).toContainText('Line 12 · Simulator · connected');

    // The line and the directories work: callers from the book and from LDAP pop up.
    const fromBook = await incoming(page, host.url, '0211 5552222');
    const bookPopup = page.locator(`section.popup[data-call-id="${fromBook}"]`);
    await expect(bookPopup.locator('.rd-contact-compact')).toContainText('Jonas Weber');
    if (slapd !== null) {
      const fromLdap = await incoming(page, host.url, '+49 211 5000007');
      await expect(page.locator(`section.popup[data-call-id="${fromLdap}"]`)).toContainText('Given7 Family7');
    }

    // Secrets never sit in the settings file in clear text.
    const saved = readFileSync(config, 'utf8');
    expect(saved).not.toContain(LDAP_READER_PASSWORD);
    if (slapd !== null)
      expect(JSON.parse(saved)).toMatchObject({
        directories: [{}, { bindPassword: { stored: expect.any(String) } }],
      });

    // A restart keeps everything, the stored password included.
    await host.stop();
    host = await spawnHost({ home, env });
    // Same profile, same key; the new port is a new cookie name (as a browser gets it from the address).
    await admit(page.context(), host);
    await page.goto(`${host.url}#settings`);
    await expect(page.getByLabel('Your line (extension)')).toHaveValue('12');
    await page.getByRole('tab', { name: 'Directories' }).click();
    await expect(page.locator('fieldset.directory-card').nth(0).getByLabel('File')).toHaveValue('book.csv');
    if (slapd !== null) {
      const ldap = page.locator('fieldset.directory-card').nth(1);
      await expect(ldap.getByLabel('Password')).toHaveAttribute('placeholder', 'Saved. Type to replace it.');
      await page.goto(host.url);
      const again = await incoming(page, host.url, '0211 5000007');
      await expect(page.locator(`section.popup[data-call-id="${again}"]`)).toContainText('Given7 Family7');
    }
  } finally {
    await host.stop();
  }
});
