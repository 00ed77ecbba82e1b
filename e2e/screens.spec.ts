/**
 * Every screen, in English and German, light and dark: the main view with each kind of popup
 * (known caller, chooser, unknown caller, colleague, missed), the dial confirmation, the call log
 * with its menu and note, every settings tab, every wizard step from an empty profile, and the
 * demo's read-only settings. Each passes axe-core with no rule disabled, reflows at 320 px, and
 * in German has no English word left and no word broken at 1,000 px. With
 * RINGDESK_SCREENSHOTS=docs the main screens are saved into docs/ (the README's pictures).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { isolatedDesktopEnv } from '../electron/test-support/isolated-desktop.js';
import { startServe } from '../electron/test-support/serve-process.js';
import { requireChromium } from './require-chromium.js';
import { expectAxeClean, expectGermanOnly, expectNoBrokenWords, expectReflow } from './screen-checks.js';
import { admit, spawnHost, type HostProcess } from './spawn-host.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = path.join(root, 'e2e', 'fixtures');
/** The test's own data: names and places a German screen may show as they are. */
const DATA = [
  'Anna Becker',
  'ACME Maschinenbau',
  'Hans Müller',
  'Petra Müller',
  'Müller Werkzeugbau',
  'E2E book',
  'contacts.csv',
  'Team book',
  'book.csv',
  'Sample',
];
const docs = process.env.RINGDESK_SCREENSHOTS === 'docs';

/**
 * A host on the e2e settings, or on an empty profile. In German the UI language is German: chosen
 * in the settings (`app.language`), or, on an empty profile, the computer's (the popups are
 * rendered by the host in that language).
 */
async function host(
  config: 'fixture' | 'empty',
  german: boolean,
  line?: object,
): Promise<HostProcess & { home: string }> {
  requireChromium();
  const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-screens-'));
  if (config === 'fixture') {
    const settings = JSON.parse(readFileSync(path.join(fixtures, 'config.json'), 'utf8')) as object;
    writeFileSync(
      path.join(home, 'config.json'),
      JSON.stringify({
        ...settings,
        ...(german ? { app: { language: 'de' } } : {}),
        ...(line === undefined ? {} : { line }),
      }),
    );
    copyFileSync(path.join(fixtures, 'contacts.csv'), path.join(home, 'contacts.csv'));
  }
  copyFileSync(path.join(fixtures, 'contacts.csv'), path.join(home, 'book.csv'));
  const process = await spawnHost({
    home,
    ...(config === 'fixture' ? { config: path.join(home, 'config.json') } : {}),
    env: {
      RINGDESK_E2E_AMI_SECRET: 's3cret',
      ...(german ? { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } : {}),
    },
  });
  return { ...process, home };
}

