/**
 * One AMI connection: a socket, the streaming parser, and actions matched to their responses
 * by `ActionID`. It knows nothing of calls or logins; the provider drives it.
 *
 * Invariants:
 * - Every action settles: with its response, with {@link AmiTimeoutError} after `timeoutMs`,
 *   or with {@link AmiConnectionLostError} when the connection ends.
 * - Nothing from the network can throw out of a socket handler (which would crash the
 *   process): a framing error or a failure while handling a message ends the connection with
 *   a reason, reported once through `onLost`.
 * - Once closed, it sends nothing and reports nothing more.
 */
import type { Schedule } from '../../shared/clock.js';
import { serializeAction, type AmiMessage } from './ami-message.js';
import { AmiParser, AmiProtocolError } from './ami-parser.js';
import type { AmiSocket, AmiTarget, OpenAmiSocket } from './ami-socket.js';

/** Runs `task` after `ms`; returns a function that cancels it. */

/** Asterisk did not answer an action in time. */
export class AmiTimeoutError extends Error {
  override readonly name = 'AmiTimeoutError';
}

/** The connection ended before the action was answered. */
export class AmiConnectionLostError extends Error {
  override readonly name = 'AmiConnectionLostError';
}

/** The edges and callbacks of one connection. */
export interface AmiConnectionOptions {
  readonly target: AmiTarget;
  readonly openSocket: OpenAmiSocket;
  readonly schedule: Schedule;
  /** For the greeting and each action. */
  readonly timeoutMs: number;
  /** Events that answer no list action (and every `OriginateResponse`). */
  readonly onEvent: (message: AmiMessage) => void;
  /** The connection ended by itself (not by {@link AmiConnection.close}); called once. */
  readonly onLost: (reason: string) => void;
}

/** An action's response and, for list actions, the events that came with it. */
export interface AmiListResult {
  readonly response: AmiMessage;
  readonly events: readonly AmiMessage[];
}

interface Pending {
  readonly resolve: (result: AmiListResult) => void;
  readonly reject: (error: Error) => void;
  readonly cancel: () => void;
  /** For list actions: the events so far; null for plain actions. */
  readonly events: AmiMessage[] | null;
  response: AmiMessage | null;
}

const MAX_LIST_EVENTS = 10_000;

/** Control characters and length removed, for quoting what the network said in a message. */
export function quote(text: string, max = 120): string {
  return text.replace(/\p{Cc}/gu, ' ').slice(0, max);
}

/** One AMI connection: actions out, responses matched, events passed on (see the file comment). */
export class AmiConnection {
  /** Asterisk's greeting line; rejects if the connection ends or stays silent first. */
  readonly greeting: Promise<string>;
  private readonly socket: AmiSocket;
  private readonly parser: AmiParser;
  private readonly pending = new Map<string, Pending>();
  private readonly where: string;
  private nextId = 1;
  private closed = false;
  private heardFrom = false;
  private socketError: Error | null = null;
  private greeted: (banner: string) => void = () => undefined;
  private greetingFailed: (error: Error) => void = () => undefined;
  private readonly cancelGreetingTimer: () => void;
  private cancelLinger: () => void = () => undefined;

  constructor(private readonly options: AmiConnectionOptions) {
    this.where = `${options.target.host}:${options.target.port}`;
    this.greeting = new Promise<string>((resolve, reject) => {
      this.greeted = resolve;
      this.greetingFailed = reject;
    });
    this.greeting.catch(() => undefined); // the provider may be gone; never an unhandled rejection
    this.parser = new AmiParser(
      {
        banner: (line) => {
          this.cancelGreetingTimer();
          this.greeted(line);
        },
        message: (message) => this.onMessage(message),
      },
      { expectBanner: true },
    );
    this.cancelGreetingTimer = options.schedule(() => {
      this.lose(`no greeting from ${this.where} within ${options.timeoutMs} ms (is it the AMI port?)`);
    }, options.timeoutMs);
    this.socket = options.openSocket(options.target, {
      data: (text) => this.onData(text),
      error: (error) => {
        this.socketError ??= error;
      },
      close: () => {
        this.cancelLinger();
        const error = this.socketError;
        if (error === null) this.lose(`Asterisk at ${this.where} closed the connection`);
        else if (this.heardFrom)
          this.lose(`connection to Asterisk at ${this.where} failed: ${error.message}`);
        else this.lose(`cannot reach Asterisk at ${this.where}: ${error.message}`);
      },
    });
  }

