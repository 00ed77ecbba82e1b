/**
 * How a number is shown to the agent: libphonenumber-js's national format for valid numbers of
 * the agent's own country, the international format for all others, and the number as written
 * when libphonenumber cannot format it (bare extensions). A short number (`112`) is shown as
 * itself, and counts as valid: it is one of the country's emergency or service numbers.
 *
 * A national form is only used when it reads back as the same number with the agent's rules:
 * Canada's `310-1234` service numbers would otherwise show as a local number in Redmond.
 */
import { complete, type CompletedNumber } from './complete.js';
import type { DialingRules } from './dialing-rules.js';
import { isExactlyValid, parseE164 } from './validity.js';

/** The display form and libphonenumber's verdict on a completed number. */
export interface NumberPresentation {
  readonly display: string;
  /** True when libphonenumber-js considers the E.164 form a valid number (or it is a known short number). */
  readonly valid: boolean;
}

/** Presents `number`, falling back to `written` (the input as the user gave it). */
export function present(number: CompletedNumber, rules: DialingRules, written: string): NumberPresentation {
  if (number.kind === 'short') return { display: number.short.digits, valid: true };
  const { e164 } = number;
  const parsed = e164 === null ? undefined : parseE164(e164);
  if (e164 === null || parsed === undefined) return { display: written.trim(), valid: false };
  const valid = isExactlyValid(parsed, e164);
  if (valid && parsed.countryCallingCode === rules.countryCode) {
    const national = parsed.formatNational();
    if (readsAs(national, e164, rules)) return { display: national, valid };
  }
  return { display: parsed.formatInternational(), valid };
}

function readsAs(display: string, e164: string, rules: DialingRules): boolean {
  try {
    return complete(display, { ...rules, incomingFilters: [] }).e164 === e164;
  } catch {
    return false;
  }
}
