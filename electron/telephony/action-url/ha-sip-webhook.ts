/**
 * ha-sip's web-hook events (`POST /api/v1/ha-sip/<token>`, JSON), as ha-sip's README documents
 * them: `incoming_call` rings, `call_established` connects (ha-sip, or whoever it handed the call
 * to, took it), `call_disconnected` ends. Each carries `caller` as a SIP URI
 * (`<sip:5551234456@fritz.box>`), `parsed_caller` (`5551234456`) and `sip_account` (`1`); the
 * documented events have no call id, so a call is found by its account and caller: the newest
 * open call of that pair. Every other event (`entered_menu`, `dtmf_digit`, `playback_done`,
 * `timeout`, `ring_timeout`) is answered 200 and changes nothing.
 */
import { IntentError, param, type LineIntent } from './line-intents.js';
import type { Params } from './request-body.js';
import { numberFromAddress } from './request-guards.js';

/** Most (account, caller) pairs kept; beyond, the oldest is forgotten. */
export const MAX_HA_SIP_PAIRS = 500;

/**
 * The open ha-sip calls by account and caller, newest last. Keys are built from network input, so
 * they live in a Map, never in a plain object.
 */
export class HaSipCalls {
  private readonly open = new Map<string, string[]>();
  private next = 1;

  /** A new call id for a call from `caller` on `account`. */
  ring(account: string, caller: string): string {
    const key = pairKey(account, caller);
    const callId = `ha-sip-${this.next++}`;
    const ids = this.open.get(key) ?? [];
    this.open.delete(key);
    this.open.set(key, [...ids.slice(-9), callId]);
    if (this.open.size > MAX_HA_SIP_PAIRS) this.open.delete(this.open.keys().next().value as string);
    return callId;
  }

  /** The newest open call of the pair, or null. */
  find(account: string, caller: string): string | null {
    return this.open.get(pairKey(account, caller))?.at(-1) ?? null;
  }

  /** Forgets the newest open call of the pair and returns it, or null. */
  end(account: string, caller: string): string | null {
    const key = pairKey(account, caller);
    const ids = this.open.get(key);
    const callId = ids?.pop() ?? null;
    if (ids !== undefined && ids.length === 0) this.open.delete(key);
    return callId;
  }
}

/** Reads one event. @throws IntentError (422) without an event name. */
export function haSipRequest(params: Params, line: string, calls: HaSipCalls): LineIntent | null {
  const event = param(params, 'event');
  if (event === null) throw new IntentError(422, 'Invalid event!');
  const account = param(params, 'sip_account') ?? '';
  const remote = callerNumber(params);
  switch (event) {
    case 'incoming_call':
      return { kind: 'ring', pbxId: calls.ring(account, remote), line, remote };
    case 'call_established': {
      const callId = calls.find(account, remote);
      return callId === null ? null : { kind: 'answer', pbxId: callId, line, remote };
    }
    case 'call_disconnected': {
      const callId = calls.end(account, remote);
      return callId === null ? null : { kind: 'hangup', pbxId: callId, line, remote };
    }
    default:
      return null;
  }
}

/** `parsed_caller`, else the number in the `caller` URI (ha-sip sends `unknown` without one). */
function callerNumber(params: Params): string {
  const parsed = param(params, 'parsed_caller');
  if (parsed !== null && parsed !== 'None') return parsed;
  const caller = param(params, 'caller');
  return caller === null || caller === 'unknown' ? '' : numberFromAddress(caller);
}

function pairKey(account: string, caller: string): string {
  return `${account}\u0000${caller}`;
}
