/**
 * One conversation with one bridge process: the hello handshake, requests matched to replies
 * by id (their bookkeeping is {@link BridgeRequests}, bridge-requests.ts), events passed on, and
 * every way it can go wrong turned into one failure with a reason a person can act on.
 *
 * Invariants:
 * - The first message MUST be a hello naming {@link TAPI_PROTOCOL_VERSION}; anything else
 *   (another version, another message, silence past the handshake timeout) fails the connection.
 * - Anything on stdout that is not a known message (a line that is not JSON, longer than
 *   {@link MAX_MESSAGE_BYTES}, not UTF-8, of an unknown type, a reply to a request never sent)
 *   fails the connection. stderr is never parsed: noise there is fine.
 * - A failure is reported once (`onFailure`), rejects every pending request, and kills the
 *   process. The connection MUST NOT restart the bridge: that is the Companion's decision.
 * - Memory is bounded: lines by the framer, pending requests by their timeouts, the stderr
 *   tail and the ids of abandoned requests by fixed caps.
 */
import type { Schedule } from '../../shared/clock.js';
import type { z } from 'zod';
import type { BridgeProcess } from './bridge-process.js';
import { BridgeRequests } from './bridge-requests.js';
import { cleanText, preview } from './clean-text.js';
import { exitReason, startFailure, StderrTail } from './exit-reasons.js';
import { FramingError, LineFramer } from './line-framer.js';
import {
  bridgeMessageSchema,
  MAX_MESSAGE_BYTES,
  TAPI_PROTOCOL_VERSION,
  type BridgeMessage,
  type BridgeRequest,
  type BridgeEvent,
  type Hello,
} from './tapi-protocol.js';

export { BridgeRequestError } from './bridge-requests.js';

/** What a connection needs: the process, timers, and where to report events and failure. */
export interface BridgeConnectionOptions {
  readonly process: BridgeProcess;
  /** The bridge's path, named in messages about starting it. */
  readonly bridgePath: string;
  readonly schedule: Schedule;
  readonly handshakeTimeoutMs: number;
  /** Call and line events, in the order the bridge sent them. */
  readonly onEvent: (message: BridgeEvent) => void;
  /** Told once when the connection fails for any reason but {@link BridgeConnection.close}. */
  readonly onFailure: (reason: string) => void;
}

/** How long an exit waits for the rest of stdout (a `fatal` message says more than a code). */
const EXIT_DRAIN_MS = 1000;

/** One bridge process's conversation; see the file's invariants. */
export class BridgeConnection {
  /** Resolves with the hello once the handshake is done; rejects when the connection fails first. */
  readonly ready: Promise<Hello>;
  private phase: 'hello' | 'ready' | 'closed' = 'hello';
  private reason: string | null = null;
  private closing = false;
  private exited = false;
  private readonly exitWaiters: (() => void)[] = [];
  private readonly requests: BridgeRequests;
  private readonly framer = new LineFramer(MAX_MESSAGE_BYTES);
  private readonly stderr = new StderrTail();
  private settleReady: { resolve: (hello: Hello) => void; reject: (error: Error) => void } | null = null;
  private readonly cancelHandshake: () => void;

