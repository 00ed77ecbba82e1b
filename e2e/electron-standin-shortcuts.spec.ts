/**
 * The desktop app's global shortcuts, executed end to end under the ELECTRON STAND-IN
 * (e2e/electron-standin/): the real built `dist/electron/main.js` in Node 22 with `electron`
 * resolved to a stand-in whose `globalShortcut` records what the app registers and whose
 * `clipboard` (Electron 45's API: the PRIMARY selection on Linux, the clipboard) the control
 * server sets. "Pressing" a shortcut runs the callback the app registered for that accelerator.
 * Electron itself was not launched (its binary cannot be downloaded here).
 *
 * The line is the `action-url` webhook listener of the stand-in rig; its dial-by-URL goes to a
 * loopback "PBX" that records each dialable string the line was asked to dial.
 */
import type { StandinApp } from './electron-standin/launch-standin.js';
import { expect, test, type StandinRig } from './electron-standin/standin-fixture.js';

test.describe.configure({ timeout: 120_000 });

const FOCUS = 'Alt+F8';
const DIAL = 'CommandOrControl+Shift+F9';

async function visible(app: StandinApp, view: string): Promise<void> {
  await expect
    .poll(async () =>
      (await app.state()).windows.some((each) => each.url.endsWith(`#${view}`) && each.visible),
    )
    .toBe(true);
}

async function press(app: StandinApp, accelerator: string): Promise<void> {
  expect(await app.post('/shortcut', { accelerator })).toBe(200);
}

async function ring(rig: StandinRig, from: string, callId: string): Promise<void> {
  expect(await rig.webhook({ event: 'newCall', direction: 'in', from, to: '4921133990312', callId })).toBe(
    200,
  );
}

test('the dial shortcut reads the selection, asks, and Dial dials the completed number; text without a number dials nothing', async ({
  rig,
}) => {
  rig.settings = { ...rig.settings, app: { shortcuts: { focusPopup: FOCUS, dialSelection: DIAL } } };
  const app = await rig.launch();
  expect((await app.state()).shortcuts).toEqual([FOCUS, DIAL]);

  // Text without a number: a notice in plain words, nothing asked.
  expect(await app.post('/clipboard', { selection: 'see the ticket for details', text: '' })).toBe(200);
  await press(app, DIAL);
  await expect
    .poll(async () => (await app.state()).notifications)
    .toEqual([
      {
        title: 'Nothing was dialled',
        body: 'The selected text holds no phone number: “see the ticket for details”',
      },
    ]);

  // Then a selected number (the clipboard holds another, which Linux's selection goes before).
  expect(
    await app.post('/clipboard', { selection: 'Anna Becker, Tel. +49 211 555-1111', text: '0211 999999' }),
  ).toBe(200);
  await press(app, DIAL);
  await visible(app, 'confirm');
  const { page } = await app.window('confirm');
  const card = page.locator('section.confirm');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { name: 'Call Anna Becker?' })).toBeVisible();
  await expect(card.locator('.confirm-source')).toHaveText(
    'Selected text: Anna Becker, Tel. +49 211 555-1111',
  );
  await expect(card.locator('.confirm-dialable')).toHaveText('05551111');
  await card.getByRole('button', { name: 'Dial', exact: true }).click();
  // Ordered positive check: the first and only dial is the selected number.
  await expect.poll(() => rig.dialled).toEqual(['05551111']);

  // Nothing selected: the clipboard is dialled, after asking too.
  expect(await app.post('/clipboard', { selection: '', text: '0211 339903-12' })).toBe(200);
  await press(app, DIAL);
  await expect(card.locator('.confirm-source')).toHaveText('Copied text: 0211 339903-12');
  await expect(card.locator('.confirm-dialable')).toHaveText('12');
  await card.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect.poll(() => rig.dialled).toEqual(['05551111', '12']);
  expect(await app.quit()).toBe(0);
});

test('the focus shortcut shows the call log with no popup open, else focuses the newest popup', async ({
  rig,
}) => {
  rig.settings = { ...rig.settings, app: { shortcuts: { focusPopup: FOCUS, dialSelection: '' } } };
  const app = await rig.launch();
  expect((await app.state()).shortcuts).toEqual([FOCUS]);
  await press(app, FOCUS);
  await visible(app, 'calls');

  await ring(rig, '492115551111', 'focus-1');
  await ring(rig, '4922115559999', 'focus-2');
  const { page } = await app.window('popup');
  const cards = page.locator('section.popup');
  await expect(cards).toHaveCount(2);
  const popupWindow = async () => (await app.state()).windows.find((each) => each.url.endsWith('#popup'));
  // A ringing popup never takes the focus on its own.
  expect(await popupWindow()).toMatchObject({ visible: true, focused: false });
  await press(app, FOCUS);
  await expect.poll(async () => (await popupWindow())?.focused).toBe(true);
  // The newest popup (shown first) has the focus, so its keys work at once.
  await expect(cards.first()).toHaveAttribute('data-call-id', 'focus-2');
  await expect(cards.first()).toBeFocused();
  expect(await app.quit()).toBe(0);
});

test('a combination another program holds is said once and logged; a new one from the settings window is registered at once', async ({
  rig,
}) => {
  const app = await rig.launch({ env: { STANDIN_TAKEN_SHORTCUTS: 'CommandOrControl+Alt+D' } });
  expect((await app.state()).shortcuts).toEqual(['CommandOrControl+Alt+P']);
  await expect
    .poll(async () => (await app.state()).notifications)
    .toEqual([
      {
        title: 'A Ringdesk shortcut is not available',
        body: 'Ctrl+Alt+D (dial the selected text) is used by another program. Choose another in Settings › App.',
      },
    ]);
  expect(app.stderr).toContain('the shortcut CommandOrControl+Alt+D (dialSelection) is not available');

  // The notice leads to the settings, where the combination is changed.
  expect(await app.post('/notification/click', { index: 0 })).toBe(200);
  await visible(app, 'settings');
  const { page } = await app.window('settings');
  await page.getByRole('tab', { name: 'App' }).click();
  const field = page.getByLabel('Shortcut: dial the selected text');
  await expect(field).toHaveValue('CommandOrControl+Alt+D');
  await field.fill('Ctrl+Alt+');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page
      .locator('.field-problems')
      .getByText(
        '“Ctrl+Alt+” is not a key combination: a “+” has nothing on one side (the + key is written Plus).',
      ),
  ).toBeVisible();
  expect((await app.state()).shortcuts).toEqual(['CommandOrControl+Alt+P']);
  await field.fill('Super+F9');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved. Ringdesk now works with these settings.')).toBeVisible();
  await expect
    .poll(async () => (await app.state()).shortcuts)
    .toEqual(['CommandOrControl+Alt+P', 'Super+F9']);
  expect(await app.quit()).toBe(0);
});
