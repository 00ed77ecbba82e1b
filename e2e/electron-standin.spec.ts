/**
 * The Electron face executed end to end under the ELECTRON STAND-IN (e2e/electron-standin/): the
 * real built `dist/electron/main.js` and the real bundled preloads, in Node 22, with `electron`
 * resolved to a stand-in whose windows are Chromium pages. Electron itself was not launched (its
 * binary cannot be downloaded here); what runs is every line of Ringdesk's main process.
 *
 * The line is the `action-url` webhook listener: the tests ring it as Zammad's CTI webhook does,
 * and its dial-by-URL goes to a loopback "PBX" that records each dialable string.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { secureWebPreferences } from '../electron/shell/secure-window.js';
import type { StandinApp } from './electron-standin/launch-standin.js';
import { expect, test, type StandinRig } from './electron-standin/standin-fixture.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

// Each test boots a Node 22 main (and second instances) with Chromium: seconds each, more on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** Rings the line as Zammad's webhook would; the popup window shows it. */
async function ring(rig: StandinRig, from: string, callId: string): Promise<void> {
  expect(await rig.webhook({ event: 'newCall', direction: 'in', from, to: '4921133990312', callId })).toBe(
    200,
  );
}

async function hangUp(rig: StandinRig, callId: string, cause = 'cancel'): Promise<void> {
  expect(await rig.webhook({ event: 'hangup', direction: 'in', callId, cause })).toBe(200);
}

async function visible(app: StandinApp, view: string): Promise<void> {
  await expect
    .poll(async () =>
      (await app.state()).windows.some((each) => each.url.endsWith(`#${view}`) && each.visible),
    )
    .toBe(true);
}

