/**
 * The real tapi-bridge.exe under Wine, for end-to-end tests: builds the bridge and the mock
 * tapi32.dll with build/build-tapi-bridge.ts, puts them side by side, boots a throwaway Wine
 * prefix, and runs the bridge there with a script for the mock (see
 * native/tapi-bridge/mock/mock-script.h). The mock writes every TAPI call it receives to a log
 * the test reads.
 *
 * Locally, a machine without Wine or mingw-w64 skips these tests with a loud message; with
 * CI=true they run and fail, because CI must install what the tests need.
 */
import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnBridgeProcess, type SpawnBridge } from '../telephony/tapi/bridge-process.js';

/** What the Wine tests need on PATH. */
export const WINE_TOOLS = ['wine', 'wineboot', 'wineserver', 'x86_64-w64-mingw32-gcc'] as const;

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_SCRIPT = path.join(REPO, 'build', 'build-tapi-bridge.ts');

/** The tools missing from PATH. */
export function missingWineTools(): string[] {
  const folders = (process.env['PATH'] ?? '').split(path.delimiter).filter((folder) => folder !== '');
  return WINE_TOOLS.filter(
    (tool) =>
      !folders.some((folder) => {
        try {
          accessSync(path.join(folder, tool), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
  );
}

/**
 * True when the Wine tests should run: the tools are there, or CI=true (where a missing tool
 * must fail the tests, not skip them). Otherwise says loudly what is missing.
 */
export function wineTestsRunnable(): boolean {
  const missing = missingWineTools();
  if (missing.length === 0 || process.env['CI'] === 'true') return true;
  process.stderr.write(
    `\n!!! SKIPPING the TAPI bridge tests under Wine: ${missing.join(', ')} not found.\n` +
      '!!! Install them with `apt-get install -y wine64 gcc-mingw-w64-x86-64`.\n\n',
  );
  return false;
}

/** A Windows path for a Linux path, through Wine's Z: drive. */
export function winePath(file: string): string {
  return `Z:${path.resolve(file).replaceAll('/', '\\')}`;
}

/** One run of the bridge: its mock's script, and what the mock recorded. */
export interface WineSession {
  /** Starts the bridge under Wine (the path is the bridge's; the mock sits beside it). */
  readonly spawn: SpawnBridge;
  readonly bridgePath: string;
  /** The TAPI calls the mock received, each as its tab-separated fields. */
  calls(): string[][];
}

/** A built bridge with its mock, in a booted Wine prefix of its own; dispose() removes it all. */
export class WineBench {
  private sessions = 0;

  private constructor(
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly bridgePath: string,
  ) {}

  /** Builds the bridge and the mock, and boots a fresh Wine prefix. Takes a while (tens of seconds). */
  static async create(): Promise<WineBench> {
    const missing = missingWineTools();
    if (missing.length > 0)
      throw new Error(`cannot test the TAPI bridge under Wine: ${missing.join(', ')} not found`);
    const root = await mkdtemp(path.join(tmpdir(), 'ringdesk-wine-'));
    const built = path.join(root, 'build');
    await run(process.execPath, ['--import', 'tsx', BUILD_SCRIPT, '--out', built, '--mock'], { cwd: REPO });
    const bin = path.join(root, 'bin');
    mkdirSync(bin);
    copyFileSync(path.join(built, 'tapi-bridge.exe'), path.join(bin, 'tapi-bridge.exe'));
    copyFileSync(path.join(built, 'mock', 'tapi32.dll'), path.join(bin, 'tapi32.dll'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      WINEPREFIX: path.join(root, 'prefix'),
      WINEDEBUG: '-all',
      WINEDLLOVERRIDES: 'mscoree,mshtml=;tapi32=n,b',
    };
    delete env['DISPLAY'];
    await run('wineboot', ['-i'], { env });
    return new WineBench(root, env, path.join(bin, 'tapi-bridge.exe'));
  }

  /** A run of the bridge whose mock TAPI plays `script`. */
  session(script: string): WineSession {
    const folder = path.join(this.root, `session-${++this.sessions}`);
    mkdirSync(folder);
    const scriptFile = path.join(folder, 'script.txt');
    const log = path.join(folder, 'tapi-calls.log');
    writeFileSync(scriptFile, script);
    const env = {
      ...this.env,
      RINGDESK_TAPI_MOCK_SCRIPT: winePath(scriptFile),
      RINGDESK_TAPI_MOCK_LOG: winePath(log),
    };
    return {
      bridgePath: this.bridgePath,
      spawn: (bridgePath) => spawnBridgeProcess(bridgePath, { command: 'wine', env, cwd: folder }),
      calls: () =>
        existsSync(log)
          ? readFileSync(log, 'utf8')
              .split('\n')
              .filter((line) => line !== '')
              .map((line) => line.split('\t'))
          : [],
    };
  }

  /** Stops this prefix's wineserver and removes everything. */
  async dispose(): Promise<void> {
    await run('wineserver', ['-k'], { env: this.env }).catch(() => undefined);
    await rm(this.root, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
    });
  });
}
