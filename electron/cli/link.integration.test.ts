/**
 * `ringdesk link` with the real desktop plumbing: xdg-utils registers the CLI as the tel handler
 * in a throwaway XDG environment, `xdg-open tel:...` reaches a running `ringdesk serve` and the
 * simulator dials; GLib's own desktop-entry parser (`gio launch`) reads the Exec line back into
 * exactly the opener's arguments, even for hostile paths and a hostile link.
 */
import { isolatedDesktopEnv } from '../test-support/isolated-desktop.js';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithTools } from '../test-support/require-tools.js';
import { ringdesk, startServe } from '../test-support/serve-process.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { linkDesktopEntry, linkSchemes } from './link-desktop-entry.js';

const tempDir = useTempDir();

/** A throwaway user: HOME, XDG data and config folders, settings with the given links options. */
function desktopUser(links: { confirm: boolean }) {
  const root = tempDir();
  const env: NodeJS.ProcessEnv = {
    ...isolatedDesktopEnv(root),
    // xdg-open consults scheme handlers only in a graphical session; it only checks that one is
    // announced and never connects to it.
    DISPLAY: ':99',
  };
  const settings = path.join(root, 'config', 'Ringdesk', 'config.json');
  mkdirSync(path.dirname(settings), { recursive: true });
  mkdirSync(path.join(root, 'home'));
  writeFileSync(
    settings,
    JSON.stringify({
      dialingRules: { countryCode: '49', areaCode: '211', outsideLineAccess: '0' },
      line: { provider: 'simulator', line: '12' },
      links,
    }),
  );
  return { root, env };
}

async function dialled(host: { url: string; key: string }): Promise<{ number: string; dialable: string }[]> {
  const answer = await fetch(new URL('api/sim/dialled', host.url), {
    headers: { Authorization: `Bearer ${host.key}` },
  });
  return ((await answer.json()) as { dialled: { number: string; dialable: string }[] }).dialled;
}

describeWithTools(
  'ringdesk link with xdg-utils and GLib',
  ['xdg-mime', 'xdg-open', 'gio'],
  'apt-get install -y xdg-utils libglib2.0-bin',
  () => {
    it('registers as the tel handler, and xdg-open tel:... dials on the running host', async () => {
      const { root, env } = desktopUser({ confirm: false });
      const registered = ringdesk(env, 'link', 'register');
      expect(registered.stderr).toMatch(/a browser asks before .* only on https or localhost pages/);
      expect(registered.status).toBe(0);
      const desktopFile = path.join(root, 'data', 'applications', 'ringdesk-link.desktop');
      expect(JSON.parse(registered.stdout)).toMatchObject({
        registered: ['tel', 'callto', 'phone'],
        refused: [],
        desktopFile,
      });
      const query = spawnSync('xdg-mime', ['query', 'default', 'x-scheme-handler/tel'], {
        env,
        encoding: 'utf8',
      });
      expect(query.stdout.trim()).toBe('ringdesk-link.desktop');

      const host = await startServe(env);
      try {
        const opened = spawnSync('xdg-open', ['tel:+49-211-5551234'], { env, encoding: 'utf8' });
        expect(opened.status, opened.stderr).toBe(0);
        await expect
          .poll(() => dialled(host), { timeout: 10_000 })
          .toEqual([expect.objectContaining({ line: '12', dialable: '05551234' })]);
      } finally {
        expect(await host.stop()).toBe(0);
      }

      const unregistered = ringdesk(env, 'link', 'unregister');
      expect(JSON.parse(unregistered.stdout)).toMatchObject({
        unregistered: ['tel', 'callto', 'phone'],
        removed: true,
      });
      expect(existsSync(desktopFile)).toBe(false);
      const after = spawnSync('xdg-mime', ['query', 'default', 'x-scheme-handler/tel'], {
        env,
        encoding: 'utf8',
      });
      expect(after.stdout.trim()).toBe('');
    }, 60_000);

    it('GLib reads the Exec line back into exactly the opener’s arguments, for hostile paths too', async () => {
      const root = tempDir();
      const odd = path.join(root, `it's "odd" $HOME \`id\` 100% \\ (x)`);
      mkdirSync(odd);
      const argvFile = path.join(root, 'argv.json');
      const script = path.join(odd, 'ringdesk.js');
      writeFileSync(
        script,
        `require('node:fs').writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify(process.argv.slice(1)));\n`,
      );
      const node = path.join(odd, 'no de');
      symlinkSync(process.execPath, node);
      chmodSync(script, 0o644);
      const entry = path.join(root, 'ringdesk-link.desktop');
      writeFileSync(entry, linkDesktopEntry({ node, script }, linkSchemes(false)));
      const link = 'tel:+49 211;$(touch pwned) --inspect "x"';
      const launched = spawnSync('gio', ['launch', entry, link], {
        env: { PATH: process.env.PATH, HOME: root },
        encoding: 'utf8',
        cwd: root,
      });
      expect(launched.status, launched.stderr).toBe(0);
      await expect
        .poll(() => (existsSync(argvFile) ? (JSON.parse(readFileSync(argvFile, 'utf8')) as string[]) : null))
        .toEqual([script, 'link', 'open', '--', link]);
      expect(existsSync(path.join(root, 'pwned'))).toBe(false);
    });
  },
);

describe('ringdesk link open', () => {
  it('prints the pending confirmation when the settings ask for one, and dials nothing yet', async () => {
    const { env } = desktopUser({ confirm: true });
    const host = await startServe(env);
    try {
      const opened = ringdesk(env, 'link', 'open', '--', 'tel:+49-211-5551234');
      expect(opened.status).toBe(0);
      expect(JSON.parse(opened.stdout)).toMatchObject({
        callId: null,
        dialable: '05551234',
        confirmationId: expect.any(String) as unknown,
      });
      expect(opened.stderr).toMatch(/asks the agent to confirm dialling 05551234/);
      expect(await dialled(host)).toEqual([]);
    } finally {
      await host.stop();
    }
  });

  it('reports the host’s reason for a link it refuses, and dials nothing', async () => {
    const { env } = desktopUser({ confirm: false });
    const host = await startServe(env);
    try {
      const opened = ringdesk(env, 'link', 'open', '--', 'tel:123 --inspect');
      expect(opened.status).toBe(0);
      expect(JSON.parse(opened.stdout)).toEqual({
        input: 'tel:123 --inspect',
        error: expect.stringMatching(/^refused link: /) as unknown,
      });
      expect(await dialled(host)).toEqual([]);
    } finally {
      await host.stop();
    }
  });

  it('says clearly when no host is running', () => {
    const { env } = desktopUser({ confirm: false });
    const opened = ringdesk(env, 'link', 'open', '--url', 'http://127.0.0.1:9/', '--', 'tel:12');
    expect(opened.status).toBe(1);
    expect(opened.stdout).toBe('');
    expect(opened.stderr).toMatch(/no Ringdesk host at http:\/\/127\.0\.0\.1:9\/.*ringdesk serve/);
  });
});
