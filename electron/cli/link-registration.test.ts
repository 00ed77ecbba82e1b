import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeXdgMime } from '../test-support/fake-xdg-mime.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { DesktopEntryError } from '../shell/desktop-entry.js';
import {
  applicationsDir,
  defaultOpenerCommand,
  LinkRegistrationError,
  mimeappsListFile,
  registerLinkOpener,
  unregisterLinkOpener,
} from './link-registration.js';

const tempDir = useTempDir();
const command = { node: '/usr/bin/node', script: '/opt/ringdesk/bin/ringdesk.js' };

function environment(env: Record<string, string> = {}) {
  const home = tempDir();
  return {
    platform: 'linux' as const,
    homeDir: home,
    env: { XDG_DATA_HOME: '', XDG_CONFIG_HOME: '', ...env },
  };
}

describe('registerLinkOpener', () => {
  it('writes the entry under ~/.local/share/applications and makes it the default for each scheme', async () => {
    const where = environment();
    const xdg = new FakeXdgMime();
    const result = await registerLinkOpener({ ...where, sip: false, run: xdg.run, command });
    const file = path.join(where.homeDir, '.local', 'share', 'applications', 'ringdesk-link.desktop');
    expect(result).toEqual({
      registered: ['tel', 'callto', 'phone'],
      refused: [],
      steps: ['browser-confirm'],
      schemes: [
        { scheme: 'tel', state: 'handled' },
        { scheme: 'callto', state: 'handled' },
        { scheme: 'phone', state: 'handled' },
      ],
      desktopFile: file,
      exec: '/usr/bin/node /opt/ringdesk/bin/ringdesk.js link open -- %u',
    });
    expect(readFileSync(file, 'utf8')).toContain(
      'Exec=/usr/bin/node /opt/ringdesk/bin/ringdesk.js link open -- %u\n',
    );
    expect(xdg.calls).toContainEqual(['default', 'ringdesk-link.desktop', 'x-scheme-handler/tel']);
    expect([...xdg.defaults.keys()]).toEqual([
      'x-scheme-handler/tel',
      'x-scheme-handler/callto',
      'x-scheme-handler/phone',
    ]);
  });

  it('honours XDG_DATA_HOME and registers sip when asked', async () => {
    const where = environment();
    const data = tempDir();
    const xdg = new FakeXdgMime();
    const result = await registerLinkOpener({
      ...where,
      env: { XDG_DATA_HOME: data },
      sip: true,
      run: xdg.run,
      command,
    });
    expect(result.desktopFile).toBe(path.join(data, 'applications', 'ringdesk-link.desktop'));
    expect(result.registered).toEqual(['tel', 'callto', 'phone', 'sip']);
  });

  it('ignores a relative XDG_DATA_HOME or XDG_CONFIG_HOME, as the XDG spec says', () => {
    const where = {
      platform: 'linux' as const,
      homeDir: '/home/agent',
      env: { XDG_DATA_HOME: 'rel', XDG_CONFIG_HOME: 'rel' },
    };
    expect(applicationsDir(where)).toBe('/home/agent/.local/share/applications');
    expect(mimeappsListFile(where)).toBe('/home/agent/.config/mimeapps.list');
  });

  it('reports schemes whose default stays with another application', async () => {
    const where = environment();
    const xdg = new FakeXdgMime();
    xdg.pinned.set('x-scheme-handler/callto', 'skype.desktop');
    const result = await registerLinkOpener({ ...where, sip: false, run: xdg.run, command });
    expect(result.registered).toEqual(['tel', 'phone']);
    expect(result.refused).toEqual(['callto']);
    expect(result.schemes).toContainEqual({ scheme: 'callto', state: 'other', app: 'skype.desktop' });
  });

  it('refuses off Linux, saying the desktop app registers itself, and writes nothing', async () => {
    const where = environment();
    const xdg = new FakeXdgMime();
    const attempt = registerLinkOpener({ ...where, platform: 'win32', sip: false, run: xdg.run, command });
    await expect(attempt).rejects.toThrow(LinkRegistrationError);
    await expect(attempt).rejects.toThrow(/on win32 the Ringdesk desktop app registers itself/);
    expect(xdg.calls).toEqual([]);
    expect(existsSync(path.join(where.homeDir, '.local'))).toBe(false);
  });

  it('says to install xdg-utils when xdg-mime is missing, and writes nothing', async () => {
    const where = environment();
    const xdg = new FakeXdgMime();
    xdg.missing = true;
    await expect(registerLinkOpener({ ...where, sip: false, run: xdg.run, command })).rejects.toThrow(
      /xdg-mime was not found: install xdg-utils/,
    );
    expect(existsSync(path.join(where.homeDir, '.local'))).toBe(false);
  });

  it('passes on what xdg-mime said when it fails', async () => {
    const where = environment();
    const run = (_file: string, args: readonly string[]) =>
      args[0] === '--version'
        ? Promise.resolve('xdg-mime 1.1.3')
        : Promise.reject(Object.assign(new Error('exit 4'), { stderr: 'xdg-mime: no write permission\n' }));
    await expect(registerLinkOpener({ ...where, sip: false, run, command })).rejects.toThrow(
      'xdg-mime default ringdesk-link.desktop x-scheme-handler/tel failed: xdg-mime: no write permission',
    );
  });

  it('refuses paths no desktop entry can carry before changing anything', async () => {
    const where = environment();
    const xdg = new FakeXdgMime();
    const attempt = registerLinkOpener({
      ...where,
      sip: false,
      run: xdg.run,
      command: { node: '/usr/bin/node', script: '/opt/ring\ndesk/bin/ringdesk.js' },
    });
    await expect(attempt).rejects.toThrow(DesktopEntryError);
    expect(xdg.calls).toEqual([]);
    expect(existsSync(path.join(where.homeDir, '.local'))).toBe(false);
  });

  it('by default runs this Node and this package’s bin/ringdesk.js, with RINGDESK_HOME when set', () => {
    const plain = defaultOpenerCommand({ platform: 'linux', homeDir: '/h', env: {} });
    expect(plain.node).toBe(process.execPath);
    expect(readFileSync(plain.script, 'utf8')).toContain('dist/cli/ringdesk.js');
    expect(plain.env).toBeUndefined();
    const homed = defaultOpenerCommand({
      platform: 'linux',
      homeDir: '/h',
      env: { RINGDESK_HOME: '/srv/ringdesk' },
    });
    expect(homed.env).toEqual({ RINGDESK_HOME: '/srv/ringdesk' });
  });
});

