/**
 * Builds the TAPI bridge (native/tapi-bridge/src → tapi-bridge.exe) with mingw-w64, and on
 * request the mock tapi32.dll the Wine tests load instead of Wine's stub TAPI (native/
 * tapi-bridge/mock → mock/tapi32.dll, in its own folder so it can never sit beside a bridge
 * that is shipped). Warnings are errors (-Wall -Wextra -Werror); a missing compiler fails with
 * a message that says what to install.
 *
 * As a script (`npm run build:tapi`): `tsx build/build-tapi-bridge.ts [--out DIR] [--mock]`,
 * default DIR dist/native. Works on Linux (apt-get install gcc-mingw-w64-x86-64) and on Windows
 * with MSYS2's mingw-w64 (set TAPI_BRIDGE_CC=gcc there).
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The native sources, in the repository. */
export const TAPI_BRIDGE_SOURCES = fileURLToPath(new URL('../native/tapi-bridge/', import.meta.url));

/** The compiler when neither the options nor TAPI_BRIDGE_CC name one. */
export const DEFAULT_COMPILER = 'x86_64-w64-mingw32-gcc';

const FLAGS = ['-O2', '-Wall', '-Wextra', '-Werror', '-std=c11', '-s', '-static'];

/** The build cannot be done: no compiler, or the sources do not compile. */
export class TapiBuildError extends Error {
  override readonly name = 'TapiBuildError';
}

/** What to build where. */
export interface TapiBuildOptions {
  /** Where tapi-bridge.exe goes (and mock/tapi32.dll with `mock`). */
  readonly outDir: string;
  /** Also build the mock tapi32.dll (a test fixture, never shipped). */
  readonly mock?: boolean;
  /** The mingw-w64 gcc; default TAPI_BRIDGE_CC or x86_64-w64-mingw32-gcc. */
  readonly compiler?: string;
}

/** Where the build put its files. */
export interface TapiBuildResult {
  readonly bridge: string;
  /** The mock tapi32.dll, or null when not asked for. */
  readonly mock: string | null;
}

/** Compiles the bridge (and the mock). @throws TapiBuildError naming what is missing or wrong. */
export async function buildTapiBridge(options: TapiBuildOptions): Promise<TapiBuildResult> {
  const compiler = options.compiler ?? process.env['TAPI_BRIDGE_CC'] ?? DEFAULT_COMPILER;
  const bridge = path.resolve(options.outDir, 'tapi-bridge.exe');
  const mock = options.mock === true ? path.resolve(options.outDir, 'mock', 'tapi32.dll') : null;
  await mkdir(path.dirname(mock ?? bridge), { recursive: true });
  const sources = await cFiles(path.join(TAPI_BRIDGE_SOURCES, 'src'));
  const builds = [compile(compiler, [...FLAGS, '-o', bridge, ...sources, '-ltapi32'])];
  if (mock !== null) {
    const mockSources = await cFiles(path.join(TAPI_BRIDGE_SOURCES, 'mock'));
    const shared = path.join(TAPI_BRIDGE_SOURCES, 'src', 'json-writer.c');
    const def = path.join(TAPI_BRIDGE_SOURCES, 'mock', 'tapi32.def');
    builds.push(compile(compiler, [...FLAGS, '-shared', '-o', mock, ...mockSources, shared, def]));
  }
  await Promise.all(builds);
  return { bridge, mock };
}

async function cFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names
    .filter((name) => name.endsWith('.c'))
    .sort()
    .map((name) => path.join(folder, name));
}

function compile(compiler: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(compiler, args, { maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error === null) {
        resolve();
        return;
      }
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new TapiBuildError(
            `${compiler} not found: install mingw-w64 (Debian/Ubuntu: apt-get install gcc-mingw-w64-x86-64; ` +
              'Windows: MSYS2 with mingw-w64-x86_64-gcc, then TAPI_BRIDGE_CC=gcc)',
          ),
        );
        return;
      }
      reject(new TapiBuildError(`${compiler} failed:\n${stderr.trim() || error.message}`));
    });
  });
}

function parseArgs(argv: readonly string[]): TapiBuildOptions {
  let outDir = path.join('dist', 'native');
  let mock = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--mock') mock = true;
    else if (arg === '--out' && argv[i + 1] !== undefined) outDir = argv[++i] ?? outDir;
    else throw new TapiBuildError(`unknown argument ${JSON.stringify(arg)}; usage: [--out DIR] [--mock]`);
  }
  return { outDir, mock };
}

async function main(): Promise<void> {
  try {
    const result = await buildTapiBridge(parseArgs(process.argv.slice(2)));
    process.stdout.write(`built ${result.bridge}\n`);
    if (result.mock !== null) process.stdout.write(`built ${result.mock}\n`);
  } catch (error) {
    process.stderr.write(`build-tapi-bridge: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) await main();
