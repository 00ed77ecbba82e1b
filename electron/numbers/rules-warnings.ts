/**
 * Warnings about dialing rules that are valid but will surprise: today, an extension length
 * that reaches the country's short numbers (see short-numbers.ts). With 3-digit extensions in
 * Germany, a colleague at `110` or `112` can never be dialled by the extension, because those
 * digits always dial the police or the fire brigade; and `115` dials the colleague at 115, so the
 * public authorities' number cannot be dialled by its short form. Settings with a warning still
 * save; the settings forms show it beside the field.
 */
import type { DialingRules } from './dialing-rules.js';
import { shortNumbersOf, type ShortNumberUse } from './short-numbers.js';

/** One warning, on one field of the rules. */
export interface RulesWarning {
  /** The field it is about (`extensionMaxLength`). */
  readonly field: keyof DialingRules;
  /** Stable, for a face that words it in its own language. */
  readonly code: 'extension-reaches-emergency-numbers' | 'extension-reaches-service-numbers';
  /** The short numbers concerned. */
  readonly numbers: readonly string[];
  /** The warning in plain English words. */
  readonly message: string;
}

/** What is surprising about `rules`; empty when nothing is. */
export function dialingRulesWarnings(rules: DialingRules): RulesWarning[] {
  const { extensionMaxLength, countryCode } = rules;
  if (extensionMaxLength === 0) return [];
  const reached = (use: ShortNumberUse) =>
    shortNumbersOf(countryCode)
      .filter((short) => short.use === use && short.digits.length <= extensionMaxLength)
      .map((short) => short.digits);
  const extensions = `extensions of up to ${extensionMaxLength} digits include`;
  const warnings: RulesWarning[] = [];
  const emergency = reached('emergency');
  if (emergency.length > 0)
    warnings.push({
      field: 'extensionMaxLength',
      code: 'extension-reaches-emergency-numbers',
      numbers: emergency,
      message:
        `${extensions} ${list(emergency)}, ${emergency.length === 1 ? 'an emergency number' : 'emergency numbers'} ` +
        `of country +${countryCode}: ${emergency.length === 1 ? 'it always dials' : 'these always dial'} ` +
        'the emergency services, never a colleague',
    });
  const service = reached('service');
  if (service.length > 0)
    warnings.push({
      field: 'extensionMaxLength',
      code: 'extension-reaches-service-numbers',
      numbers: service,
      message:
        `${extensions} ${list(service)}, ${service.length === 1 ? 'a service number' : 'service numbers'} ` +
        `of country +${countryCode}: ${service.length === 1 ? 'it dials' : 'these dial'} ` +
        'the colleague with that extension, not the service',
    });
  return warnings;
}

function list(numbers: readonly string[]): string {
  if (numbers.length === 1) return numbers[0] ?? '';
  return `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1) ?? ''}`;
}
