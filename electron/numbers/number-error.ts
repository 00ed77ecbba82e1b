/**
 * The one error type of the number engine.
 *
 * Every rejection of a phone number or a phone link is a `NumberError`; nothing else escapes
 * from `numbers/` for bad input (the property tests hold the engine to this). The `code` is
 * stable and machine-readable; the message names the problem for a human and never echoes
 * more than a short, sanitised excerpt of the input, because the input may come from any web
 * page.
 */
export class NumberError extends Error {
  override readonly name = 'NumberError';

  constructor(
    /** Stable identifier of the problem, e.g. `invalid-character`. */
    readonly code: NumberErrorCode,
    message: string,
    /**
     * What the message names, for a face that words it in the agent's language (`char`,
     * `position`, `max`, ...): short, sanitised text and numbers only.
     */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

/** Every reason the engine rejects an input. */
export const NUMBER_ERROR_CODES = [
  'empty',
  'too-long-input',
  'invalid-character',
  'control-character',
  'misplaced-plus',
  'no-digits',
  'too-many-digits',
  'foreign-international-prefix',
  'invalid-country-code',
  'unsupported-scheme',
  'missing-scheme',
  'invalid-uri',
  'invalid-parameter',
  'invalid-phone-context',
  'invalid-percent-encoding',
  'feature-code-in-global-number',
  'invalid-feature-code-character',
] as const;

/** One reason the engine rejects an input. */
export type NumberErrorCode = (typeof NUMBER_ERROR_CODES)[number];

/**
 * Describes one character for an error message: printable ASCII as itself in quotes,
 * anything else as its code point, so that a message never carries control characters or
 * invisible text from hostile input.
 */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x21 && code <= 0x7e) return `"${char}"`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
