/**
 * The tray while the line is down, under the ELECTRON STAND-IN (e2e/electron-standin/): the real
 * built main in Node 22 with `electron` resolved to a stand-in whose Tray records its icon and
 * tooltip. Electron itself was not launched.
 *
 * The line is the `action-url` webhook listener; another program holds its port, so the line
 * cannot start: the tray must say so in plain words, and come back by itself once the port is
 * free (the Companion's reconnect policy).
 */
import { createServer } from 'node:net';
import { expect, test } from './electron-standin/standin-fixture.js';

test.describe.configure({ timeout: 120_000 });

test('a line that cannot start shows in the tray: the down icon and why, until it comes up', async ({
  rig,
}) => {
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(rig.webhookPort, '127.0.0.1', resolve));
  const app = await rig.launch({ lineUp: false });
  const tray = async () => (await app.state()).trays[0];
  await expect
    .poll(async () => (await tray())?.tooltip ?? '', { timeout: 30_000 })
    .toContain(
      `Ringdesk cannot listen on 127.0.0.1:${String(rig.webhookPort)}: another program uses that port.`,
    );
  expect((await tray())?.image.path ?? '').toMatch(/tray-disconnected\.png$/);

  await new Promise((resolve) => squatter.close(resolve));
  await expect
    .poll(async () => (await tray())?.image.path ?? '', { timeout: 90_000 })
    .toMatch(/tray-idle\.png$/);
  expect((await tray())?.tooltip).not.toContain('cannot listen');
  expect(await app.quit()).toBe(0);
});
