/**
 * The dialing rules' warnings (an extension length that reaches the country's emergency or
 * service numbers, see electron/numbers/rules-warnings.ts) in the UI's words: the Companion gives
 * a stable code and the numbers; the sentence comes from the catalogue.
 */
import type { MessageKey, Translator } from '../i18n/i18n.js';

/** A warning as `previewNumber` returns it. */
export interface RulesWarning {
  readonly code: string;
  readonly numbers: readonly string[];
  /** The Companion's own English words, for a code this catalogue does not know yet. */
  readonly message: string;
}

/** The catalogue's words for each code, for one number and for several. */
const WARNINGS: Readonly<Record<string, readonly [MessageKey, MessageKey]>> = {
  'extension-reaches-emergency-numbers': ['dialing.warnEmergency.one', 'dialing.warnEmergency.other'],
  'extension-reaches-service-numbers': ['dialing.warnService.one', 'dialing.warnService.other'],
};

/** `warning` in the UI's language, its numbers listed as that language lists ("110 und 112"). */
export function warningText(warning: RulesWarning, i18n: Translator): string {
  const keys = Object.hasOwn(WARNINGS, warning.code) ? WARNINGS[warning.code] : undefined;
  if (keys === undefined) return warning.message;
  const numbers = new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(warning.numbers);
  return i18n.t(keys[warning.numbers.length === 1 ? 0 : 1], { numbers });
}
