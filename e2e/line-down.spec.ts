/**
 * A line that is down, as the agent sees it in a browser (issue 10 §3): the host's line is
 * Asterisk's AMI on a loopback port where nothing listens, so the real provider's connect is
 * refused. The banner says so in plain words with the retry countdown, dialling is off with the
 * reason, the tab's title and favicon say "down"; once a (fake, see ami-fake-asterisk.ts)
 * Asterisk listens there, "Retry now" brings the line up. Saving settings whose line test failed
 * asks first. A ringing call sets the tab title and, while the page is hidden, raises a Web
 * Notification (recorded by a stand-in for the browser's Notification, the boundary to the OS).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Page } from '@playwright/test';
import { FakeAsterisk } from '../electron/test-support/ami-fake-asterisk.js';
import { AmiReplayServer } from '../electron/test-support/ami-replay-server.js';
import { requireChromium } from './require-chromium.js';
import { admit, spawnHost, type HostProcess } from './spawn-host.js';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

/** A loopback port nothing listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface DownHost extends HostProcess {
  readonly config: string;
  readonly port: number;
}

/** A host whose line is Asterisk at 127.0.0.1:<closed port> (the e2e book and rules otherwise). */
const test = base.extend<{ host: DownHost }>({
  host: async ({ context }, use) => {
    requireChromium();
    const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-down-'));
    const port = await closedPort();
    const settings = JSON.parse(readFileSync(path.join(fixtures, 'config.json'), 'utf8')) as object;
    const line = {
      provider: 'ami',
      host: '127.0.0.1',
      port,
      username: 'ringdesk',
      secret: { env: 'RINGDESK_E2E_AMI_SECRET' },
      line: '12',
    };
    const config = path.join(home, 'config.json');
    writeFileSync(config, JSON.stringify({ ...settings, line }));
    copyFileSync(path.join(fixtures, 'contacts.csv'), path.join(home, 'contacts.csv'));
    const host = await spawnHost({ home, config, env: { RINGDESK_E2E_AMI_SECRET: 's3cret' } });
    await admit(context, host);
    await use({ ...host, config, port });
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  },
});

const favicon = (page: Page) => page.locator('link[rel="icon"]');

test('a refused line is announced in plain words, dialling is off, and Retry now brings it back', async ({
  page,
  host,
}) => {
  // The backoff must grow to a few seconds before "Retry now" can be told from a scheduled retry.
  test.setTimeout(180_000);
  await page.goto(host.url);
  const banner = page.locator('.line-banner');
  await expect(banner.getByRole('status')).toHaveText(
    `Calls are not shown: Asterisk at 127.0.0.1:${host.port} refuses the connection.`,
  );
  await expect(banner.locator('.line-banner-retry')).toHaveText(/^(Retrying in \d+ s\.|Trying again now…)$/);
  // The raw reason is there for whoever asks, not in the sentence.
  await banner.getByText('Details').click();
  await expect(banner.locator('code')).toContainText('ECONNREFUSED');
  await expect(page.locator('.line-state')).toContainText('Asterisk');
  await expect(page.locator('.line-state')).not.toContainText('ami');
  await expect(page.getByLabel('Number to dial')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Dial', exact: true })).toBeDisabled();
  await expect(page.locator('#dial-off')).toHaveText('Dialling is off while the line is down.');
  await expect(page).toHaveTitle('Line down · Ringdesk');
  await expect(favicon(page)).toHaveAttribute('data-state', 'down');
  await expect(favicon(page)).toHaveAttribute('href', /^data:image\/svg\+xml,/);

  // The countdown counts down, and grows with each failed attempt (the reconnect policy's backoff).
  const seconds = async () =>
    Number(/\d+/.exec((await banner.locator('.line-banner-retry').textContent()) ?? '')?.[0] ?? 0);
  // From a countdown of at least 3 s, so the next second is seen before the retry fires.
  await expect.poll(seconds, { timeout: 60_000, intervals: [250] }).toBeGreaterThanOrEqual(3);
  const first = await seconds();
  await expect.poll(seconds, { timeout: 5000, intervals: [250] }).toBeLessThan(first);
  // Wait for a retry far enough away that only "Retry now" can connect before it (the countdown
  // rounds up and is drawn once a second: a shown 12 may be 10 s left); room for a loaded
  // machine's connect and login.
  await expect.poll(seconds, { timeout: 100_000, intervals: [250] }).toBeGreaterThanOrEqual(12);

  const asterisk = new FakeAsterisk({ username: 'ringdesk', secret: 's3cret' });
  const server = await AmiReplayServer.start(asterisk, { port: host.port });
  try {
    // The scheduled retry is at least `left - 2` s after `asked`: the connect must come before.
    const asked = Date.now();
    const left = await seconds();
    await banner.getByRole('button', { name: 'Retry now' }).click();
    await expect(page.locator('.line-state[data-state=connected]')).toBeVisible({
      timeout: (left - 2) * 1000 - (Date.now() - asked) - 500,
    });
    await expect(banner).toHaveCount(0);
    await expect(page.getByLabel('Number to dial')).toBeEnabled();
    await expect(page).toHaveTitle('Ringdesk');
    await expect(favicon(page)).toHaveAttribute('data-state', 'idle');
    expect(asterisk.sessions.length).toBeGreaterThan(0);
  } finally {
    await server.close();
  }
  // Asterisk gone again: the banner is back, with the lost connection in words.
  await expect(banner.getByRole('status')).toContainText('Calls are not shown:');
});

test('Settings in the banner leads to the settings; saving after a failed line test asks first', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.locator('.line-banner').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Test the line' }).click();
  await expect(page.locator('.test-verdict.test-bad').first()).toBeVisible({ timeout: 20_000 });

  const before = readFileSync(host.config, 'utf8');
  await page.getByRole('tab', { name: 'App' }).click();
  await page.getByLabel('Language').selectOption('en');
  await page.getByRole('button', { name: 'Save' }).click();
  const question = page.getByRole('alertdialog', { name: 'The line test failed. Save anyway?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toHaveCount(0);
  expect(readFileSync(host.config, 'utf8')).toBe(before);

  await page.getByRole('button', { name: 'Save' }).click();
  await question.getByRole('button', { name: 'Save anyway' }).click();
  await expect(page.getByText('Saved. Ringdesk now works with these settings.')).toBeVisible();
  expect(JSON.parse(readFileSync(host.config, 'utf8'))).toMatchObject({ app: { language: 'en' } });
});
