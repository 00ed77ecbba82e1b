/**
 * Warnings about dialing rules that are valid but will surprise: today, an extension length
 * that reaches the country's emergency or service short numbers. With 3-digit extensions in
 * Germany, a colleague at `110` or `112` can never be dialled by the extension, because those
 * digits always dial the police or the fire brigade (see short-numbers.ts). Settings with a
 * warning still save; the settings forms show it beside the field.
 */
import type { DialingRules } from './dialing-rules.js';
import { shortNumbersOf } from './short-numbers.js';

/** One warning, on one field of the rules. */
export interface RulesWarning {
  /** The field it is about (`extensionMaxLength`). */
  readonly field: keyof DialingRules;
  /** Stable, for a face that words it in its own language. */
  readonly code: 'extension-reaches-short-numbers';
  /** The short numbers concerned, emergency numbers first. */
  readonly numbers: readonly string[];
  /** The warning in plain English words. */
  readonly message: string;
}

/** What is surprising about `rules`; empty when nothing is. */
export function dialingRulesWarnings(rules: DialingRules): RulesWarning[] {
  const { extensionMaxLength } = rules;
  if (extensionMaxLength === 0) return [];
  const reached = shortNumbersOf(rules.countryCode).filter(
    (short) => short.digits.length <= extensionMaxLength,
  );
  if (reached.length === 0) return [];
  const numbers = reached.map((short) => short.digits);
  const uses = new Set(reached.map((short) => short.use));
  const what = uses.size === 2 ? 'emergency and service' : uses.has('emergency') ? 'emergency' : 'service';
  return [
    {
      field: 'extensionMaxLength',
      code: 'extension-reaches-short-numbers',
      numbers,
      message:
        `extensions of up to ${extensionMaxLength} digits include ${list(numbers)}, ` +
        `${what} numbers of country +${rules.countryCode}: ` +
        'these always dial the short number, never a colleague',
    },
  ];
}

function list(numbers: readonly string[]): string {
  if (numbers.length === 1) return numbers[0] ?? '';
  return `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1) ?? ''}`;
}
