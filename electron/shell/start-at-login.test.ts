import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeLoginItems } from '../test-support/fake-login-items.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { applyStartAtLogin, autostartEntry, autostartFolder } from './start-at-login.js';

const tempDir = useTempDir();
const files = { mkdir, rm, writeFile: (file: string, text: string) => writeFile(file, text) };

function deps(
  platform: NodeJS.Platform,
  overrides: { env?: Record<string, string>; app?: FakeLoginItems } = {},
) {
  const app = overrides.app ?? new FakeLoginItems();
  return {
    app,
    deps: {
      platform,
      app,
      execPath: platform === 'win32' ? 'C:\\Program Files\\Ringdesk\\Ringdesk.exe' : '/opt/Ringdesk/ringdesk',
      argv: ['/opt/Ringdesk/ringdesk'],
      env: overrides.env ?? {},
      homedir: '/home/agent',
      files,
    },
  };
}

describe('start at login', () => {
  it('uses the login items on Windows, naming the same program to switch it off', async () => {
    const { app, deps: windows } = deps('win32');
    await applyStartAtLogin(true, windows);
    await applyStartAtLogin(false, windows);
    expect(app.calls).toEqual([
      { openAtLogin: true, path: 'C:\\Program Files\\Ringdesk\\Ringdesk.exe', args: [] },
      { openAtLogin: false, path: 'C:\\Program Files\\Ringdesk\\Ringdesk.exe', args: [] },
    ]);
  });

  it('uses the login items on macOS', async () => {
    const { app, deps: mac } = deps('darwin');
    expect(await applyStartAtLogin(true, mac)).toEqual({ method: 'login-item', openAtLogin: true });
    expect(app.calls).toEqual([{ openAtLogin: true }]);
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const config = tempDir();
    const { app, deps: linux } = deps('linux', { env: { XDG_CONFIG_HOME: config } });
    const file = path.join(config, 'autostart', 'ringdesk.desktop');
    expect(await applyStartAtLogin(true, linux)).toEqual({ method: 'xdg-autostart', file, written: true });
    const entry = await readFile(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]\nType=Application\n');
    expect(entry).toContain('\nExec=/opt/Ringdesk/ringdesk\n');
    await applyStartAtLogin(true, linux);
    await applyStartAtLogin(false, linux);
    expect(existsSync(file)).toBe(false);
    await applyStartAtLogin(false, linux);
    expect(app.calls).toEqual([]);
  });

  it('starts an AppImage from its file, and a development build with its app folder', async () => {
    const config = tempDir();
    const appImage = deps('linux', {
      env: { XDG_CONFIG_HOME: config, APPIMAGE: '/home/agent/Apps/Ringdesk.AppImage' },
    });
    await applyStartAtLogin(true, appImage.deps);
    const file = path.join(config, 'autostart', 'ringdesk.desktop');
    expect(await readFile(file, 'utf8')).toContain('\nExec=/home/agent/Apps/Ringdesk.AppImage\n');
    const dev = deps('win32', { app: new FakeLoginItems(false) });
    await applyStartAtLogin(true, { ...dev.deps, argv: ['electron.exe', '/src/ringdesk'] });
    expect(dev.app.calls[0]?.args).toEqual([path.resolve('/src/ringdesk')]);
  });

  it('finds the autostart folder as the XDG spec says', () => {
    expect(autostartFolder({ XDG_CONFIG_HOME: '/xdg' }, '/home/agent')).toBe('/xdg/autostart');
    expect(autostartFolder({}, '/home/agent')).toBe('/home/agent/.config/autostart');
    expect(autostartFolder({ XDG_CONFIG_HOME: '' }, '/home/agent')).toBe('/home/agent/.config/autostart');
    expect(autostartFolder({ XDG_CONFIG_HOME: 'relative' }, '/home/agent')).toBe(
      '/home/agent/.config/autostart',
    );
  });

  it('quotes program paths as the Desktop Entry spec says', () => {
    expect(autostartEntry(['/opt/100%/rd'])).toContain('\nExec=/opt/100%%/rd\n');
    expect(() => autostartEntry(['/opt/a\nb'])).toThrow(/control character/);
    expect(autostartEntry(['/opt/my apps/ringdesk'])).toContain('\nExec="/opt/my apps/ringdesk"\n');
  });
});
