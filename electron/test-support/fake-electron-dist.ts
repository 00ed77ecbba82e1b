/**
 * Placeholder Electron distributions for packaging tests, never shipped: electron-builder's
 * `electronDist` points at one, so `--linux/--win/--mac dir` run without downloading Electron.
 * Each holds what electron-builder touches: the executable it renames (a shell script, a tiny
 * PE with a VERSIONINFO resource built with mingw, a macOS bundle with its Info.plist files),
 * `version`, `LICENSE`, and Electron's fuse wire (the sentinel, version 1, eight fuses in
 * Electron's default states) where the real binary has it, so that electron-builder flips the
 * fuses on the placeholder exactly as it would on Electron and the test can read them back.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The sentinel @electron/fuses looks for in Electron's binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults: RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, ASAR integrity,
 * only-ASAR, browser V8 snapshot, file:// privileges ('1' on, '0' off). */
export const DEFAULT_FUSES = '10110001';
export const PLACEHOLDER_VERSION = '45.4.1';

// As C string literals: the hex escapes end their literal, so the digits after them stay digits.
const WIRE = `"${FUSE_SENTINEL}\\x01\\x08" "${DEFAULT_FUSES}"`;

async function common(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'version'), PLACEHOLDER_VERSION);
  await writeFile(path.join(dir, 'LICENSE'), 'Placeholder for packaging tests; not Electron.\n');
}

/** Linux: `electron` is a script that refuses to run, carrying the fuse wire. */
export async function fakeLinuxElectron(dir: string): Promise<string> {
  await common(dir);
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from(DEFAULT_FUSES)]);
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# placeholder for packaging tests, not Electron\n# '),
    wire,
    Buffer.from('\necho "placeholder, not Electron" >&2\nexit 1\n'),
  ]);
  await writeFile(path.join(dir, 'electron'), script);
  await chmod(path.join(dir, 'electron'), 0o755);
  return dir;
}

/** Windows: `electron.exe` is a PE built with mingw-w64 (gcc and windres must be installed). */
export async function fakeWindowsElectron(dir: string): Promise<string> {
  await common(dir);
  const source = path.join(dir, 'placeholder.c');
  const resource = path.join(dir, 'placeholder.rc');
  await writeFile(
    source,
    `#include <stdio.h>\n__attribute__((used)) const volatile char fuse_wire[] = ${WIRE};\n` +
      'int main(void) { fputs("placeholder, not Electron\\n", stderr); return fuse_wire[0] != 0; }\n',
  );
  const version = PLACEHOLDER_VERSION.replaceAll('.', ',');
  await writeFile(
    resource,
    [
      '1 VERSIONINFO',
      `FILEVERSION ${version},0`,
      `PRODUCTVERSION ${version},0`,
      'BEGIN',
      '  BLOCK "StringFileInfo"',
      '  BEGIN',
      '    BLOCK "040904b0"',
      '    BEGIN',
      '      VALUE "FileDescription", "Placeholder, not Electron"',
      '      VALUE "ProductName", "Electron"',
      `      VALUE "FileVersion", "${PLACEHOLDER_VERSION}"`,
      `      VALUE "ProductVersion", "${PLACEHOLDER_VERSION}"`,
      '      VALUE "OriginalFilename", "electron.exe"',
      '    END',
      '  END',
      '  BLOCK "VarFileInfo"',
      '  BEGIN',
      '    VALUE "Translation", 0x409, 1200',
      '  END',
      'END',
      '',
    ].join('\n'),
  );
  const compiled = path.join(dir, 'placeholder.res');
  await run('x86_64-w64-mingw32-windres', [resource, '-O', 'coff', '-o', compiled]);
  await run('x86_64-w64-mingw32-gcc', ['-O2', '-s', '-o', path.join(dir, 'electron.exe'), source, compiled]);
  await Promise.all([source, resource, compiled].map((file) => rm(file)));
  return dir;
}

function plist(entries: Record<string, string>): string {
  const body = Object.entries(entries)
    .map(([key, value]) => `<key>${key}</key><string>${value}</string>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
    `<plist version="1.0"><dict>${body}</dict></plist>\n`
  );
}

/** macOS: an `Electron.app` bundle; the fuse wire sits in the Electron Framework binary. */
export async function fakeMacElectron(dir: string): Promise<string> {
  await common(dir);
  const contents = path.join(dir, 'Electron.app', 'Contents');
  const helper = path.join(contents, 'Frameworks', 'Electron Helper.app', 'Contents');
  const framework = path.join(contents, 'Frameworks', 'Electron Framework.framework');
  for (const folder of [
    path.join(contents, 'MacOS'),
    path.join(contents, 'Resources'),
    path.join(helper, 'MacOS'),
    framework,
  ])
    await mkdir(folder, { recursive: true });
  const info = {
    CFBundleName: 'Electron',
    CFBundleVersion: PLACEHOLDER_VERSION,
    CFBundleIconFile: 'electron.icns',
  };
  await writeFile(
    path.join(contents, 'Info.plist'),
    plist({ ...info, CFBundleExecutable: 'Electron', CFBundleIdentifier: 'com.github.Electron' }),
  );
  await writeFile(
    path.join(helper, 'Info.plist'),
    plist({
      ...info,
      CFBundleExecutable: 'Electron Helper',
      CFBundleIdentifier: 'com.github.Electron.helper',
    }),
  );
  const stub = '#!/bin/sh\necho "placeholder, not Electron" >&2\nexit 1\n';
  await writeFile(path.join(contents, 'MacOS', 'Electron'), stub, { mode: 0o755 });
  await writeFile(path.join(helper, 'MacOS', 'Electron Helper'), stub, { mode: 0o755 });
  await writeFile(
    path.join(framework, 'Electron Framework'),
    Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from(DEFAULT_FUSES)]),
  );
  return dir;
}
