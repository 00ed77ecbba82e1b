/**
 * A throwaway MariaDB server for tests: a fresh data folder (`mariadb-install-db`), `mariadbd`
 * on a Unix socket only (no TCP port), root without a password, stopped and removed afterwards.
 * `describeWithMariadb` skips its tests loudly when MariaDB is not installed, except with CI=true.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';

const PROGRAMS = ['mariadb-install-db', 'mariadbd', 'mariadb'] as const;
type Program = (typeof PROGRAMS)[number];

/** Where a program is: on the PATH or in /usr/sbin (mariadbd's home on Debian). */
function locate(program: Program): string | null {
  const folders = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin'];
  for (const folder of folders.filter((each) => each !== '')) {
    try {
      accessSync(path.join(folder, program), constants.X_OK);
      return path.join(folder, program);
    } catch {
      // not here
    }
  }
  return null;
}

/** The MariaDB programs that are missing, or []. */
export function mariadbMissing(): string[] {
  return PROGRAMS.filter((program) => locate(program) === null);
}

/** `describe`, skipped with a loud message when MariaDB is missing (never with CI=true). */
export function describeWithMariadb(name: string, body: () => void): void {
  const missing = mariadbMissing();
  const skip = missing.length > 0 && process.env.CI !== 'true';
  if (skip)
    process.stderr.write(
      `\n!!! SKIPPING "${name}": ${missing.join(', ')} not found. Install: apt-get install -y mariadb-server\n\n`,
    );
  describe.skipIf(skip)(name, body);
}

/** What a program printed and how it ended. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(program: Program, args: readonly string[], stdin = ''): Promise<RunResult> {
  const file = locate(program);
  if (file === null) return Promise.reject(new Error(`${program} is not installed`));
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A running throwaway server. */
export class MariadbServer {
  private constructor(
    private readonly dir: string,
    private readonly child: ChildProcess,
  ) {}

  get socket(): string {
    return path.join(this.dir, 'mysqld.sock');
  }

  /** Creates a data folder and starts a server on it; resolves once it accepts connections. */
  static async start(): Promise<MariadbServer> {
    const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-mariadb-'));
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    const data = path.join(dir, 'data');
    const installed = await run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${data}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
      ...asRoot,
    ]);
    if (installed.code !== 0) throw new Error(`mariadb-install-db failed: ${installed.stderr}`);
    const file = locate('mariadbd') as string;
    const child = spawn(
      file,
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${path.join(dir, 'mysqld.sock')}`,
        '--skip-networking',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=16M',
        ...asRoot,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const server = new MariadbServer(dir, child);
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`mariadbd did not start: ${log}`)), 30_000);
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString('utf8');
        if (log.includes('ready for connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`mariadbd exited (${code}): ${log}`));
      });
    });
    return server;
  }

  /** Runs the `mariadb` client with `args` against this server, `stdin` as its input. */
  client(args: readonly string[], stdin = ''): Promise<RunResult> {
    return run('mariadb', ['--no-defaults', `--socket=${this.socket}`, '--user=root', ...args], stdin);
  }

  /** Runs SQL and fails with the server's message when it does not succeed. */
  async sql(statements: string, database?: string): Promise<string> {
    const result = await this.client(database === undefined ? [] : [database], statements);
    if (result.code !== 0) throw new Error(`mariadb failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Stops the server and removes its folder. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
