/**
 * A call the line never reports hung up: with the ring timeout at its shortest (10 s), the call
 * leaves the current calls and the call log shows it missed, saying why, in English and German.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { requireChromium } from './require-chromium.js';
import { admit, spawnHost, type HostProcess } from './spawn-host.js';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

async function hostWithRingTimeout(): Promise<{ host: HostProcess; home: string }> {
  requireChromium();
  const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-'));
  const config = JSON.parse(readFileSync(path.join(fixtures, 'config.json'), 'utf8')) as {
    directories: { path: string }[];
  };
  const file = path.join(home, 'ring-timeout.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      directories: config.directories.map((entry) => ({ ...entry, path: path.join(fixtures, entry.path) })),
      journal: { ringTimeoutSeconds: 10 },
    }),
  );
  return { host: await spawnHost({ home, config: file }), home };
}

for (const [locale, region, ringing, missed, reason] of [
  ['en-GB', 'Call log', 'Ringing', 'Missed', 'no hang-up from the PBX'],
  ['de-DE', 'Anrufliste', 'Klingelt', 'Verpasst', 'kein Auflegen von der Telefonanlage gemeldet'],
] as const) {
  test.describe(locale, () => {
    test.use({ locale });

    test('a call with no hang-up from the PBX is closed as missed after the ring timeout', async ({
      page,
      context,
    }) => {
      test.setTimeout(60_000);
      const { host, home } = await hostWithRingTimeout();
      try {
        await admit(context, host);
        await page.goto(host.url);
        await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
        const response = await page.request.post(`${host.url}api/sim/incoming`, {
          data: { from: '0211 5551111' },
          headers: { Authorization: `Bearer ${host.key}` },
        });
        expect(response.ok()).toBe(true);
        const current = page.locator('.current-calls');
        await expect(current).toContainText(ringing);
        const log = page.getByRole('region', { name: region });
        const row = log.locator('[data-record-id]').filter({ hasText: 'Anna Becker' });
        await expect(row).toContainText(`${missed} ${reason}`, { timeout: 30_000 });
        await expect(current).toHaveCount(0);
      } finally {
        await host.stop();
        rmSync(home, { recursive: true, force: true });
      }
    });
  });
}
