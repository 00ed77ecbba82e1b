/**
 * Phone links through the Electron face, executed under the ELECTRON STAND-IN (see
 * e2e/electron-standin.spec.ts): the real built main, with `STANDIN_PLATFORM=win32` so it takes
 * its Windows paths. The stand-in records the registry writes Electron would make and answers
 * `getApplicationNameForProtocol` as Windows' user choice says (`STANDIN_PROTOCOL_OWNERS`, and
 * `/protocol/owners` for a choice made later in Default Apps). Electron itself was not launched.
 */
import type { StandinApp } from './electron-standin/launch-standin.js';
import { expect, test } from './electron-standin/standin-fixture.js';

test.describe.configure({ timeout: 120_000 });

type Invoke = (verb: string, args?: unknown) => Promise<unknown>;

async function settingsWindow(app: StandinApp) {
  expect(await app.post('/tray/click', { label: 'Settings…' })).toBe(200);
  const { page } = await app.window('settings');
  const invoke: Invoke = (verb, args = {}) =>
    page.evaluate(
      ({ verb: name, args: given }) =>
        (window as unknown as { ringdesk: Record<string, (a: unknown) => Promise<unknown>> }).ringdesk[
          name
        ]?.(given),
      { verb, args },
    );
  return { page, invoke };
}

const WINDOWS_11 = {
  STANDIN_PLATFORM: 'win32',
  STANDIN_SYSTEM_VERSION: '10.0.22631',
  STANDIN_PROTOCOL_OWNERS: JSON.stringify({ tel: 'Microsoft Teams' }),
};

test('on Windows the registry write is not taken for success: Teams keeps tel:, Default Apps opens, the check follows the choice', async ({
  rig,
}) => {
  const app = await rig.launch({ env: WINDOWS_11 });
  const { invoke } = await settingsWindow(app);
  const registered = await invoke('registerLinkHandler');
  expect(registered).toEqual({
    registered: ['callto', 'phone'],
    refused: ['tel'],
    steps: ['windows-default-apps', 'browser-confirm'],
    schemes: [
      { scheme: 'tel', state: 'other', app: 'Microsoft Teams' },
      { scheme: 'callto', state: 'handled' },
      { scheme: 'phone', state: 'handled' },
    ],
  });
  const state = await app.state();
  expect(state.protocolWrites).toEqual(['set tel', 'set callto', 'set phone']);
  // Run unpackaged (`electron .`): the app's resolved path, then the guard.
  expect(state.protocolClients.tel).toEqual({
    path: expect.stringMatching(/node/) as unknown,
    args: [expect.stringMatching(/^\/.*main\.js$/) as unknown, '--'],
  });

  expect(await invoke('openDefaultApps')).toEqual({ opened: true });
  expect((await app.state()).openedExternal).toEqual(['ms-settings:defaultapps?registeredAppUser=Ringdesk']);
  // The user picks Ringdesk for tel in Default Apps; the next check says so.
  expect(await app.post('/protocol/owners', { owners: {} })).toBe(200);
  expect(await invoke('linkStatus')).toEqual({
    schemes: [
      { scheme: 'tel', state: 'handled' },
      { scheme: 'callto', state: 'handled' },
      { scheme: 'phone', state: 'handled' },
    ],
    defaultApps: true,
    remembered: true,
  });
  expect(await app.quit()).toBe(0);
});

test('the settings show who opens each scheme, register, open Default Apps, check again on return, apply sip when saved, and give the links back', async ({
  rig,
}) => {
  const app = await rig.launch({ env: WINDOWS_11 });
  const { page } = await settingsWindow(app);
  await page.getByRole('tab', { name: 'Calls' }).click();
  const status = page.getByRole('list', { name: 'Who opens phone links' });
  await expect(status.getByRole('listitem')).toHaveText([
    'tel: Microsoft Teams opens these links, not Ringdesk',
    'callto: No app opens these links',
    'phone: No app opens these links',
  ]);
  await page.getByRole('button', { name: 'Handle phone links' }).click();
  await expect(status.getByRole('listitem')).toHaveText([
    'tel: Microsoft Teams opens these links, not Ringdesk',
    'callto: Ringdesk opens these links',
    'phone: Ringdesk opens these links',
  ]);
  await expect(page.getByText(/choose it for TEL, CALLTO, PHONE\./)).toBeVisible();

  await page.getByRole('button', { name: 'Open Default Apps' }).click();
  await expect
    .poll(async () => (await app.state()).openedExternal)
    .toEqual(['ms-settings:defaultapps?registeredAppUser=Ringdesk']);
  // In Default Apps the user picks Ringdesk for tel; coming back to the window checks again.
  expect(await app.post('/protocol/owners', { owners: {} })).toBe(200);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(status.getByRole('listitem').first()).toHaveText('tel: Ringdesk opens these links');
  await expect(page.getByText(/choose it for/)).toBeHidden();

  // sip on, saved: registered at once, without a restart, and listed.
  await page.getByLabel('Also handle sip: links').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status.getByRole('listitem')).toHaveCount(4);
  await expect(status.getByRole('listitem').last()).toHaveText('sip: Ringdesk opens these links');
  expect((await app.state()).protocolWrites).toContain('set sip');

  await page.getByRole('button', { name: 'Stop handling phone links' }).click();
  await expect(status.getByRole('listitem')).toHaveText([
    'tel: No app opens these links',
    'callto: No app opens these links',
    'phone: No app opens these links',
    'sip: No app opens these links',
  ]);
  expect((await app.state()).protocolWrites.filter((each) => each.startsWith('delete'))).toEqual([
    'delete tel',
    'delete callto',
    'delete phone',
    'delete sip',
  ]);
  expect(await app.quit()).toBe(0);
});

test('a second instance’s link arrives through additionalData though Chromium dropped the -- from its argv', async ({
  rig,
}) => {
  const app = await rig.launch({ env: { STANDIN_CHROMIUM_ARGV: '1' } });
  expect(await app.secondInstance(['--', 'tel:+49-211-555-1111'])).toBe(0);
  const { page } = await app.window('confirm');
  const card = page.locator('section.confirm');
  await expect(card.locator('.confirm-dialable')).toHaveText('05551111');
  await card.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect.poll(() => rig.dialled).toEqual(['05551111']);
  expect(await app.quit()).toBe(0);
});
