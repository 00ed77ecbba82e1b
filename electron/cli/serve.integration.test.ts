/**
 * `ringdesk serve --demo` as a user runs it, driven by `ringdesk sim` and `ringdesk calls` in
 * other processes, then stopped with SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      server.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split('\n')[0];
        if (stdout.includes('\n') && line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${stderr}`)));
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
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

      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      server.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    expect(code).toBe(0);
    expect(existsSync(path.join(home, 'host.json'))).toBe(false);
    expect(existsSync(path.join(home, 'demo', 'journal.jsonl'))).toBe(true);
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
