/**
 * The host's key in a real browser: the address `ringdesk serve` prints hands it over once as an
 * HttpOnly, SameSite=Strict cookie and leaves the URL without it; a browser without the key gets
 * a page that says what to do, and the API refuses it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import { requireChromium } from './require-chromium.js';
import { spawnHost, type HostProcess } from './spawn-host.js';

const config = fileURLToPath(new URL('fixtures/config.json', import.meta.url));

const test = base.extend<{ host: HostProcess }>({
  // Playwright reads the fixtures a fixture needs from its first parameter: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    requireChromium();
    const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-key-'));
    const host = await spawnHost({ home, config });
    await use(host);
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  },
});

test('the printed address lets the browser in, and the key leaves the URL', async ({ page, host }) => {
  await page.goto(host.open);
  await expect(page.getByRole('status').first()).toContainText('Line 12 · Simulator · connected');
  expect(page.url()).toBe(host.url);
  const cookies = await page.context().cookies(host.url);
  expect(cookies).toEqual([
    expect.objectContaining({
      name: `ringdesk-key-${new URL(host.url).port}`,
      value: host.key,
      httpOnly: true,
      sameSite: 'Strict',
    }),
  ]);
  // No script of the page can read the key.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // The WebSocket and the API work with the cookie alone: a call pops up.
  const started = await page.request.post(`${host.url}api/sim/incoming`, { data: { from: '0211 5551111' } });
  expect(started.status()).toBe(200);
  const { callId } = (await started.json()) as { callId: string };
  await expect(page.locator(`section.popup[data-call-id="${callId}"]`)).toContainText('Anna Becker');
});

test('a browser without the key is told what to do, and the API refuses it', async ({ page, host }) => {
  const answer = await page.goto(host.url);
  expect(answer?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Ringdesk needs its key' })).toBeVisible();
  await expect(page.getByText('Open the address that "ringdesk serve" printed')).toBeVisible();
  const refused = await page.request.post(`${host.url}api/sim/incoming`, { data: { from: '0211 5551111' } });
  expect(refused.status()).toBe(401);
  const wrong = await page.goto(`${host.url}?key=${'A'.repeat(43)}`);
  expect(wrong?.status()).toBe(401);
  expect(await page.context().cookies(host.url)).toEqual([]);
});
