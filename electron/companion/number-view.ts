/**
 * The number of a call as the popup and the journal show it. Caller IDs are not always numbers
 * (`anonymous`, `unknown`, `Restricted`); those are shown as written with kind `unknown` and are
 * never looked up. An empty one is "Number unknown", never an empty number.
 */
import { CALL_WORDS, presentationText } from '../contract/call-words.js';
import type { Presentation } from '../contract/line-party.js';
import type { NumberView } from '../contract/models.js';
import { analyzeNumber } from '../numbers/analyze-number.js';
import type { DialingRules } from '../numbers/dialing-rules.js';
import { NumberError } from '../numbers/number-error.js';

/**
 * What the line reported, completed where possible. A number the line presents as withheld,
 * unavailable or unknown is never a number: no E.164 form (so never looked up) and nothing to
 * dial back, whatever `raw` holds.
 */
export function numberView(
  raw: string,
  rules: DialingRules,
  presentation: Presentation = 'allowed',
): NumberView {
  if (presentation !== 'allowed' || raw.trim() === '')
    return {
      raw: presentation === 'withheld' ? '' : raw,
      e164: null,
      // In English here; the popup and the export translate it from the presentation.
      display: presentationText(presentation === 'allowed' ? 'unknown' : presentation, CALL_WORDS.en) ?? '',
      kind: 'unknown',
      dialable: '',
      valid: false,
    };
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
      display: shown.slice(0, 64),
      kind: 'unknown',
      dialable: '',
      valid: false,
    };
  }
}
