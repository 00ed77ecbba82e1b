/**
 * The `ringdesk` command as a user gets it from a package: `npm pack` of this repository,
 * installed into an empty folder with production dependencies only (no TypeScript, no tsx, no
 * dev tools), then run. Proves the package carries the bundled CLI and what it reads at run
 * time (the renderer, the templates, the demo).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../electron/test-support/serve-process.js';
import { useTempDir } from '../electron/test-support/temp-dir.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const tempDir = useTempDir();
let work = '';
let installed = '';

function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

beforeAll(() => {
  expect(existsSync(path.join(repo, 'dist', 'cli', 'ringdesk.js')), 'run npm run build:cli first').toBe(true);
  work = mkdtempSync(path.join(tmpdir(), 'ringdesk-pack-'));
  // --ignore-scripts: pack what `npm ci` / `npm run build:cli` built, without rebuilding it here.
  npm(['pack', '--ignore-scripts', '--pack-destination', work], repo);
  const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack wrote no tarball');
  installed = path.join(work, 'app');
  mkdirSync(installed);
  writeFileSync(path.join(installed, 'package.json'), JSON.stringify({ name: 'agent-desk', private: true }));
  npm(['install', '--omit=dev', '--prefer-offline', path.join(work, tarball)], installed);
}, 180_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('the packed ringdesk command', () => {
  it('installs without dev dependencies and completes a number', () => {
    const modules = path.join(installed, 'node_modules');
    for (const dev of ['tsx', 'typescript', 'esbuild', 'vite', 'electron']) {
      expect(existsSync(path.join(modules, dev)), `${dev} is not installed`).toBe(false);
    }
    const rules = path.join(installed, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify({ countryCode: '49', areaCode: '211', baseNumber: '339903', extensionMaxLength: 3 }),
    );
    const result = spawnSync(
      process.execPath,
      [path.join(modules, '.bin', 'ringdesk'), 'number', '--rules', rules, '--', '12'],
      { encoding: 'utf8', env: { ...process.env, RINGDESK_HOME: tempDir(), RINGDESK_CONFIG: '' } },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ e164: '+4921133990312', dialable: '12' });
  });

  it('serves the demo from the installed package', async () => {
    const bin = path.join(installed, 'node_modules', 'ringdesk', 'bin', 'ringdesk.js');
    const home = tempDir();
    const host = await startServe(
      { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' },
      ['--demo'],
      bin,
    );
    try {
      const page = await fetch(host.url, { headers: { Authorization: `Bearer ${host.key}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await host.stop();
    }
  });
});
