/**
 * `ringdesk serve --demo` as a user runs it, driven by `ringdesk sim` and `ringdesk calls` in
 * other processes, then stopped with SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ringdesk, startServe } from '../test-support/serve-process.js';
import { useTempDir } from '../test-support/temp-dir.js';

const bin = fileURLToPath(new URL('../../bin/ringdesk.js', import.meta.url));
const tempDir = useTempDir();

describe('ringdesk serve, sim and calls', () => {
  it('serves the demo, pops up a simulated caller, lists the call and stops cleanly', async () => {
    const home = tempDir();
    const env = { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' };
    const server = spawn(process.execPath, [bin, 'serve', '--demo', '--port', '0'], { env });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const { url, open } = await new Promise<{ url: string; open: string }>((resolve, reject) => {
      let stdout = '';
      server.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split('\n')[0];
        if (stdout.includes('\n') && line !== undefined)
          resolve(JSON.parse(line) as { url: string; open: string });
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${stderr}`)));
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      // The line by its product, never the settings' identifier ("simulator").
      await expect.poll(() => stderr).toMatch(/Ringdesk is serving on \S+ \(line \S+ on Simulator\)\./);
      const ringdesk = (...args: string[]) =>
        spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });

      const incoming = ringdesk('sim', 'incoming', '0211 5550200');
      expect(incoming.status).toBe(0);
      const { callId } = JSON.parse(incoming.stdout) as { callId: string };
      await expect
        .poll(() => {
          const calls = ringdesk('calls');
          return calls.stdout.includes('Jana Schneider') && calls.stdout.includes(callId);
        })
        .toBe(true);

      expect(JSON.parse(ringdesk('sim', 'hangup', callId).stdout)).toMatchObject({ callId, state: 'missed' });
      const again = ringdesk('sim', 'hangup', callId);
      expect(again.status).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        input: callId,
        error: expect.stringMatching(/is over/) as unknown,
      });
      await expect
        .poll(() => ringdesk('calls').stdout)
        .toMatch(new RegExp(`"callId":"${callId}","direction":"incoming","state":"missed"`));

      expect((await fetch(url)).status).toBe(401);
      const cookie = (await fetch(open)).headers.get('set-cookie')?.split(';')[0] ?? '';
      const page = await fetch(url, { headers: { Cookie: cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      server.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    expect(code).toBe(0);
    // The demo has its own host file: it keeps the demo's key (0600) and no longer names a host.
    expect(existsSync(path.join(home, 'host.json'))).toBe(false);
    const demoHostFile = path.join(home, 'demo', 'host.json');
    expect(statSync(demoHostFile).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(demoHostFile, 'utf8')) as object)).toEqual(['key']);
    expect(statSync(path.join(home, 'demo')).mode & 0o777).toBe(0o700);
    expect(existsSync(path.join(home, 'demo', 'journal.jsonl'))).toBe(true);
  });

  it('keeps one key per profile across restarts, apart from the demo’s, and refuses the API without it', async () => {
    const home = tempDir();
    const env = { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' };
    const first = await startServe(env);
    const demo = await startServe(env, ['--demo']);
    try {
      expect(new URL(first.open).pathname).toBe('/');
      expect(first.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(demo.key).not.toBe(first.key);
      expect((await fetch(new URL('api/status', first.url))).status).toBe(401);
      const withKey = await fetch(new URL('api/status', first.url), {
        headers: { Authorization: `Bearer ${first.key}` },
      });
      expect(withKey.status).toBe(200);
      expect(
        (await fetch(new URL('api/status', first.url), { headers: { Authorization: `Bearer ${demo.key}` } }))
          .status,
      ).toBe(401);
      // The CLI picks the key of the host it talks to: the profile's by default, the demo's by --url.
      expect(JSON.parse(ringdesk(env, 'sim', 'incoming', '12').stdout)).toMatchObject({ callId: 'sim-1' });
      expect(ringdesk(env, 'sim', 'dialled', '--url', demo.url).status).toBe(0);
      expect(
        ringdesk({ ...env, RINGDESK_KEY: 'not-the-key-0123456789abcdefghijklmn' }, 'calls').stderr,
      ).toMatch(/refused the key/);
      expect(statSync(path.join(home, 'host.json')).mode & 0o777).toBe(0o600);
    } finally {
      await demo.stop();
      expect(await first.stop()).toBe(0);
    }
    const again = await startServe(env);
    try {
      expect(again.key).toBe(first.key);
    } finally {
      await again.stop();
    }
  });

  it('warns that --host on a network address puts the API on the network, behind the key', async () => {
    const home = tempDir();
    const host = await startServe({ ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' }, [
      '--demo',
      '--host',
      '0.0.0.0',
    ]);
    try {
      await expect
        .poll(() => host.stderr())
        .toMatch(/--host 0\.0\.0\.0: the API is now reachable from the network, behind the key only/);
    } finally {
      await host.stop();
    }
    const local = await startServe({ ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' }, ['--demo']);
    await local.stop();
    expect(local.stderr()).not.toMatch(/reachable from the network/);
  });

  it('starts on a broken settings file as the desktop app does: the simulator runs, the problems are named and kept to fix', async () => {
    const home = tempDir({ 'config.json': '{"line": {"provider": "ami", "host": "pbx"}, "directories": 7}' });
    const env = { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' };
    const host = await startServe(env);
    try {
      expect(host.stderr()).toMatch(/warning: settings: .*directories/);
      const headers = { Authorization: `Bearer ${host.key}` };
      const status = (await (await fetch(`${host.url}api/status`, { headers })).json()) as {
        line: { provider: string; state: string };
      };
      expect(status.line).toMatchObject({ provider: 'simulator', state: 'connected' });
      const settings = (await (
        await fetch(`${host.url}api/command/getSettings`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json', Origin: host.url.replace(/\/$/, '') },
          body: '{}',
        })
      ).json()) as { problems: { path: string }[] };
      expect(settings.problems.map((problem) => problem.path)).toContain('directories');
    } finally {
      await host.stop();
    }
  });

  it('on a port in use says so in one line and exits 2, without starting a second host', async () => {
    const home = tempDir();
    const env = { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' };
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>(
        (resolve) => {
          const child = spawn(process.execPath, [bin, 'serve', '--demo', '--port', String(port)], { env });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.once('exit', (status) => {
            resolve({ status, stdout, stderr });
          });
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(
        `ringdesk serve: port ${port} is in use: is Ringdesk already running? use --port`,
      );
      // Nothing was announced: `sim` and `link open` do not go looking for a host that never ran.
      expect(result.stdout).toBe('');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('says clearly when no host is running', () => {
    const result = spawnSync(
      process.execPath,
      [bin, 'sim', 'incoming', '12', '--url', 'http://127.0.0.1:9/'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no Ringdesk host at http:\/\/127\.0\.0\.1:9\/.*ringdesk serve/);
  });
});
