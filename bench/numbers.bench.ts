/**
 * Number completion + dialable string per number, as a ratio to a bare `parsePhoneNumber` of
 * libphonenumber-js on the same inputs (goal: at most 1.5x).
 *
 * The mix is what a service desk in Düsseldorf sees: caller IDs from the PBX in every format,
 * numbers copied from e-mail signatures and web pages, colleagues' extensions.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { complete } from '../electron/numbers/complete.js';
import { resolveDialingRules } from '../electron/numbers/dialing-rules.js';
import { dialable } from '../electron/numbers/dialable.js';
import { compare, type BenchResult } from './measure.js';

const rules = resolveDialingRules(
  { countryCode: '49', areaCode: '211', baseNumber: '339903', extensionMaxLength: 3, outsideLineAccess: '0' },
  'DE',
);

const mix = [
  '+492115551234', // caller ID, E.164 (most PBX trunks)
  '02115551234', // caller ID, national
  '004930123456', // caller ID with international prefix
  '5551234', // local number
  '12', // colleague
  '33990345', // company number without area
  '+49 (0)211 555 12-34', // e-mail signature
  '0211/5551234', // web page
  '(0211) 555 1234',
  '+44 20 7946 0958',
  '+1 (206) 555-0100',
  '0172 1234567', // mobile
  '+43 1 234567890',
  '0800 1234567',
  '+41 44 668 18 00',
  '030 12345678',
];

export function benchNumbers(): BenchResult {
  const inputs = Array.from({ length: 50 }, () => mix).flat();
  const result = compare(
    inputs,
    (input) => parsePhoneNumberFromString(input, 'DE'),
    (input) => dialable(complete(input, rules), rules),
  );
  return {
    name: 'numbers: complete + dialable vs bare parsePhoneNumber',
    goal: 'ratio <= 1.5',
    met: result.ratio <= 1.5,
    baselineNsPerNumber: Math.round(result.baseline),
    ringdeskNsPerNumber: Math.round(result.candidate),
    ratio: Number(result.ratio.toFixed(2)),
  };
}