async function post(page: Page, url: string, body: object): Promise<Record<string, unknown>> {
  const response = await page.request.post(url, { data: body });
  expect(response.ok()).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/** The checks of one screen in the test's language. */
async function check(page: Page, screen: string, german: boolean): Promise<void> {
  await expectAxeClean(page, screen);
  await expectReflow(page, screen);
  if (german) {
    await expectGermanOnly(page, screen, DATA);
    await expectNoBrokenWords(page, screen);
  }
}

for (const language of ['en', 'de'] as const) {
  const german = language === 'de';
  test.describe(german ? 'in German' : 'in English', () => {
    test.use({ locale: german ? 'de-DE' : 'en-DE', viewport: { width: 1000, height: 800 } });
    // Many screens, each checked in full: minutes on a busy machine.
    test.setTimeout(300_000);

    test('the main screens, light and dark', async ({ page }) => {
      const server = await host('fixture', german);
      // The key as a browser gets it from the printed address (api-key.spec.ts opens that for real).
      await admit(page.context(), server);
      try {
        const call = async (from: string) =>
          (await post(page, `${server.url}api/sim/incoming`, { from })).callId as string;
        await page.goto(server.url);
        await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
        await check(page, 'main, empty', german);

        const anna = await call('0211 5551111');
        const popup = page.locator(`section.popup[data-call-id="${anna}"]`);
        await expect(popup.getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
        await check(page, 'popup of a known caller', german);

        await post(page, `${server.url}api/sim/hangup`, { callId: anna });
        await expect(popup).toHaveAttribute('data-state', 'missed');
        await check(page, 'missed call', german);

        const unknown = await call('+44 20 7946 0958');
        await expect(
          page.locator(`section.popup[data-call-id="${unknown}"] .rd-unknown-caller`),
        ).toBeVisible();
        await check(page, 'unknown caller', german);

        const colleague = await call('12');
        await expect(page.locator(`section.popup[data-call-id="${colleague}"] .rd-name`)).toHaveText(
          german ? 'Durchwahl 12' : 'Ext. 12',
        );
        const shared = await call('+49 211 5550100');
        const chooser = page.locator(`section.popup[data-call-id="${shared}"]`);
        await expect(chooser.locator('button[data-contact-index]')).toHaveCount(2);
        await check(page, 'chooser', german);
        if (docs && !german) {
          await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png'), fullPage: true });
          await page.emulateMedia({ colorScheme: 'dark' });
          await page.screenshot({ path: path.join(root, 'docs', 'screenshot-dark.png'), fullPage: true });
          await page.emulateMedia({ colorScheme: 'light' });
        }
        await page.emulateMedia({ colorScheme: 'dark' });
        await expectAxeClean(page, 'popups, dark');
        await page.emulateMedia({ colorScheme: 'light' });

        // After a pick the resolved popup has the focus, so its keys work at once.
        await chooser.locator('button[data-contact-index="1"]').click();
        await expect(chooser).toBeFocused();

        await post(page, `${server.url}api/command/dialLink`, { uri: 'tel:+49-211-5551111' });
        await expect(page.locator('section.confirm')).toBeVisible();
        await check(page, 'dial confirmation', german);
        await page
          .locator('section.confirm')
          .getByRole('button', { name: german ? 'Abbrechen' : 'Cancel' })
          .click();

        for (const id of [unknown, colleague, shared])
          await post(page, `${server.url}api/sim/hangup`, { callId: id });
        const log = page.locator('section.call-log');
        const row = log.locator('tr', { hasText: 'Anna Becker' });
        const more = row.getByRole('button', { name: german ? /^Mehr zum Anruf/ : /^More for the call/ });
        await more.click();
        await check(page, 'call log with its menu open', german);
        // The 320 px check showed cards: the table's menu opens again.
        await more.click();
        await row.getByRole('button', { name: german ? 'Notiz hinzufügen' : 'Add a note' }).click();
        await check(page, 'call log with a note being written', german);
        if (docs && !german) {
          await page.keyboard.press('Escape');
          for (const each of await page.locator('section.popup').all())
            await each.getByRole('button', { name: 'Close' }).click();
          await page.screenshot({ path: path.join(root, 'docs', 'call-log.png'), fullPage: true });
          await page.emulateMedia({ colorScheme: 'dark' });
          await page.screenshot({ path: path.join(root, 'docs', 'call-log-dark.png'), fullPage: true });
          await page.setViewportSize({ width: 360, height: 900 });
          await page.screenshot({
            path: path.join(root, 'docs', 'call-log-narrow-dark.png'),
            fullPage: true,
          });
          await page.emulateMedia({ colorScheme: 'light' });
          await page.screenshot({ path: path.join(root, 'docs', 'call-log-narrow.png'), fullPage: true });
          await page.setViewportSize({ width: 1000, height: 800 });
        }
        await page.emulateMedia({ colorScheme: 'dark' });
        await expectAxeClean(page, 'call log, dark');
        await page.emulateMedia({ colorScheme: 'light' });

        // Every settings tab, with the way back to the calls.
        await page.goto(`${server.url}#settings`);
        const tabs = page.getByRole('tab');
        await expect(tabs).toHaveCount(7);
        for (let index = 0; index < 7; index++) {
          await tabs.nth(index).click();
          const name = (await tabs.nth(index).textContent()) ?? String(index);
          await check(page, `settings tab ${name}`, german);
        }
        await page.emulateMedia({ colorScheme: 'dark' });
        await expectAxeClean(page, 'settings, dark');
        await page
          .getByRole('link', { name: german ? 'Zurück zu den Anrufen' : 'Back to the calls' })
          .click();
        await expect(page.locator('section.call-log')).toBeVisible();
      } finally {
        await server.stop();
        rmSync(server.home, { recursive: true, force: true });
      }
    });

    test('every wizard step, from an empty profile to working Zammad buttons', async ({ page, context }) => {
      const server = await host('empty', german);
      await admit(context, server);
      await context.route('https://zammad.example.com/**', (route) =>
        route.fulfill({ body: 'zammad', contentType: 'text/plain' }),
      );
      const next = () => page.getByRole('button', { name: german ? 'Weiter' : 'Next' }).click();
      try {
        await page.goto(server.url);
        await expect(page).toHaveURL(/#wizard$/);
        await check(page, 'wizard: line', german);
        await page.getByLabel(german ? 'Ihre Leitung (Nebenstelle)' : 'Your line (extension)').fill('12');
        await next();

        // A step is checked as it is left: a missing file is said in plain words beside its field.
        await page.locator('#directory-preset').selectOption('csv');
        await page.getByRole('button', { name: german ? 'Verzeichnis hinzufügen' : 'Add directory' }).click();
        const file = page.getByLabel(german ? 'Datei' : 'File', { exact: true });
        await file.fill('missing.csv');
        await next();
        await expect(page.locator('#f-directories-0--path-problems')).toContainText(
          german ? 'Die Adressbuch-Datei fehlt' : 'The address book file is missing',
        );
        await expect(file).toBeFocused();
        await check(page, 'wizard: directories, with a problem', german);
        await file.fill('book.csv');
        await next();

        // Actions: the Zammad preset from its address, tried with a sample contact.
        await page.getByLabel('Helpdesk', { exact: true }).selectOption('zammad');
        await page
          .getByLabel(german ? 'Adresse des Helpdesks' : 'Helpdesk address')
          .fill('https://zammad.example.com/');
        await page
          .getByRole('button', { name: german ? 'Adressen eintragen' : 'Fill in the addresses' })
          .click();
        await page
          .getByRole('button', {
            name: german ? 'Mit einem Beispielkontakt ausprobieren' : 'Try with a sample contact',
          })
          .first()
          .click();
        await expect(page.locator('.samples').first()).toContainText(
          'https://zammad.example.com/#user/profile/1042',
        );
        await page.locator('.placeholders summary').click();
        await check(page, 'wizard: actions', german);
        await next();

        await expect(page.getByLabel(german ? 'Land' : 'Country', { exact: true })).toHaveValue(
          german ? 'Deutschland (+49)' : 'Germany (+49)',
        );
        await page.getByLabel(german ? 'Ortsvorwahl' : 'Area code').fill('211');
        // Three-digit extensions reach 110, 112 and 115: said beside the field, in the UI's words.
        await page.getByLabel(german ? 'Firmennummer' : 'Company number').fill('339903');
        await page.getByLabel(german ? 'Längste Nebenstelle' : 'Longest extension').fill('3');
        await expect(page.locator('#f-dialingRules-extensionMaxLength-warnings li')).toHaveText([
          german
            ? /^Nebenstellen dieser Länge umfassen 110 und 112, hier Notrufnummern/
            : /^Extensions this long include 110 and 112, emergency numbers here/,
          german
            ? /^Nebenstellen dieser Länge umfassen 115, hier eine Servicenummer/
            : /^Extensions this long include 115, a service number here/,
        ]);
        await page.getByLabel(german ? 'Nummer ausprobieren' : 'Try a number').fill('112');
        await expect(page.getByTestId('preview-kind')).toHaveText(
          german ? 'Notruf- oder Servicenummer' : 'emergency or service number',
        );
        await check(page, 'wizard: dialing rules', german);
        await next();
        await expect(page.getByTestId('popup-preview')).toContainText('0211 5551234');
        await check(page, 'wizard: popup', german);
        await page.getByRole('button', { name: german ? 'Fertigstellen' : 'Finish' }).click();
        await expect(page.locator('.done-step')).toBeVisible();
        await check(page, 'wizard: done', german);
        await page.locator('.done-step button.primary').click();

        // The popup's buttons now open Zammad: no JSON was touched.
        const callId = (await post(page, `${server.url}api/sim/incoming`, { from: '0211 5551111' }))
          .callId as string;
        const popup = page.locator(`section.popup[data-call-id="${callId}"]`);
        const opened = page.waitForEvent('popup');
        await popup.getByRole('button', { name: german ? 'Kontakt öffnen' : 'Open contact' }).click();
        expect((await opened).url()).toBe('https://zammad.example.com/#user/profile/anna');
      } finally {
        await server.stop();
        rmSync(server.home, { recursive: true, force: true });
      }
    });

    test('the banner of a line that is down, and the question before saving', async ({ page }) => {
      // Asterisk on a loopback port where nothing listens: the real provider's connect is refused.
      const server = await host('fixture', german, {
        provider: 'ami',
        host: '127.0.0.1',
        port: 9,
        username: 'ringdesk',
        secret: { env: 'RINGDESK_E2E_AMI_SECRET' },
        line: '12',
      });
      await admit(page.context(), server);
      try {
        await page.goto(server.url);
        await expect(page.locator('.line-banner [role=status]')).toHaveText(
          german
            ? 'Anrufe werden nicht angezeigt: Asterisk unter 127.0.0.1:9 lehnt die Verbindung ab.'
            : 'Calls are not shown: Asterisk at 127.0.0.1:9 refuses the connection.',
        );
        await expect(page.locator('#dial-number')).toBeDisabled();
        await check(page, 'line down', german);
        await page.emulateMedia({ colorScheme: 'dark' });
        await expectAxeClean(page, 'line down, dark');
        await page.emulateMedia({ colorScheme: 'light' });

        await page.locator('.line-banner button.secondary').click();
        await page.locator('.test-block button').click();
        await expect(page.locator('.test-block .test-bad').first()).toBeVisible({ timeout: 20_000 });
        await page.locator('#f-line-line').fill('13');
        await page.locator('.settings-actions button.primary').click();
        await expect(page.getByRole('alertdialog')).toBeVisible();
        await check(page, 'save after a failed line test', german);
      } finally {
        await server.stop();
        rmSync(server.home, { recursive: true, force: true });
      }
    });

    test('the demo’s settings are read-only, with a clear note and a way back', async ({ page }) => {
      requireChromium();
      const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-demo-'));
      const server = await startServe(
        { ...isolatedDesktopEnv(path.join(home, 'desktop')), RINGDESK_HOME: home },
        ['--demo'],
      );
      await admit(page.context(), server);
      try {
        await page.goto(`${server.url}#settings`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          german ? 'Die Einstellungen der Demo' : 'The demo’s settings',
        );
        await expect(page.locator('.read-only-note')).toContainText('--demo');
        await check(page, 'demo settings', german);
        await page
          .getByRole('link', { name: german ? 'Zurück zu den Anrufen' : 'Back to the calls' })
          .click();
        await expect(page.locator('section.call-log')).toBeVisible();
      } finally {
        await server.stop();
        rmSync(home, { recursive: true, force: true });
      }
    });
  });
}
