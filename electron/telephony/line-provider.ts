/**
 * The contract between Ringdesk and a telephone system: a provider watches the agent's line,
 * reports what happens on it as a small typed event stream, and places calls.
 *
 * Connection states:
 * ```
 *  disconnected ──connect()──▶ connecting ──ok──▶ connected
 *        ▲                        │                  │
 *        └───────── failure / disconnect() ──────────┘
 * ```
 *
 * Invariants:
 * - A provider MUST NOT reconnect by itself: it reports `disconnected` (with a reason) and
 *   waits; the Companion owns the one reconnect policy.
 * - A provider MUST report every call it reports as offered or dialled as ended eventually, or
 *   report `disconnected`, after which the Companion closes the calls it still holds.
 * - `dial()` MUST reject with an Error whose message names the problem when the call cannot be
 *   placed; it MUST NOT throw synchronously.
 */

import type { CallOutcome, Presentation } from '../contract/line-party.js';

export type { CallOutcome, Presentation };

/** What a provider can do. */
export type Capability = 'watch' | 'dial' | 'reject' | 'answer' | 'hangup';

export type ProviderState = 'disconnected' | 'connecting' | 'connected';

/**
 * What happens on the line, in the provider's words.
 *
 * `updated` reports a remote party that changed while the call lives: a caller ID that arrives
 * after the call was first reported, a transfer that connects the agent to someone else, the
 * digits of a call dialled by hand that was first seen before them. It carries the whole new
 * party (`remote`, `presentation`, `name`); a provider MUST send it only for a call it reported
 * and has not ended, and only when the party differs from the last one it reported.
 */
export type LineEvent =
  | {
      readonly type: 'offering';
      readonly callId: string;
      readonly line: string;
      /** The caller's number as the line reports it (caller ID); '' unless `presentation` is `allowed`. */
      readonly remote: string;
      /** Absent: `allowed` when `remote` is not empty, `unknown` when it is. */
      readonly presentation?: Presentation;
      /** The caller's name as the line reports it (CNAM, the PBX's phone book). */
      readonly name?: string;
      /** The queue (or ring group) the call rings from at this phone, by its name. */
      readonly queue?: string;
      /**
       * `false`: a call of the agent's queue that never rang at this phone, reported only to be
       * journaled (it ends at once with its outcome, `abandoned`); no popup is shown.
       */
      readonly ringsHere?: boolean;
    }
  | {
      readonly type: 'dialing';
      readonly callId: string;
      readonly line: string;
      /** The number as the agent meant it. */
      readonly remote: string;
      /** The string the line dials. */
      readonly dialled: string;
      readonly presentation?: Presentation;
      readonly name?: string;
    }
  | {
      readonly type: 'updated';
      readonly callId: string;
      /** The remote party's number now ('' unless `presentation` is `allowed`). */
      readonly remote: string;
      readonly presentation?: Presentation;
      readonly name?: string;
    }
  | { readonly type: 'connected'; readonly callId: string }
  | {
      readonly type: 'ended';
      readonly callId: string;
      readonly cause?: string;
      /** What became of the call, where the line says (see {@link CallOutcome}). */
      readonly outcome?: CallOutcome;
    }
  | { readonly type: 'state'; readonly state: ProviderState; readonly reason?: string };

/** The presentation an event means: as given, else `allowed` for a number and `unknown` for none. */
export function presentationOf(event: {
  readonly remote: string;
  readonly presentation?: Presentation;
}): Presentation {
  return event.presentation ?? (event.remote.trim() === '' ? 'unknown' : 'allowed');
}

export type LineListener = (event: LineEvent) => void;

/** One finding of a provider's self-test. */
export interface ProviderCheck {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** A telephone line Ringdesk can watch and dial on. */
export interface LineProvider {
  /** The provider's kind, as in the settings (`simulator`, `ami`, ...). */
  readonly kind: string;
  /** The agent's line. */
  readonly line: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly state: ProviderState;
  /** Starts watching. Resolves once connected; rejects with the reason otherwise. */
  connect(): Promise<void>;
  /** Stops watching and releases every resource. */
  disconnect(): Promise<void>;
  /** Places a call to `dialable` (the exact string to dial) for `number` (as the agent meant it). */
  dial(number: string, dialable: string): Promise<{ callId: string }>;
  /** Subscribes to line events; returns the unsubscribe function. */
  onEvent(listener: LineListener): () => void;
  /**
   * Rejects (or, for a PBX, refuses with busy) a ringing call. Only providers with the `reject`
   * capability implement it; it MUST reject with a clear Error when the call cannot be refused.
   */
  reject?(callId: string): Promise<void>;
  /** The lines the provider can watch (TAPI lines, AMI peers), for the agent to pick one. */
  listLines?(): Promise<readonly { readonly id: string; readonly name: string }[]>;
  /** What the provider received and answered lately (PBX requests), oldest first, for admins. */
  requestLog?(): readonly unknown[];
  /**
   * Checks beyond connecting that `ringdesk provider test` runs (a dial target's reachability,
   * the configured line among the PBX's): each with a verdict and a detail saying what to fix.
   */
  selfTest?(): Promise<readonly ProviderCheck[]>;
}
