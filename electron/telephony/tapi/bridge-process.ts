/**
 * The edge to the operating system: starting the bridge process. The provider never calls
 * child_process itself; it gets a {@link SpawnBridge} function, so tests can run a fake bridge
 * (a Node script) or the real one under Wine, and the app runs tapi-bridge.exe directly.
 */
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** A running bridge, as much of a child process as the provider needs. */
export interface BridgeProcess {
  /** Requests go here, one JSON line each; ending it asks the bridge to exit. */
  readonly stdin: Writable;
  /** Messages come from here, one JSON line each. */
  readonly stdout: Readable;
  /** Diagnostics, never parsed; the last line is quoted when the bridge exits. */
  readonly stderr: Readable;
  /** Ends the process at once. */
  kill(): void;
  /** Called once when the process has exited. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Called when the process cannot be started (missing file, not executable). */
  onError(listener: (error: Error) => void): void;
}

/** Starts the bridge at `bridgePath`. It may throw when the bridge cannot run here at all. */
export type SpawnBridge = (bridgePath: string) => BridgeProcess;

/** Options for {@link spawnBridgeProcess}. */
export interface SpawnOptions {
  /** The program to run; default: the bridge itself. `wine` runs it on Linux in tests. */
  readonly command?: string;
  /** Arguments before the bridge's path when `command` is given. */
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/**
 * Starts the bridge with Node's child_process: pipes for stdin, stdout and stderr, no console
 * window on Windows. With `command`, runs `command ...args bridgePath` instead.
 */
export function spawnBridgeProcess(bridgePath: string, options: SpawnOptions = {}): BridgeProcess {
  const command = options.command ?? bridgePath;
  const args = options.command === undefined ? [] : [...(options.args ?? []), bridgePath];
  const child = spawn(command, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
  return {
    stdin: child.stdin,
    stdout: child.stdout,
    stderr: child.stderr,
    kill: () => {
      child.kill('SIGKILL');
    },
    onExit: (listener) => {
      child.once('exit', (code, signal) => {
        listener(code, signal);
      });
    },
    onError: (listener) => {
      child.on('error', listener);
    },
  };
}
