/**
 * The number of a call as the popup and the journal show it. Caller IDs are not always numbers
 * (`anonymous`, `unknown`, empty when withheld, `Restricted`); those are shown as written with
 * kind `unknown` and are never looked up.
 */
import type { NumberView } from '../contract/models.js';
import { analyzeNumber } from '../numbers/analyze-number.js';
import type { DialingRules } from '../numbers/dialing-rules.js';
import { NumberError } from '../numbers/number-error.js';

/** What the line reported, completed where possible. */
export function numberView(raw: string, rules: DialingRules): NumberView {
  try {
    const report = analyzeNumber(raw, rules);
    return {
      raw,
      e164: report.e164,
      display: report.display,
      kind: report.kind,
      dialable: report.dialable,
      valid: report.valid,
    };
  } catch (error) {
    if (!(error instanceof NumberError)) throw error;
    const shown = raw.trim();
    return {
      raw,
      e164: null,
      display: shown === '' ? 'Withheld number' : shown.slice(0, 64),
      kind: 'unknown',
      dialable: '',
      valid: false,
    };
  }
}
