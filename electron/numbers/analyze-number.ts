/**
 * Everything the engine can say about one number, as `ringdesk number` prints it and as the
 * dialing-rules preview shows it.
 */
import { complete, type NumberKind } from './complete.js';
import type { DialingRules } from './dialing-rules.js';
import { dialable } from './dialable.js';
import { present } from './display.js';

/** The analysis of one number; key order is the CLI's output order. */
export interface NumberReport {
  readonly input: string;
  readonly e164: string | null;
  readonly kind: NumberKind;
  readonly dialable: string;
  readonly display: string;
  readonly valid: boolean;
}

/**
 * Completes, classifies, presents and makes dialable one number as written.
 *
 * @throws NumberError when `input` is not a phone number.
 */
export function analyzeNumber(input: string, rules: DialingRules): NumberReport {
  const number = complete(input, rules);
  const { display, valid } = present(number, rules, input);
  return {
    input,
    e164: number.e164,
    kind: number.kind,
    dialable: dialable(number, rules),
    display,
    valid,
  };
}
