/**
 * The dialable string: what the line actually dials for a completed number.
 *
 * - internal: the extension digits;
 * - local: outside-line access + the subscriber number, with the area code (`area`) or with
 *   trunk prefix and area code (`trunk-area`) as the rules' `localFormat` says;
 * - national: outside-line access + trunk prefix + national number;
 * - international: outside-line access + international prefix + country code + national number;
 * - short: an emergency number exactly as written (PBXs route them without the outside-line
 *   prefix, and must: Kari's Law, 47 U.S.C. § 623, for 911 in the US); a service short number
 *   (`115`, `411`) through the outside line like any external number, and never with an area
 *   or trunk code.
 *
 * With 49/211/339903, outside 0: `+4921133990312` → `12`, `+492115551234` → `05551234`,
 * `+49301234567` → `00301234567`, `+442079460958` → `000442079460958`.
 */
import type { CompletedNumber } from './complete.js';
import type { DialingRules } from './dialing-rules.js';

/** The string the line dials for `number`. */
export function dialable(number: CompletedNumber, rules: DialingRules): string {
  const { outsideLineAccess, countryCode, areaCode, trunkPrefix, internationalPrefix } = rules;
  if (number.kind === 'internal') return number.extension ?? '';
  if (number.kind === 'short') {
    const { digits, use } = number.short;
    return use === 'emergency' ? digits : outsideLineAccess + digits;
  }
  const e164 = number.e164 ?? '';
  if (number.kind === 'international') return outsideLineAccess + internationalPrefix + e164.slice(1);
  const national = e164.slice(1 + countryCode.length);
  if (number.kind === 'national') return outsideLineAccess + trunkPrefix + national;
  const subscriber = national.slice(areaCode.length);
  switch (rules.localFormat) {
    case 'subscriber':
      return outsideLineAccess + subscriber;
    case 'area':
      return outsideLineAccess + areaCode + subscriber;
    case 'trunk-area':
      return outsideLineAccess + trunkPrefix + areaCode + subscriber;
  }
}
