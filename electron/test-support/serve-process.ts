/**
 * A real `ringdesk serve` process for integration tests: started with the given environment on a
 * free port, resolved once it announced its URL, stopped with SIGTERM.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `ringdesk` executable of this repository. */
export const RINGDESK_BIN = fileURLToPath(new URL('../../bin/ringdesk.js', import.meta.url));

export interface ServeProcess {
  readonly url: string;
  /** The host's key (from the address it printed to open in a browser). */
  readonly key: string;
  /** The address with the key, as a person opens it. */
  readonly open: string;
  /** What the host wrote to standard error so far. */
  stderr(): string;
  /** Stops the host and resolves with its exit code. */
  stop(): Promise<number | null>;
  /** Kills the host at once (SIGKILL, as a crash or power cut would) and resolves once it is gone. */
  crash(): Promise<void>;
}

/** Starts `ringdesk serve --port 0 ...args` (of `bin`, this repository's by default) and waits for its URL. */
export function startServe(
  env: NodeJS.ProcessEnv,
  args: readonly string[] = [],
  bin: string = RINGDESK_BIN,
): Promise<ServeProcess> {
  const server = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let stdout = '';
    server.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || line === undefined) return;
      const announced = JSON.parse(line) as { url: string; open: string };
      resolve({
        url: announced.url,
        open: announced.open,
        key: new URL(announced.open).searchParams.get('key') ?? '',
        stderr: () => stderr,
        stop: () => {
          server.kill('SIGTERM');
          return exited;
        },
        crash: async () => {
          server.kill('SIGKILL');
          await exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`serve exited with ${String(code)}: ${stderr}`)));
  });
}

/** Runs `ringdesk ...args` to completion. */
export function ringdesk(env: NodeJS.ProcessEnv, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [RINGDESK_BIN, ...args], { env, encoding: 'utf8' });
}
