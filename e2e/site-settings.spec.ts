/**
 * An administrator's site settings in the settings window: the note says where they come from,
 * a locked field is shown as set by the administrator and cannot be typed in, the user's own
 * changes elsewhere save over the site's; in English and German, with axe and reflow checks.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import { requireChromium } from './require-chromium.js';
import { expectAxeClean, expectGermanOnly, expectReflow } from './screen-checks.js';
import { admit, spawnHost, type HostProcess } from './spawn-host.js';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

/** The site: Düsseldorf's rules, locked; the popups' corner as a default only. */
const SITE = {
  settings: {
    dialingRules: { countryCode: '49', areaCode: '211', outsideLineAccess: '0' },
    popup: { corner: 'top-left' },
  },
  locked: ['dialingRules.areaCode', 'dialingRules.countryCode'],
};

const test = base.extend<{ host: HostProcess & { config: string; site: string } }>({
  host: async ({ context }, use) => {
    requireChromium();
    const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-site-'));
    copyFileSync(path.join(fixtures, 'contacts.csv'), path.join(home, 'contacts.csv'));
    const config = path.join(home, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        line: { provider: 'simulator', line: '12' },
        directories: [{ type: 'csv', path: 'contacts.csv', name: 'E2E book' }],
        // The user's own area code is overruled by the site's lock.
        dialingRules: { areaCode: '89' },
      }),
    );
    const site = path.join(home, 'site.json');
    writeFileSync(site, JSON.stringify(SITE));
    const host = await spawnHost({ home, env: { RINGDESK_SITE: site } });
    await admit(context, host);
    await use({ ...host, config, site });
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  },
});

test('locked fields are the administrator’s; the user’s own changes save over the site’s defaults', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#settings`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByText(`Your administrator’s site settings apply (${host.site})`)).toBeVisible();
  await page.getByRole('tab', { name: 'Dialing rules' }).click();
  const areaCode = page.getByLabel('Area code', { exact: true });
  await expect(areaCode).toHaveValue('211');
  await expect(areaCode).toBeDisabled();
  await expect(areaCode).toHaveAccessibleDescription(/Set by your administrator\./);
  // Not locked: the outside-line access the site only suggests.
  await expect(page.getByLabel('Outside line prefix')).toBeEnabled();
  await expectAxeClean(page, 'settings with site settings');
  await expectReflow(page, 'settings with site settings');

  await page.getByRole('tab', { name: 'Popup' }).click();
  await expect(page.locator('#f-popup-corner')).toHaveValue('top-left');
  await page.locator('#f-popup-corner').selectOption('top-right');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved. Ringdesk now works' })).toBeVisible();
  // The file keeps the user's choice, not the site's values nor its locked keys.
  const saved = JSON.parse(readFileSync(host.config, 'utf8')) as Record<string, unknown>;
  expect(saved.popup).toEqual({ corner: 'top-right' });
  expect(saved.dialingRules).toBeUndefined();
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the site note and the locked fields speak German', async ({ page, host }) => {
    // A German browser, and the UI language on "auto": German.
    await page.goto(`${host.url}#settings`);
    await page.getByRole('tab', { name: 'Wählregeln' }).click();
    await expect(page.getByText('Von Ihrer Administration festgelegt.').first()).toBeVisible();
    await expectGermanOnly(page, 'settings with site settings', ['E2E book', host.site]);
    await expectAxeClean(page, 'settings with site settings, German');
  });
});
