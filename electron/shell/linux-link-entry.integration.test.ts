/**
 * The AppImage's phone links with the real desktop plumbing, as the deb's are tested
 * (cli/link.integration.test.ts): Ringdesk writes its own entry for the AppImage file, xdg-utils
 * names it the default in a throwaway XDG environment, and a click reaches the AppImage through
 * both launchers a desktop uses: `xdg-open` (xdg-utils) and `gio open` (GLib, which GNOME and
 * Chromium-based browsers use), with the link after `--` as one argument. Unregistering removes
 * the entry and the association. The "AppImage" is a small script that writes its arguments down.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { isolatedDesktopEnv } from '../test-support/isolated-desktop.js';
import { describeWithTools } from '../test-support/require-tools.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { APPIMAGE_DESKTOP_FILE } from './linux-link-entry.js';
import { registerLinkHandler, unregisterLinkHandler, type LinkApp } from './protocol-registration.js';

const tempDir = useTempDir();

/** An "AppImage" at `folder` that writes its arguments into `argv.json` beside it. */
function fakeAppImage(folder: string): { file: string; argv: () => string[] | null } {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'Ringdesk-1.2.0.AppImage');
  const out = path.join(folder, 'argv.json');
  writeFileSync(
    file,
    `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(2)));\n`,
  );
  chmodSync(file, 0o755);
  return {
    file,
    argv: () => (existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as string[]) : null),
  };
}

/** Electron's app as far as Linux registration uses it: only for naming another app. */
const app: LinkApp = {
  setAsDefaultProtocolClient: () => {
    throw new Error('xdg-settings must not be used');
  },
  removeAsDefaultProtocolClient: () => false,
  isDefaultProtocolClient: () => false,
  getApplicationNameForProtocol: () => '',
  getName: () => 'Ringdesk',
};

function query(env: NodeJS.ProcessEnv, scheme: string): string {
  return spawnSync('xdg-mime', ['query', 'default', `x-scheme-handler/${scheme}`], {
    env,
    encoding: 'utf8',
  }).stdout.trim();
}

describeWithTools(
  'the AppImage’s phone links with xdg-utils and GLib',
  ['xdg-mime', 'xdg-open', 'gio'],
  'apt-get install -y xdg-utils libglib2.0-bin',
  () => {
    it('runs an AppImage at a plain path directly', async () => {
      const root = tempDir();
      const image = fakeAppImage(path.join(root, 'Applications'));
      const env: NodeJS.ProcessEnv = { ...isolatedDesktopEnv(root), DISPLAY: ':99', APPIMAGE: image.file };
      mkdirSync(path.join(root, 'home'), { recursive: true });
      await registerLinkHandler(
        {
          app,
          execPath: '/tmp/.mount_x/ringdesk',
          argv: [],
          defaultApp: false,
          platform: 'linux',
          env,
          homedir: path.join(root, 'home'),
        },
        { sip: false },
      );
      expect(readFileSync(path.join(root, 'data', 'applications', APPIMAGE_DESKTOP_FILE), 'utf8')).toContain(
        `Exec=${image.file} -- %u\n`,
      );
      const opened = spawnSync('xdg-open', ['phone:0211 5551234'], { env, encoding: 'utf8' });
      expect(opened.status, opened.stderr).toBe(0);
      await expect.poll(image.argv).toEqual(['--', 'phone:0211 5551234']);
    }, 60_000);

    it('writes an entry that runs the AppImage file, makes it the default, and a click reaches it; unregistering removes both', async () => {
      const root = tempDir();
      // A folder with a space and a quote, as users keep AppImages under "My Apps".
      const image = fakeAppImage(path.join(root, `My "Apps"`));
      const env: NodeJS.ProcessEnv = {
        ...isolatedDesktopEnv(root),
        // xdg-open consults scheme handlers only in a graphical session; it never connects.
        DISPLAY: ':99',
        APPIMAGE: image.file,
        // Inside an AppImage Electron sets this to the image's own entry, which the desktop cannot see.
        CHROME_DESKTOP: 'ringdesk.desktop',
      };
      mkdirSync(path.join(root, 'home'), { recursive: true });
      const deps = {
        app,
        execPath: '/tmp/.mount_RingdeXYZ/ringdesk',
        argv: ['/tmp/.mount_RingdeXYZ/ringdesk'],
        defaultApp: false,
        platform: 'linux' as const,
        env,
        homedir: path.join(root, 'home'),
      };

      const result = await registerLinkHandler(deps, { sip: false });
      expect(result).toMatchObject({ registered: ['tel', 'callto', 'phone'], refused: [] });
      const entry = path.join(root, 'data', 'applications', APPIMAGE_DESKTOP_FILE);
      expect(readFileSync(entry, 'utf8')).toContain(
        `MimeType=x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/phone;`,
      );
      expect(query(env, 'tel')).toBe(APPIMAGE_DESKTOP_FILE);
      expect(readFileSync(path.join(root, 'config', 'mimeapps.list'), 'utf8')).not.toContain(
        '=ringdesk.desktop',
      );

      const link = 'tel:+49 211 5551234';
      const opened = spawnSync('xdg-open', [link], { env, encoding: 'utf8' });
      expect(opened.status, opened.stderr).toBe(0);
      await expect.poll(image.argv).toEqual(['--', link]);

      writeFileSync(path.join(path.dirname(image.file), 'argv.json'), 'null');
      const viaGio = spawnSync('gio', ['open', 'callto:+492115559999'], { env, encoding: 'utf8' });
      expect(viaGio.status, viaGio.stderr).toBe(0);
      await expect.poll(image.argv).toEqual(['--', 'callto:+492115559999']);

      await unregisterLinkHandler(deps, ['tel', 'callto', 'phone', 'sip']);
      expect(existsSync(entry)).toBe(false);
      expect(existsSync(path.join(root, 'data', 'ringdesk', 'Ringdesk.AppImage'))).toBe(false);
      for (const scheme of ['tel', 'callto', 'phone']) expect(query(env, scheme)).toBe('');
    }, 60_000);

    it('a deb install names its installed entry, and writes none of its own', async () => {
      const root = tempDir();
      const env: NodeJS.ProcessEnv = { ...isolatedDesktopEnv(root), CHROME_DESKTOP: 'ringdesk.desktop' };
      // The deb's entry, as installed (here in the user's folder instead of /usr/share/applications).
      mkdirSync(path.join(root, 'data', 'applications'), { recursive: true });
      writeFileSync(
        path.join(root, 'data', 'applications', 'ringdesk.desktop'),
        '[Desktop Entry]\nType=Application\nName=Ringdesk\nExec=/opt/Ringdesk/ringdesk -- %U\nMimeType=x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/phone;x-scheme-handler/sip;\n',
      );
      delete env.APPIMAGE;
      const deps = {
        app,
        execPath: '/opt/Ringdesk/ringdesk',
        argv: ['/opt/Ringdesk/ringdesk'],
        defaultApp: false,
        platform: 'linux' as const,
        env,
        homedir: path.join(root, 'home'),
      };
      await registerLinkHandler(deps, { sip: true });
      expect(query(env, 'sip')).toBe('ringdesk.desktop');
      expect(existsSync(path.join(root, 'data', 'applications', APPIMAGE_DESKTOP_FILE))).toBe(false);
    }, 60_000);
  },
);
