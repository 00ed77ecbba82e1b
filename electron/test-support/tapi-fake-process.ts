/**
 * An in-memory bridge process for unit tests of the `tapi` provider: the test reads what the
 * provider wrote to stdin, writes the bridge's messages to stdout, and decides when the
 * "process" exits. Nothing is spawned, so timeouts can be driven by a fake scheduler.
 */
import { PassThrough } from 'node:stream';
import type { BridgeProcess } from '../telephony/tapi/bridge-process.js';

/** A bridge process made of three in-memory streams, driven by the test. */
export class FakeBridgeProcess implements BridgeProcess {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  /** True once the provider killed the process. */
  killed = false;
  /** True once the process exited (by kill, by exit(), or at the end of stdin). */
  exited = false;
  private readonly exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  private readonly errorListeners: ((error: Error) => void)[] = [];
  private written = '';

  /** @param exitOnEof exit with code 0 when the provider ends stdin, as the real bridge does */
  constructor(exitOnEof = true) {
    this.stdin.on('data', (chunk: Buffer) => {
      this.written += chunk.toString('utf8');
    });
    this.stdin.on('end', () => {
      if (exitOnEof) this.exit(0);
    });
  }

  /** The requests the provider sent, parsed. */
  requests(): Record<string, unknown>[] {
    return this.written
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The last request with `op`, or undefined. */
  lastRequest(op: string): Record<string, unknown> | undefined {
    return this.requests()
      .filter((request) => request['op'] === op)
      .at(-1);
  }

  /** Writes messages as the bridge would (objects as JSON lines, strings as they are). */
  say(...messages: unknown[]): void {
    for (const message of messages) {
      this.stdout.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
    }
  }

  /** Replies to the last request with `op`. */
  reply(op: string, fields: Record<string, unknown> = {}): void {
    this.say({ type: 'reply', id: this.lastRequest(op)?.['id'], ok: true, ...fields });
  }

  /** Refuses the last request with `op`. */
  refuse(op: string, error: string, message: string): void {
    this.say({ type: 'reply', id: this.lastRequest(op)?.['id'], ok: false, error, message });
  }

  /** The process exits. */
  exit(code: number | null, signal: string | null = null): void {
    if (this.exited) return;
    this.exited = true;
    this.stdout.end();
    setImmediate(() => {
      for (const listener of this.exitListeners) listener(code, signal);
    });
  }

  /** The process could not be started. */
  failToStart(error: Error): void {
    for (const listener of this.errorListeners) listener(error);
  }

  kill(): void {
    this.killed = true;
    this.exit(null, 'SIGKILL');
  }

  onExit(listener: (code: number | null, signal: string | null) => void): void {
    this.exitListeners.push(listener);
  }

  onError(listener: (error: Error) => void): void {
    this.errorListeners.push(listener);
  }
}
