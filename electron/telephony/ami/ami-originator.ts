/**
 * Click-to-dial with `Originate`: Asterisk first rings the agent's phone (`Channel`), and when
 * the agent picks up, dials the number in the dialplan (`Context`, `Exten`, `Priority`).
 *
 * The action is sent with `Async: true` and `ChannelId` set to the call id Ringdesk chose
 * (Asterisk 13+ gives the agent's leg that Uniqueid, so every event of the call carries it as
 * `Linkedid`), and with `ActionID: originate-<callId>`, which the later `OriginateResponse`
 * repeats.
 *
 * ```
 *  dial() ─▶ sent ──Response: Success──▶ accepted ('dialing' announced)
 *             │                              ├──OriginateResponse Success──▶ resolved {callId}
 *             │                              ├──OriginateResponse Failure──▶ rejected; call ended
 *             │                              └──no OriginateResponse in ring time + timeout──▶ rejected
 *             └──Response: Error / no answer / line lost──▶ rejected (nothing announced)
 * ```
 *
 * Invariants:
 * - Every `dial()` promise settles, with an Error naming the problem when the call failed.
 * - A call refused outright is never announced; one that was announced is ended when it fails.
 * - At most 16 dials are in flight.
 */
import { CodedError, type ErrorCode } from '../../contract/error-info.js';
import { originateFailure } from './ami-causes.js';
import type { Schedule } from '../../shared/clock.js';
import { quote, type AmiConnection } from './ami-connection.js';
import type { AmiCallMapper } from './ami-call-mapper.js';
import type { AmiMessage } from './ami-message.js';

/** Where and how Originate dials (from the settings), and the mapper that tracks the calls. */
export interface AmiOriginatorOptions {
  /** The channel rung first: the agent's phone. */
  readonly channel: string;
  /** The phone as the agent knows it, in refusals (`PJSIP/phone-b7`; default: `channel`). */
  readonly phone?: string;
  readonly context: string;
  readonly priority: number;
  readonly ringTimeoutMs: number;
  readonly timeoutMs: number;
  readonly callerId: string | undefined;
  readonly schedule: Schedule;
  readonly newId: () => string;
  readonly mapper: AmiCallMapper;
}

interface PendingDial {
  readonly dialable: string;
  /** The number as the agent meant it, for the words of a refusal (the dialable may add prefixes). */
  readonly number: string;
  readonly resolve: (result: { callId: string }) => void;
  readonly reject: (error: Error) => void;
  cancel: () => void;
}

const MAX_IN_FLIGHT = 16;

/** How a window words a failed OriginateResponse (contract/error-info.ts), by its end cause. */
const FAILURE_CODES: ReadonlyMap<string, ErrorCode> = new Map([
  ['noAnswer', 'line.no-answer'],
  ['busy', 'line.busy'],
  ['callRejected', 'line.refused'],
  ['unavailable', 'line.unreachable'],
  ['congestion', 'line.congestion'],
] as const);
const ACTION_PREFIX = 'originate-';

/** The dials in flight, from `dial()` to their OriginateResponse (see the file comment). */
export class AmiOriginator {
  private readonly pending = new Map<string, PendingDial>();

  constructor(private readonly options: AmiOriginatorOptions) {}

  /** Places a call to `dialable` (for `number`, as the agent meant it) on `connection`. */
  dial(connection: AmiConnection, number: string, dialable: string): Promise<{ callId: string }> {
    const { options } = this;
    if (this.pending.size >= MAX_IN_FLIGHT)
      return Promise.reject(
        new Error(`cannot dial ${dialable}: ${MAX_IN_FLIGHT} calls are already being placed`),
      );
    const callId = options.newId();
    if (!options.mapper.expectOriginate(callId, number, dialable))
      return Promise.reject(new Error(`cannot dial ${dialable}: too many calls on the line`));
    return new Promise((resolve, reject) => {
      this.pending.set(callId, { dialable, number, resolve, reject, cancel: () => undefined });
      connection
        .action({
          Action: 'Originate',
          ActionID: `${ACTION_PREFIX}${callId}`,
          Channel: options.channel,
          Context: options.context,
          Exten: dialable,
          Priority: String(options.priority),
          Timeout: String(options.ringTimeoutMs),
          CallerID: options.callerId,
          Async: 'true',
          ChannelId: callId,
        })
        .then(
          (response) => this.accepted(callId, response),
          (error: unknown) => {
            const why = error instanceof Error ? error.message : String(error);
            this.fail(callId, `could not place the call to ${dialable}: ${why}`, 'failed');
          },
        );
    });
  }

  /**
   * Reads an `OriginateResponse`; returns false when it is not about one of Ringdesk's dials
   * (another AMI client's, or one that already settled).
   */
  onOriginateResponse(message: AmiMessage): boolean {
    const actionId = message.get('ActionID') ?? '';
    if (!actionId.startsWith(ACTION_PREFIX)) return false;
    const callId = actionId.slice(ACTION_PREFIX.length);
    const pending = this.pending.get(callId);
    if (pending === undefined) return false;
    const { mapper } = this.options;
    if (message.get('Response')?.toLowerCase() === 'success') {
      this.settle(callId, pending);
      mapper.announceOriginate(callId);
      mapper.originateAnswered(callId, message.get('Uniqueid'), message.get('Channel'));
      pending.resolve({ callId });
    } else {
      const failure = originateFailure(
        message.get('Reason'),
        `your phone (${this.options.phone ?? this.options.channel})`,
      );
      const why = `the call to ${pending.dialable} failed: ${failure.message}`;
      this.fail(callId, why, failure.cause, FAILURE_CODES.get(failure.cause));
    }
    return true;
  }

  /** The line is gone: every dial in flight fails with `reason`. */
  failAll(reason: string): void {
    for (const [callId, pending] of this.pending) {
      this.settle(callId, pending);
      pending.reject(
        new Error(
          `the line to Asterisk was lost before the call to ${pending.dialable} was confirmed: ${reason}`,
        ),
      );
    }
  }

  private accepted(callId: string, response: AmiMessage): void {
    const pending = this.pending.get(callId);
    if (pending === undefined) return; // its OriginateResponse came first
    if (response.get('Response')?.toLowerCase() !== 'success') {
      const message = quote(response.get('Message') ?? 'no reason given');
      this.fail(callId, `Asterisk refused the call to ${pending.dialable}: ${message}`, 'callRejected');
      return;
    }
    this.options.mapper.announceOriginate(callId);
    const wait = this.options.ringTimeoutMs + this.options.timeoutMs;
    pending.cancel = this.options.schedule(() => {
      this.settle(callId, pending);
      this.options.mapper.originateUnresolved(callId);
      pending.reject(
        new Error(
          `Asterisk did not say within ${Math.round(wait / 1000)} s whether the call to ${pending.dialable} went through`,
        ),
      );
    }, wait);
  }

  private fail(callId: string, message: string, cause: string, code?: ErrorCode): void {
    const pending = this.pending.get(callId);
    if (pending === undefined) return;
    this.settle(callId, pending);
    this.options.mapper.originateFailed(callId, cause);
    pending.reject(
      code === undefined ? new Error(message) : new CodedError(message, code, { number: pending.number }),
    );
  }

  private settle(callId: string, pending: PendingDial): void {
    this.pending.delete(callId);
    pending.cancel();
  }
}
