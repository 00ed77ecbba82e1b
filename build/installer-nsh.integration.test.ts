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

/**
 * An installer whose only section inserts `macro`, as electron-builder's sections do, with
 * `${isUpdated}` true when it runs with `--updated`. electron-builder defines it the same way
 * (nsisScriptGenerator.js: the `updated` command-line flag, read with StdUtils.TestParameter, a
 * plugin Debian's NSIS lacks; FileFunc's GetOptions reads the same switch here).
 */
async function compile(name: string, macro: string): Promise<string> {
  const script = path.join(root, `${name}.nsi`);
  await writeFile(
    script,
    [
      'Target amd64-unicode',
      'RequestExecutionLevel user',
      'SilentInstall silent',
      '!include LogicLib.nsh',
      '!include FileFunc.nsh',
      'Var updated',
      '!macro _isUpdated _a _b _t _f',
      '  StrCmp $updated "1" `${_t}` `${_f}`',
      '!macroend',
      '!define isUpdated `"" isUpdated ""`',
      '!define PRODUCT_NAME "Ringdesk"',
      '!define APP_EXECUTABLE_FILENAME "Ringdesk.exe"',
      `!include "${INCLUDE}"`,
      `OutFile "${name}.exe"`,
      `InstallDir "${INSTDIR}"`,
      'Section',
      '  StrCpy $updated "0"',
      '  ${GetParameters} $R0',
      '  ClearErrors',
      '  ${GetOptions} $R0 "--updated" $R1',
      '  ${IfNot} ${Errors}',
      '    StrCpy $updated "1"',
      '  ${EndIf}',
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

    it('lists tel, callto, phone and sip in Default Apps, takes no scheme another app owns, leaves everything alone on update, and removes only its own', async () => {
      const reg = (key: string, value: string, data: string) =>
        wine('reg', 'add', key, ...(value === '' ? ['/ve'] : ['/v', value]), '/d', data, '/f');
      // Before Ringdesk: Teams has its own per-user tel command.
      await reg('HKCU\\Software\\Classes\\tel\\shell\\open\\command', '', 'teams.exe "%1"');
      const install = await compile('install', 'customInstall');
      const uninstall = await compile('uninstall', 'customUnInstall');
      await wine(install);

      const capabilities = 'Software\\Clients\\Internet Call\\Ringdesk\\Capabilities';
      expect(await query('HKCU\\Software\\RegisteredApplications')).toMatch(
        /Ringdesk\s+REG_SZ\s+Software\\Clients\\Internet Call\\Ringdesk\\Capabilities\n/,
      );
      const declared = await query(`HKCU\\${capabilities}`);
      expect(declared).toMatch(/ApplicationName\s+REG_SZ\s+Ringdesk\n/);
      for (const scheme of ['tel', 'callto', 'phone', 'sip'])
        expect(declared).toMatch(new RegExp(`\\n\\s+${scheme}\\s+REG_SZ\\s+Ringdesk\\.PhoneLink\\n`));
      for (const scheme of ['callto', 'phone']) {
        const handler = await query(`HKCU\\Software\\Classes\\${scheme}`);
        expect(handler).toMatch(/URL Protocol\s+REG_SZ/);
        expect(handler).toContain(`(Default)    REG_SZ    ${COMMAND}\n`);
      }
      // Teams keeps its tel command; sip is only declared (the app registers it when links.sip is on).
      expect(await query('HKCU\\Software\\Classes\\tel')).toContain('teams.exe "%1"');
      expect(await query('HKCU\\Software\\Classes\\sip')).toBeNull();
      expect(await query('HKCU\\Software\\Classes\\Ringdesk.PhoneLink\\shell\\open\\command')).toContain(
        COMMAND,
      );
      for (const hive of ['HKLM\\Software\\RegisteredApplications', 'HKLM\\Software\\Classes\\tel'])
        expect((await query(hive)) ?? '', hive).not.toContain('Ringdesk');

      // An update: the old uninstaller and the new installer run with --updated. A value Ringdesk
      // would write again on registering shows whether the scheme was re-registered.
      await reg('HKCU\\Software\\Classes\\callto\\DefaultIcon', '', 'marker.ico');
      await wine(uninstall, '--updated');
      expect(await query('HKCU\\Software\\RegisteredApplications')).toContain('Ringdesk');
      expect(await query('HKCU\\Software\\Classes\\phone')).toContain(COMMAND);
      await wine(install, '--updated');
      expect(await query('HKCU\\Software\\Classes\\callto\\DefaultIcon')).toContain('marker.ico');
      expect(await query(`HKCU\\${capabilities}\\URLAssociations`)).toContain('sip');

      // Meanwhile the app registered sip (links.sip on), and a softphone took callto: over.
      await reg('HKCU\\Software\\Classes\\sip\\shell\\open\\command', '', COMMAND);
      await reg('HKCU\\Software\\Classes\\callto\\shell\\open\\command', '', 'softphone.exe "%1"');
      // An earlier installer's unquoted guard on phone: is Ringdesk's too.
      await reg(
        'HKCU\\Software\\Classes\\phone\\shell\\open\\command',
        '',
        `"${INSTDIR}\\Ringdesk.exe" -- "%1"`,
      );
      await wine(uninstall);

      expect(await query('HKCU\\Software\\RegisteredApplications')).not.toContain('Ringdesk');
      expect(await query(`HKCU\\${capabilities}`)).toBeNull();
      expect(await query('HKCU\\Software\\Classes\\Ringdesk.PhoneLink')).toBeNull();
      expect(await query('HKCU\\Software\\Classes\\phone')).toBeNull();
      expect(await query('HKCU\\Software\\Classes\\sip')).toBeNull();
      expect((await query('HKCU\\Software\\Classes\\callto')) ?? '').toContain('softphone.exe "%1"');
      expect((await query('HKCU\\Software\\Classes\\tel')) ?? '').toContain('teams.exe "%1"');
    }, 180_000);
  },
);
