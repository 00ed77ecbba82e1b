/**
 * Completes a number as an address book stores it (`+49 211 5551234`, `0211/555-1234`,
 * `(0211) 5551234`, `12`, `tel:+1-418-656-9254;ext=102`) to E.164 with the agent's rules, so
 * that every format matches by exact E.164. Incoming filters are for PBX caller IDs and do not
 * apply here.
 *
 * A number with an extension of another company (`tel:...;ext=102`) gets its switchboard's
 * E.164 form but is marked, so the index does not pop up one person for every call from that
 * switchboard.
 */
import { complete } from '../numbers/complete.js';
import type { DialingRules } from '../numbers/dialing-rules.js';
import { NumberError } from '../numbers/number-error.js';
import { parseTelUri } from '../numbers/tel-uri.js';
import type { ContactPhone } from './contact.js';

export interface StoredNumber {
  readonly e164: string | null;
  /** True when the number reaches a switchboard, not this person (an `ext` elsewhere). */
  readonly viaSwitchboard: boolean;
  /** Why there is no E.164 form, when there is none. */
  readonly problem: string | null;
}

const rulesWithoutFilters = new WeakMap<DialingRules, DialingRules>();

export function completeStoredNumber(raw: string, rules: DialingRules): StoredNumber {
  const plain = withoutFilters(rules);
  try {
    if (/^(tel|sip|sips|callto):/i.test(raw.trim())) {
      const link = parseTelUri(raw.trim(), plain);
      const viaSwitchboard = link.extension !== null && link.kind !== 'internal';
      return { e164: link.e164, viaSwitchboard, problem: null };
    }
    return { e164: complete(raw, plain).e164, viaSwitchboard: false, problem: null };
  } catch (error) {
    if (!(error instanceof NumberError)) throw error;
    return { e164: null, viaSwitchboard: false, problem: error.message };
  }
}

function withoutFilters(rules: DialingRules): DialingRules {
  if (rules.incomingFilters.length === 0) return rules;
  let plain = rulesWithoutFilters.get(rules);
  if (plain === undefined) {
    plain = { ...rules, incomingFilters: [] };
    rulesWithoutFilters.set(rules, plain);
  }
  return plain;
}

/** A contact phone from a stored number. */
export function toPhone(type: string, raw: string, number: StoredNumber): ContactPhone {
  return number.viaSwitchboard
    ? { type, raw, e164: number.e164, viaSwitchboard: true }
    : { type, raw, e164: number.e164 };
}