  /**
   * Sends an action and resolves with its response (whatever `Response:` says). The ActionID
   * is `fields.ActionID` when given (it MUST be unique among actions in flight), else a fresh one.
   */
  async action(fields: Readonly<Record<string, string | undefined>>): Promise<AmiMessage> {
    return (await this.request(fields, null)).response;
  }

  /**
   * Sends a list action (`EventList: start`) and resolves once the list is complete, with the
   * response and the events (at most 10,000 are kept). A refused list resolves at once.
   */
  list(fields: Readonly<Record<string, string | undefined>>): Promise<AmiListResult> {
    return this.request(fields, []);
  }

  /**
   * Says goodbye (`Action: Logoff`) and closes once it is sent; pending actions fail with
   * `reason`. The socket is destroyed after `timeoutMs` if Asterisk does not close it first.
   */
  logoff(reason: string): void {
    if (this.closed) return;
    this.socket.write(serializeAction({ Action: 'Logoff', ActionID: `ringdesk-${this.nextId++}` }));
    this.shutDown(reason);
    this.socket.end();
    this.cancelLinger = this.options.schedule(() => {
      this.socket.close();
    }, this.options.timeoutMs);
  }

  /** Ends the connection: pending actions fail with `reason`; `onLost` is not called. */
  close(reason: string): void {
    if (this.closed) return;
    this.shutDown(reason);
    this.socket.close();
  }

  private shutDown(reason: string): void {
    this.closed = true;
    this.cancelGreetingTimer();
    this.greetingFailed(new AmiConnectionLostError(reason));
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.cancel();
      pending.reject(new AmiConnectionLostError(reason));
    }
  }

  private request(
    fields: Readonly<Record<string, string | undefined>>,
    events: AmiMessage[] | null,
  ): Promise<AmiListResult> {
    const name = fields.Action ?? 'action';
    if (this.closed)
      return Promise.reject(new AmiConnectionLostError('the connection to Asterisk is closed'));
    const id = fields.ActionID ?? `ringdesk-${this.nextId++}`;
    let text: string;
    try {
      text = serializeAction({ ...fields, ActionID: id });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<AmiListResult>((resolve, reject) => {
      const cancel = this.options.schedule(() => {
        this.pending.delete(id);
        reject(new AmiTimeoutError(`Asterisk did not answer ${name} within ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      this.pending.set(id, { resolve, reject, cancel, events, response: null });
      this.socket.write(text);
    });
  }

  private onData(text: string): void {
    if (this.closed) return;
    this.heardFrom = true;
    try {
      this.parser.push(text);
    } catch (error) {
      if (error instanceof AmiProtocolError) this.lose(error.message);
      else
        this.lose(
          `Ringdesk failed on a message from Asterisk: ${error instanceof Error ? error.message : String(error)}`,
        );
    }
  }

  private onMessage(message: AmiMessage): void {
    if (this.closed) return;
    const id = message.get('ActionID');
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (message.event === undefined) {
      if (pending === undefined || id === undefined) return;
      const listStarts = pending.events !== null && message.get('EventList')?.toLowerCase() === 'start';
      if (listStarts && message.get('Response')?.toLowerCase() === 'success') pending.response = message;
      else this.settle(id, pending, message);
      return;
    }
    if (pending === undefined || pending.events === null || id === undefined) {
      this.options.onEvent(message);
      return;
    }
    if (pending.events.length < MAX_LIST_EVENTS) pending.events.push(message);
    const complete =
      message.get('EventList')?.toLowerCase() === 'complete' || /complete$/i.test(message.event);
    if (complete) this.settle(id, pending, pending.response ?? message);
  }

  private settle(id: string, pending: Pending, response: AmiMessage): void {
    this.pending.delete(id);
    pending.cancel();
    pending.resolve({ response, events: pending.events ?? [] });
  }

  private lose(reason: string): void {
    if (this.closed) return;
    this.close(reason);
    this.options.onLost(reason);
  }
}