describe('unregisterLinkOpener', () => {
  it('removes the entry and its associations, leaving other applications’ alone', async () => {
    const where = environment();
    const xdg = new FakeXdgMime();
    const { desktopFile } = await registerLinkOpener({ ...where, sip: false, run: xdg.run, command });
    const list = path.join(where.homeDir, '.config', 'mimeapps.list');
    mkdirSync(path.dirname(list), { recursive: true });
    writeFileSync(
      list,
      '[Default Applications]\nx-scheme-handler/tel=ringdesk-link.desktop\nx-scheme-handler/http=firefox.desktop\n',
    );
    expect(await unregisterLinkOpener(where)).toEqual({ unregistered: ['tel'], desktopFile, removed: true });
    expect(existsSync(desktopFile)).toBe(false);
    expect(readFileSync(list, 'utf8')).toBe(
      '[Default Applications]\nx-scheme-handler/http=firefox.desktop\n',
    );
  });

  it('is harmless when nothing was registered', async () => {
    const where = environment();
    expect(await unregisterLinkOpener(where)).toMatchObject({ unregistered: [], removed: false });
    expect(existsSync(path.join(where.homeDir, '.config'))).toBe(false);
  });

  it('refuses off Linux', async () => {
    await expect(unregisterLinkOpener({ ...environment(), platform: 'darwin' })).rejects.toThrow(/on darwin/);
  });
});
