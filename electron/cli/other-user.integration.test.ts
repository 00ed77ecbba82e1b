/**
 * Another user of the same machine (a terminal server: every agent's host on 127.0.0.1) against
 * a running `ringdesk serve`: as `nobody` (runuser), it cannot read the host file, so the CLI has
 * no key and the host answers 401 to it and to a hand-made request with the right Host header.
 * Runs as root (runuser needs it); CI runs as root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingTools } from '../test-support/require-tools.js';
import { RINGDESK_BIN, startServe } from '../test-support/serve-process.js';
import { useTempDir } from '../test-support/temp-dir.js';

const tempDir = useTempDir();
const OTHER_USER = 'nobody';

function whyNot(): string | null {
  if (process.platform === 'win32') return 'runuser exists on Linux only';
  if (process.getuid?.() !== 0) return 'runuser needs root (CI runs as root)';
  const missing = missingTools(['runuser']);
  return missing.length > 0 ? 'runuser is missing (util-linux)' : null;
}

const reason = whyNot();
if (reason !== null && process.env.CI === 'true')
  throw new Error(`the second-user test cannot run: ${reason}`);
if (reason !== null) process.stderr.write(`\n!!! SKIPPING the second-user test: ${reason}\n\n`);

/** Runs `command` as the other user, with `env` only. */
function asOtherUser(env: Record<string, string>, command: string[]) {
  return spawnSync(
    'runuser',
    ['-u', OTHER_USER, '--', 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...command],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

describe.skipIf(reason !== null)('a second user of the machine', () => {
  it('cannot read the host file and gets 401 from the API and the CLI', async () => {
    const home = tempDir();
    // Even where the other user may look into the profile's folder, the host file stays closed.
    chmodSync(home, 0o755);
    const host = await startServe({ ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' });
    try {
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', RINGDESK_HOME: home, HOME: '/tmp' };
      const read = asOtherUser(env, ['cat', path.join(home, 'host.json')]);
      expect(read.status).not.toBe(0);
      expect(read.stderr).toMatch(/Permission denied/);

      const calls = asOtherUser(env, [process.execPath, RINGDESK_BIN, 'calls', '--url', host.url]);
      expect(calls.stderr).toMatch(/needs its key, and .*host\.json cannot be read/);
      expect(calls.status).toBe(1);

      const port = new URL(host.url).port;
      const script = `fetch('${host.url}api/sim/incoming',{method:'POST',headers:{'Content-Type':'application/json',Host:'127.0.0.1:${port}'},body:'{"from":"12"}'}).then(r=>console.log(r.status))`;
      const direct = asOtherUser(env, [process.execPath, '-e', script]);
      expect(direct.stdout.trim()).toBe('401');

      // The owner, with the same CLI, gets through: the refusals were the key's doing.
      const owner = spawnSync(process.execPath, [RINGDESK_BIN, 'calls'], {
        env: { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' },
        encoding: 'utf8',
      });
      expect(owner.status).toBe(0);
      expect(owner.stdout).toBe('');
    } finally {
      await host.stop();
    }
  });
});
