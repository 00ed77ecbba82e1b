/**
 * Errors through Electron IPC, under the ELECTRON STAND-IN (see e2e/electron-standin.spec.ts;
 * Electron itself was not launched): the real built main's IPC router sends a refused command's
 * code and params at the end of the message, the real preload passes Electron's rejection on,
 * and the calls window words it in the UI's language, without Electron's "Error invoking remote
 * method" in front.
 */
import type { StandinApp } from './electron-standin/launch-standin.js';
import { expect, test } from './electron-standin/standin-fixture.js';

test.describe.configure({ timeout: 120_000 });

/** Opens the calls window from the tray (its item is `label` in the UI's language). */
async function callsWindow(app: StandinApp, label: string) {
  expect(await app.post('/tray/click', { label })).toBe(200);
  const { page } = await app.window('calls');
  await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
  return page;
}

test('a number with letters is refused in the words of the UI, English by default', async ({ rig }) => {
  const app = await rig.launch();
  const page = await callsWindow(app, 'Call log');
  await page.getByLabel('Number to dial').fill('0211 555 CALL');
  await page.getByRole('button', { name: 'Dial', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('"C" at position 10 is not allowed in a phone number: use digits only.');
  await expect(alert).not.toContainText('Error invoking');
  // Ordered positive check: the next dial is the first and only one the PBX got.
  await page.getByLabel('Number to dial').fill('0211 5551111');
  await page.getByRole('button', { name: 'Dial', exact: true }).click();
  await expect.poll(() => rig.dialled).toEqual(['05551111']);
  expect(await app.quit()).toBe(0);
});

test('with German chosen in the settings, the refusal is German', async ({ rig }) => {
  rig.settings = { ...rig.settings, app: { language: 'de' } };
  const app = await rig.launch();
  const page = await callsWindow(app, 'Anrufliste');
  await page.getByLabel('Rufnummer wählen').fill('0211 555 CALL');
  await page.getByRole('button', { name: 'Wählen', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    '"C" an Stelle 10 ist in einer Rufnummer nicht erlaubt: nur Ziffern verwenden.',
  );
  await page.getByLabel('Rufnummer wählen').fill('0211 5551111');
  await page.getByRole('button', { name: 'Wählen', exact: true }).click();
  await expect.poll(() => rig.dialled).toEqual(['05551111']);
  expect(await app.quit()).toBe(0);
});
