/**
 * What Ringdesk hands TAPI to dial, by the line's `addressFormat`.
 *
 * - `dialable`: the string Ringdesk's dialing rules made (`033990312`), dialled as it is.
 * - `canonical`: TAPI's canonical address, `+49 (211) 33990312`, which Windows' own dialing
 *   rules (`lineTranslateAddress`) turn into the dialable string for the PC's location. An
 *   internal number (an extension of the company) and anything that is not an E.164 number
 *   stay as Ringdesk dials them, since Windows knows nothing of extensions.
 *
 * The area code is the agent's own when the number lies in the agent's area, else the first
 * group of libphonenumber's international format (the area code for geographic numbers, the
 * network prefix for mobile ones), which is what Windows needs to decide between local and
 * long-distance dialling.
 */
import { splitCallingCode } from '../../numbers/calling-codes.js';
import { classify } from '../../numbers/complete.js';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import { parseE164 } from '../../numbers/validity.js';
import type { AddressFormat } from './tapi-settings.js';

/** What the bridge is asked to dial. */
export interface TapiAddress {
  /** The address for lineMakeCall, or for lineTranslateAddress when `translate` is set. */
  readonly address: string;
  /** True when Windows' dialing rules make the dialable string. */
  readonly translate: boolean;
}

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * The canonical address of an E.164 number (`+4921133990312` → `+49 (211) 33990312`), or null
 * when `e164` is not an E.164 number. Without a known area code: `+CC NATIONAL`.
 */
export function canonicalAddress(e164: string, rules?: DialingRules): string | null {
  if (!E164.test(e164)) return null;
  const split = splitCallingCode(e164.slice(1));
  if (split === null || split.national === '') return null;
  const { callingCode, national } = split;
  const area = areaCodeOf(e164, callingCode, national, rules);
  if (area === null) return `+${callingCode} ${national}`;
  return `+${callingCode} (${area}) ${national.slice(area.length)}`;
}

/** What to send for a call to `number` (E.164 when known) that Ringdesk dials as `dialable`. */
export function tapiAddress(
  number: string,
  dialable: string,
  format: AddressFormat,
  rules?: DialingRules,
): TapiAddress {
  if (format === 'dialable' || !E164.test(number)) return { address: dialable, translate: false };
  if (rules !== undefined && classify(number, rules).kind === 'internal') {
    return { address: dialable, translate: false };
  }
  const canonical = canonicalAddress(number, rules);
  return canonical === null
    ? { address: dialable, translate: false }
    : { address: canonical, translate: true };
}

function areaCodeOf(
  e164: string,
  callingCode: string,
  national: string,
  rules: DialingRules | undefined,
): string | null {
  if (
    rules !== undefined &&
    rules.countryCode === callingCode &&
    rules.areaCode !== '' &&
    national.length > rules.areaCode.length &&
    national.startsWith(rules.areaCode)
  ) {
    return rules.areaCode;
  }
  const groups = parseE164(e164)?.formatInternational().split(' ').slice(1) ?? [];
  const first = groups[0]?.replace(/\D/g, '') ?? '';
  if (groups.length < 2 || first === '' || first.length >= national.length) return null;
  return national.startsWith(first) ? first : null;
}