test('the real main boots: windows from the secure factory, a hardened session, the tray', async ({
  rig,
}) => {
  const app = await rig.launch();
  await ring(rig, '492115551111', 'boot-1');
  const { state, page } = await app.window('popup');
  await expect(page.getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
  expect(state.options.webPreferences).toEqual(
    secureWebPreferences(path.join(repo, 'dist', 'preload', 'popup-preload.cjs')),
  );
  expect(state.options).toMatchObject({ frame: false, alwaysOnTop: true, show: false });
  const snapshot = await app.state();
  expect(snapshot.session).toEqual({
    permissionRequestHandler: true,
    permissionCheckHandler: true,
    onHeadersReceived: true,
  });
  expect(snapshot.trays).toHaveLength(1);
  expect(snapshot.trays[0]?.menu.map((item) => item.label)).toContain('Quit');
  expect(await app.quit()).toBe(0);
});

test('a call from the PBX pops up the contact; its action opens the helpdesk in the browser', async ({
  rig,
}) => {
  const app = await rig.launch();
  await ring(rig, '492115551111', 'call-1');
  await visible(app, 'popup');
  const { page } = await app.window('popup');
  const popup = page.locator('section.popup[data-call-id]');
  await expect(popup.getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
  await popup.getByRole('button', { name: 'Open contact' }).click();
  await expect
    .poll(async () => (await app.state()).openedExternal)
    .toEqual(['https://helpdesk.example.com/#user/profile/anna']);
  // The window's own page may not navigate away or open windows: both go nowhere.
  await page.evaluate(() => window.open('https://evil.example/', '_blank'));
  await expect
    .poll(async () => (await app.state()).windows.find((each) => each.url.endsWith('#popup'))?.openAttempts)
    .toEqual([{ url: 'https://evil.example/', action: 'deny' }]);
  expect((await app.state()).openedExternal).toEqual([
    'https://helpdesk.example.com/#user/profile/anna',
    'https://evil.example/',
  ]);
  await hangUp(rig, 'call-1');
  expect(await app.quit()).toBe(0);
});

test('the IPC router checks the real sender: a verb of another window is refused', async ({ rig }) => {
  const app = await rig.launch();
  await ring(rig, '492115551111', 'ipc-1');
  const { page } = await app.window('popup');
  await expect(page.getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
  // The preload exposes only the popup's verbs; the channel itself refuses the rest.
  expect(
    await page.evaluate(
      () => typeof (window as unknown as { ringdesk: Record<string, unknown> }).ringdesk.dial,
    ),
  ).toBe('undefined');
  const refused = await page.evaluate(async () => {
    const invoke = (window as unknown as { __standinInvoke: (c: string, a: unknown[]) => Promise<unknown> })
      .__standinInvoke;
    try {
      await invoke('ringdesk:invoke', ['dial', { number: '0211 5551111' }]);
      return 'dialled';
    } catch (error) {
      return String(error);
    }
  });
  expect(refused).toContain('dial is not available in this window');
  // Ordered positive check: a verb of this window works, and nothing was dialled before it.
  await page.getByRole('button', { name: 'Open contact' }).click();
  await expect.poll(async () => (await app.state()).openedExternal).toHaveLength(1);
  expect(rig.dialled).toEqual([]);
  expect(await app.quit()).toBe(0);
});

test('a tel: link from a second instance asks first, and Dial dials the exact dialable string', async ({
  rig,
}) => {
  const app = await rig.launch();
  expect(await app.secondInstance(['--', 'tel:+49-211-555-1111'])).toBe(0);
  await visible(app, 'confirm');
  const { page } = await app.window('confirm');
  const card = page.locator('section.confirm');
  await expect(card.getByRole('heading', { name: 'Call Anna Becker?' })).toBeVisible();
  await expect(card.locator('.confirm-dialable')).toHaveText('05551111');
  const dial = card.getByRole('button', { name: 'Dial', exact: true });
  await expect(dial).toHaveAttribute('aria-disabled', 'false');
  await dial.click();
  await expect.poll(() => rig.dialled).toEqual(['05551111']);
  expect(await app.quit()).toBe(0);
});

test('a link through open-url (macOS) asks the same way', async ({ rig }) => {
  const app = await rig.launch();
  expect(await app.post('/app/open-url', { url: 'tel:0211-339903-12' })).toBe(200);
  const { page } = await app.window('confirm');
  const card = page.locator('section.confirm');
  await expect(card.locator('.confirm-dialable')).toHaveText('12');
  await card.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect.poll(() => rig.dialled).toEqual(['12']);
  expect(await app.quit()).toBe(0);
});

test('hostile links from argv dial nothing, at start and from a second instance', async ({ rig }) => {
  const app = await rig.launch({ args: ['--', 'tel:x" --gpu-launcher="calc"'] });
  expect(await app.secondInstance(['javascript:alert(1)'])).toBe(0);
  expect(await app.secondInstance(['--', 'tel:+49211555', 'tel:+49211666'])).toBe(0);
  expect(await app.secondInstance(['--', 'sms:+492115551111'])).toBe(0);
  // Ordered positive check: the next good link is the first thing asked and dialled.
  expect(await app.secondInstance(['--', 'tel:0211-5551111'])).toBe(0);
  const { page } = await app.window('confirm');
  const cards = page.locator('section.confirm');
  await expect(cards).toHaveCount(1);
  await expect(cards.locator('.confirm-dialable')).toHaveText('05551111');
  await cards.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect.poll(() => rig.dialled).toEqual(['05551111']);
  expect(await app.quit()).toBe(0);
});

test('the tray menu shows the call log and the settings, toggles do-not-disturb, and quits', async ({
  rig,
}) => {
  const app = await rig.launch();
  const menu = async () => (await app.state()).trays[0]?.menu ?? [];
  expect(await app.post('/tray/click', { label: 'Call log' })).toBe(200);
  await visible(app, 'calls');
  expect(await app.post('/tray/click', { label: 'Settings…' })).toBe(200);
  await visible(app, 'settings');
  expect(await app.post('/tray/click', { label: 'About Ringdesk' })).toBe(200);
  await expect.poll(async () => (await app.state()).aboutPanelShown).toBe(1);

  expect(await app.post('/tray/click', { label: 'Do not disturb' })).toBe(200);
  await expect
    .poll(async () => (await menu()).find((item) => item.label === 'Do not disturb')?.checked)
    .toBe(true);
  // Do not disturb: a call is logged but no popup window comes up.
  await ring(rig, '492115551111', 'dnd-1');
  await hangUp(rig, 'dnd-1');
  const { page } = await app.window('calls');
  await expect(page.getByText('Anna Becker').first()).toBeVisible();
  expect((await app.state()).windows.some((each) => each.url.endsWith('#popup') && each.visible)).toBe(false);

  expect(await app.post('/tray/click', { label: 'Quit' })).toBe(200);
  expect(await app.stop()).toBe(0);
  expect((await app.state().catch(() => null)) ?? 'gone').toBe('gone');
});

test('the settings window saves, and the new line runs without a restart', async ({ rig }) => {
  rig.settings = { ...rig.settings, line: { provider: 'simulator', line: '12' } };
  const app = await rig.launch();
  expect(await app.post('/tray/click', { label: 'Settings…' })).toBe(200);
  const { page } = await app.window('settings');
  const saved = await page.evaluate(
    async ({ port }) => {
      const ringdesk = (
        window as unknown as { ringdesk: Record<string, (args: unknown) => Promise<unknown>> }
      ).ringdesk;
      const current = (await ringdesk.getSettings?.({})) as { document: Record<string, unknown> };
      return ringdesk.saveSettings?.({
        document: {
          ...current.document,
          line: {
            provider: 'action-url',
            line: '12',
            listen: `127.0.0.1:${String(port)}`,
            token: { env: 'STANDIN_CTI_TOKEN' },
            zammad: {},
          },
        },
      });
    },
    { port: rig.webhookPort },
  );
  expect(saved).toMatchObject({ ok: true });
  await ring(rig, '492115551111', 'switched-1');
  const { page: popup } = await app.window('popup');
  await expect(popup.getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
  expect(await app.quit()).toBe(0);
});

test('"Choose a file…" in the settings opens the system’s file dialog, and its choice fills the field', async ({
  rig,
}) => {
  const app = await rig.launch();
  expect(await app.post('/tray/click', { label: 'Settings…' })).toBe(200);
  const { page } = await app.window('settings');
  await page.getByRole('tab', { name: 'Directories' }).click();
  const card = page.locator('fieldset.directory-card').nth(0);
  expect(await app.post('/dialog/next-open', { paths: ['/home/anna/Adressen/kunden.csv'] })).toBe(200);
  await card.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(card.getByLabel('File')).toHaveValue('/home/anna/Adressen/kunden.csv');
  // The native dialog, over the settings window, for CSV files; no folder listing as in a browser.
  const { dialogs } = await app.state();
  expect(dialogs).toEqual([
    {
      kind: 'open',
      options: {
        title: 'Choose the address book (CSV)',
        properties: ['openFile'],
        filters: [{ name: 'CSV files', extensions: ['csv', 'txt'] }],
      },
    },
  ]);
  await expect(card.locator('.file-choice')).toHaveCount(0);
  expect(await app.quit()).toBe(0);
});

test('quitting flushes the journal: the last call is there after the app is gone', async ({ rig }) => {
  const app = await rig.launch();
  await ring(rig, '492115551111', 'last-1');
  await hangUp(rig, 'last-1');
  expect(await app.quit()).toBe(0);
  const { readFileSync } = await import('node:fs');
  const journal = readFileSync(path.join(rig.userData, 'journal.jsonl'), 'utf8');
  expect(journal).toContain('"last-1"');
});

test('the packaged app.asar boots too: the package holds every production dependency its main imports', async ({
  rig,
}, testInfo) => {
  test.setTimeout(240_000);
  // Node cannot import from inside app.asar (Electron patches fs to read it): the archive that
  // electron-builder wrote is extracted, and the extracted main boots with the app packaged.
  const { packageWithPlaceholder } = await import('../electron/test-support/electron-builder-dry-run.js');
  const { fakeLinuxElectron } = await import('../electron/test-support/fake-electron-dist.js');
  const asar = (await import('@electron/asar')).default;
  const work = testInfo.outputPath('package');
  process.env.ELECTRON_BUILDER_7ZIP_PATH ??= '/usr/bin/7za';
  await packageWithPlaceholder({
    platform: 'linux',
    targets: ['dir'],
    electronDist: await fakeLinuxElectron(path.join(work, 'electron')),
    output: path.join(work, 'out'),
  });
  const resources = path.join(work, 'out', 'linux-unpacked', 'resources');
  const extracted = path.join(work, 'app');
  asar.extractAll(path.join(resources, 'app.asar'), extracted);
  const app = await rig.launch({
    appPath: extracted,
    packaged: true,
    env: { STANDIN_RESOURCES_PATH: resources },
  });
  await ring(rig, '492115551111', 'packaged-1');
  const { page } = await app.window('popup');
  await expect(page.getByRole('heading', { name: 'Anna Becker' })).toBeVisible();
  expect(await app.quit()).toBe(0);
});

test('a broken settings file starts the app on the simulator and opens the settings with the problems', async ({
  rig,
}) => {
  rig.settings = { ...rig.settings, directories: 7 };
  const app = await rig.launch();
  await visible(app, 'settings');
  expect(app.stderr).toMatch(/ringdesk: settings: .*directories/);
  const { page } = await app.window('settings');
  await expect(page.getByText(/directories/i).first()).toBeVisible();
  expect((await app.state()).trays[0]?.tooltip).toMatch(/\(Simulator\)/);
  expect(await app.quit()).toBe(0);
});
