/**
 * The installed command for real: `bin/ringdesk.js` as `npx ringdesk` runs it, in a child
 * process, with real stdio and exit statuses.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';

const bin = fileURLToPath(new URL('../../bin/ringdesk.js', import.meta.url));
const tempDir = useTempDir();

function ringdesk(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, RINGDESK_HOME: tempDir(), RINGDESK_CONFIG: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/ringdesk.js', () => {
  it('completes ConSol CM/Phone’s example and exits 0', () => {
    const dir = tempDir({
      'rules.json': JSON.stringify({
        countryCode: '49',
        areaCode: '211',
        baseNumber: '339903',
        extensionMaxLength: 3,
      }),
    });
    const result = ringdesk([
      'number',
      '--rules',
      `${dir}/rules.json`,
      '--',
      '12',
      '33990312',
      '21133990312',
    ]);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { e164: string });
    expect(lines.map((line) => line.e164)).toEqual(['+4921133990312', '+4921133990312', '+4921133990312']);
    expect(result.stderr).toBe('');
  });

  it('reads links from a pipe', () => {
    const result = ringdesk(['uri'], 'tel:+44-20-7946-0958\nnot a link\n');
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ e164: '+442079460958', kind: 'international' });
    expect(lines[1]).toMatchObject({
      input: 'not a link',
      error: expect.stringMatching(/not a link/) as unknown,
    });
  });

  it('exits 2 with a message on stderr for a usage error', () => {
    const result = ringdesk(['number', '--nope']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/usage: ringdesk number/);
  });
});