  constructor(private readonly options: BridgeConnectionOptions) {
    this.ready = new Promise<Hello>((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    this.ready.catch(() => undefined);
    const { process: child } = options;
    this.requests = new BridgeRequests((line) => child.stdin.write(line), options.schedule);
    child.stdout.on('data', (chunk: Buffer) => {
      this.onData(chunk);
    });
    child.stdout.on('error', (error) => {
      this.fail(`cannot read from the TAPI bridge: ${error.message}`);
    });
    child.stdin.on('error', (error) => {
      this.fail(`cannot write to the TAPI bridge: ${error.message}`);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk);
    });
    child.stderr.on('error', () => undefined);
    child.onExit((code, signal) => {
      this.onExit(code, signal);
    });
    child.onError((error) => {
      this.exited = true;
      this.resolveExit();
      this.fail(startFailure(options.bridgePath, error));
    });
    const seconds = Math.round(options.handshakeTimeoutMs / 1000);
    this.cancelHandshake = options.schedule(() => {
      this.fail(`the TAPI bridge did not say hello within ${seconds} s`);
    }, options.handshakeTimeoutMs);
  }

  /**
   * Sends `request` and resolves with its result, checked against `schema`. `onResult` runs
   * as soon as the reply is read, before any later message is handled, so the caller can act
   * on the result before the events that follow it. Rejects with a {@link BridgeRequestError}
   * when the bridge refuses, or an Error when the connection fails or the reply is late.
   */
  request<T>(
    request: BridgeRequest,
    schema: z.ZodType<T>,
    timeoutMs: number,
    onResult?: (result: T) => void,
  ): Promise<T> {
    if (this.phase !== 'ready') return Promise.reject(new Error('the TAPI bridge is not running'));
    return this.requests.send(request, schema, timeoutMs, onResult);
  }

  /**
   * Ends the conversation: closes stdin (the bridge then closes the line and exits), and kills
   * the bridge if it has not exited after `graceMs`. Resolves once the process is gone.
   */
  close(graceMs: number): Promise<void> {
    this.closing = true;
    this.stop('the TAPI line was closed');
    try {
      this.options.process.stdin.end();
    } catch {
      // stdin is already gone: the exit (or the kill below) ends it.
    }
    return new Promise<void>((resolve) => {
      if (this.exited) {
        resolve();
        return;
      }
      this.exitWaiters.push(resolve);
      this.options.schedule(() => {
        this.options.process.kill();
        this.options.schedule(() => {
          this.resolveExit();
        }, graceMs);
      }, graceMs);
    });
  }

  /** Why the connection ended (a failure, or close()); null while it lasts. */
  get closedReason(): string | null {
    return this.reason;
  }

  /** Kills the bridge without reporting a failure (the caller already knows why). */
  kill(reason: string): void {
    this.closing = true;
    this.stop(reason);
    this.options.process.kill();
  }

  private onData(chunk: Buffer): void {
    if (this.phase === 'closed') return;
    let lines: string[];
    try {
      lines = this.framer.push(chunk);
    } catch (error) {
      if (!(error instanceof FramingError)) throw error;
      this.fail(`the TAPI bridge sent ${error.message}`);
      return;
    }
    for (const line of lines) {
      // A line may have failed the connection: the rest of the chunk is not read.
      if (this.isClosed()) return;
      this.onLine(line);
    }
  }

  private onLine(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.fail(`the TAPI bridge sent a line that is not JSON: ${preview(line)}`);
      return;
    }
    const parsed = bridgeMessageSchema.safeParse(value);
    if (!parsed.success) {
      this.fail(`the TAPI bridge sent a message Ringdesk does not understand: ${preview(line)}`);
      return;
    }
    this.onMessage(parsed.data);
  }

  private onMessage(message: BridgeMessage): void {
    if (message.type === 'fatal') {
      this.fail(`TAPI cannot be used: ${cleanText(message.message, 200)}`);
    } else if (this.phase === 'hello') {
      this.onHello(message);
    } else if (message.type === 'hello') {
      this.fail('the TAPI bridge said hello twice');
    } else if (message.type === 'reply') {
      const failure = this.requests.settle(message);
      if (failure !== null) this.fail(failure);
    } else {
      this.options.onEvent(message);
    }
  }

  private onHello(message: BridgeMessage): void {
    if (message.type !== 'hello') {
      this.fail(`the TAPI bridge sent "${message.type}" before its hello`);
      return;
    }
    if (message.protocol !== TAPI_PROTOCOL_VERSION) {
      this.fail(
        `the TAPI bridge speaks protocol ${message.protocol}, this Ringdesk needs protocol ` +
          `${TAPI_PROTOCOL_VERSION}: use the tapi-bridge.exe that came with this Ringdesk`,
      );
      return;
    }
    this.phase = 'ready';
    this.cancelHandshake();
    this.settleReady?.resolve(message);
    this.settleReady = null;
  }

  private onExit(code: number | null, signal: string | null): void {
    this.exited = true;
    this.resolveExit();
    if (this.phase === 'closed') return;
    const reason = exitReason(code, signal, this.stderr.lastLine());
    // The last lines may still be on their way: a `fatal` message explains more than a code.
    if (this.options.process.stdout.readableEnded) this.fail(reason);
    else {
      this.options.process.stdout.once('end', () => {
        this.fail(reason);
      });
      this.options.schedule(() => {
        this.fail(reason);
      }, EXIT_DRAIN_MS);
    }
  }

  private fail(reason: string): void {
    if (this.phase === 'closed') return;
    this.stop(reason);
    this.options.process.kill();
    if (!this.closing) this.options.onFailure(reason);
  }

  private stop(reason: string): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.reason = reason;
    this.cancelHandshake();
    this.settleReady?.reject(new Error(reason));
    this.settleReady = null;
    this.requests.rejectAll(reason);
  }

  private isClosed(): boolean {
    return this.phase === 'closed';
  }

  private resolveExit(): void {
    for (const resolve of this.exitWaiters.splice(0)) resolve();
  }
}
