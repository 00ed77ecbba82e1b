/**
 * The request side of a bridge connection: each request written as one line with a fresh id,
 * each reply matched to its request by that id, checked and handed to the caller.
 *
 * A reply the connection cannot take (no id, an id never sent, a result that does not fit the
 * request's schema) is not the caller's problem but a broken bridge: {@link BridgeRequests.settle}
 * returns it as the reason the connection must fail, and the connection fails (bridge-connection.ts).
 * A refusal is the caller's: its request rejects with a {@link BridgeRequestError}. A request
 * nobody answers rejects after its timeout; its late answer is recognised and dropped
 * (pending-requests.ts keeps both bounded).
 */
import type { z } from 'zod';
import type { Schedule } from '../../shared/clock.js';
import { cleanText } from './clean-text.js';
import { PendingRequests } from './pending-requests.js';
import { MAX_REQUEST_BYTES, type BridgeMessage, type BridgeRequest } from './tapi-protocol.js';

/** The bridge refused a request (a TAPI error such as LINEERR_CALLUNAVAIL, or a bad request). */
export class BridgeRequestError extends Error {
  override readonly name = 'BridgeRequestError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A reply of the bridge (the envelope every request's answer comes in). */
export type BridgeReply = Extract<BridgeMessage, { type: 'reply' }>;

/** Largest request id before the ids start again at 1 (the bridge reads them as 32-bit ints). */
const MAX_ID = 2_147_483_647;

/** The requests of one connection, from writing them to settling them with their replies. */
export class BridgeRequests {
  private readonly pending = new PendingRequests();
  private nextId = 1;

  /**
   * @param write writes one line to the bridge's stdin
   * @param schedule the clock's timers, for the requests' timeouts
   */
  constructor(
    private readonly write: (line: string) => void,
    private readonly schedule: Schedule,
  ) {}

  /**
   * Writes `request` and resolves with its result, checked against `schema`; `onResult` runs
   * inside {@link settle}, before the connection reads the next message. Rejects when the
   * request is too long to send, when the bridge refuses it ({@link BridgeRequestError}), when
   * its answer does not come within `timeoutMs`, and on {@link rejectAll}.
   */
  send<T>(
    request: BridgeRequest,
    schema: z.ZodType<T>,
    timeoutMs: number,
    onResult?: (result: T) => void,
  ): Promise<T> {
    const id = this.nextId;
    this.nextId = id >= MAX_ID ? 1 : id + 1;
    const line = `${JSON.stringify({ id, ...request })}\n`;
    if (Buffer.byteLength(line) > MAX_REQUEST_BYTES) {
      return Promise.reject(new Error(`the "${request.op}" request is too long for the TAPI bridge`));
    }
    return new Promise<T>((resolve, reject) => {
      const cancel = this.schedule(() => {
        this.pending.abandon(id);
        reject(
          new Error(
            `the TAPI bridge did not answer "${request.op}" within ${Math.round(timeoutMs / 1000)} s`,
          ),
        );
      }, timeoutMs);
      this.pending.add(id, {
        op: request.op,
        schema,
        resolve: resolve as (value: unknown) => void,
        reject,
        onResult: onResult as ((value: unknown) => void) | undefined,
        cancel,
      });
      this.write(line);
    });
  }

  /**
   * Settles the request `reply` answers (a late answer is dropped). Returns null, or why the
   * connection must fail: a reply that could not be matched to a request or read.
   */
  settle(reply: BridgeReply): string | null {
    if (reply.id === null) {
      const why = reply.ok ? 'an answer without an id' : cleanText(reply.message, 200);
      return `the TAPI bridge could not read a request: ${why}`;
    }
    const pending = this.pending.take(reply.id);
    if (pending === 'late') return null;
    if (pending === undefined) return `the TAPI bridge answered request ${reply.id}, which it was never sent`;
    if (!reply.ok) {
      pending.reject(new BridgeRequestError(cleanText(reply.error, 64), cleanText(reply.message, 200)));
      return null;
    }
    // The result schemas ignore the envelope (type, id, ok): they read only their own fields.
    const result = pending.schema.safeParse(reply);
    if (!result.success) {
      // Taken off the list already: rejectAll() would not reach it, and its caller would wait forever.
      const reason = `the TAPI bridge answered "${pending.op}" with a result Ringdesk does not understand`;
      pending.reject(new Error(reason));
      return reason;
    }
    try {
      pending.onResult?.(result.data);
    } catch (error) {
      // Taken off the list already: settled here, or its caller would wait forever.
      const reason = `reading the "${pending.op}" result failed: ${error instanceof Error ? error.message : String(error)}`;
      pending.reject(new Error(reason, { cause: error }));
      return reason;
    }
    pending.resolve(result.data);
    return null;
  }

  /** Rejects every request still waiting with `reason` (the connection ended). */
  rejectAll(reason: string): void {
    this.pending.rejectAll(reason);
  }
}
