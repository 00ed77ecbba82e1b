/**
 * build/installer.nsh for real: its customInstall and customUnInstall macros are compiled with
 * NSIS (Debian's makensis) into two small installers that insert them as electron-builder's
 * installer and uninstaller do, run under Wine in a throwaway prefix, and the registry is read
 * back with `wine reg query`. electron-builder's own installer cannot be built here (its NSIS
 * and plugins are downloaded), so this checks what our include adds to it.
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTools } from '../electron/test-support/require-tools.js';

const run = promisify(execFile);
const INCLUDE = fileURLToPath(new URL('installer.nsh', import.meta.url));
const INSTDIR = 'C:\\users\\agent\\AppData\\Local\\Programs\\ringdesk';
const COMMAND = `"${INSTDIR}\\Ringdesk.exe" "--" "%1"`;

let root = '';
let env: NodeJS.ProcessEnv = {};

/** An installer whose only section inserts `macro`, as electron-builder's sections do. */
async function compile(name: string, macro: string): Promise<string> {
  const script = path.join(root, `${name}.nsi`);
  await writeFile(
    script,
    [
      'Target amd64-unicode',
      'RequestExecutionLevel user',
      'SilentInstall silent',
      '!define PRODUCT_NAME "Ringdesk"',
      '!define APP_EXECUTABLE_FILENAME "Ringdesk.exe"',
      `!include "${INCLUDE}"`,
      `OutFile "${name}.exe"`,
      `InstallDir "${INSTDIR}"`,
      'Section',
      `  !insertmacro ${macro}`,
      'SectionEnd',
      '',
    ].join('\n'),
  );
  await run('makensis', ['-V2', script], { cwd: root });
  return path.join(root, `${name}.exe`);
}

/**
 * Runs a Wine program and resolves with its output once it exits. Output goes through a file,
 * not a pipe: the Wine server that the first call starts would inherit a pipe and hold it open
 * for seconds after every call.
 */
async function wine(...args: string[]): Promise<string> {
  const out = path.join(root, 'wine-output.txt');
  const fd = openSync(out, 'w');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('wine', args, { env, cwd: root, stdio: ['ignore', fd, 'ignore'] });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`wine ${args.join(' ')} exited with ${String(code)}`);
  } finally {
    closeSync(fd);
  }
  return readFileSync(out, 'utf8').replaceAll('\r\n', '\n');
}

/** `reg query KEY /s`, or null when the key does not exist. */
async function query(key: string): Promise<string | null> {
  try {
    return await wine('reg', 'query', key, '/s');
  } catch {
    return null;
  }
}

describeWithTools(
  'installer.nsh under Wine',
  ['makensis', 'wine', 'wineboot', 'wineserver'],
  'apt-get install -y nsis wine64',
  () => {
    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'ringdesk-nsis-'));
      env = {
        ...process.env,
        WINEPREFIX: path.join(root, 'prefix'),
        WINEDEBUG: '-all',
        WINEDLLOVERRIDES: 'mscoree,mshtml=',
      };
      await wine('wineboot', '-i');
    }, 120_000);
    afterAll(async () => {
      if (root === '') return;
      await run('wineserver', ['-k'], { env }).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    });

    it('registers tel, callto and phone for the current user and lists Ringdesk in Default Apps, and removes it all again', async () => {
      await wine(await compile('install', 'customInstall'));

      const capabilities = 'Software\\Clients\\Internet Call\\Ringdesk\\Capabilities';
      expect(await query('HKCU\\Software\\RegisteredApplications')).toMatch(
        /Ringdesk\s+REG_SZ\s+Software\\Clients\\Internet Call\\Ringdesk\\Capabilities\n/,
      );
      const declared = await query(`HKCU\\${capabilities}`);
      expect(declared).toMatch(/ApplicationName\s+REG_SZ\s+Ringdesk\n/);
      for (const scheme of ['tel', 'callto', 'phone']) {
        expect(declared).toMatch(new RegExp(`\\n\\s+${scheme}\\s+REG_SZ\\s+Ringdesk\\.PhoneLink\\n`));
        const handler = await query(`HKCU\\Software\\Classes\\${scheme}`);
        expect(handler).toMatch(/URL Protocol\s+REG_SZ/);
        expect(handler).toContain(`(Default)    REG_SZ    ${COMMAND}\n`);
      }
      expect(await query('HKCU\\Software\\Classes\\Ringdesk.PhoneLink\\shell\\open\\command')).toContain(
        COMMAND,
      );
      for (const hive of ['HKLM\\Software\\RegisteredApplications', 'HKLM\\Software\\Classes\\tel'])
        expect((await query(hive)) ?? '', hive).not.toContain('Ringdesk');

      // Meanwhile a softphone takes callto: over; uninstalling Ringdesk must leave it alone.
      await wine(
        'reg',
        'add',
        'HKCU\\Software\\Classes\\callto\\shell\\open\\command',
        '/ve',
        '/d',
        'softphone.exe "%1"',
        '/f',
      );
      // An earlier installer's unquoted guard on phone: is Ringdesk's too.
      await wine(
        'reg',
        'add',
        'HKCU\\Software\\Classes\\phone\\shell\\open\\command',
        '/ve',
        '/d',
        `"${INSTDIR}\\Ringdesk.exe" -- "%1"`,
        '/f',
      );
      await wine(await compile('uninstall', 'customUnInstall'));

      expect(await query('HKCU\\Software\\RegisteredApplications')).not.toContain('Ringdesk');
      expect(await query(`HKCU\\${capabilities}`)).toBeNull();
      expect(await query('HKCU\\Software\\Classes\\Ringdesk.PhoneLink')).toBeNull();
      expect(await query('HKCU\\Software\\Classes\\tel')).toBeNull();
      expect(await query('HKCU\\Software\\Classes\\phone')).toBeNull();
      expect((await query('HKCU\\Software\\Classes\\callto')) ?? '').toContain('softphone.exe "%1"');
    }, 120_000);
  },
);
