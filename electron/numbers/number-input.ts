/**
 * Reads a phone number as people and PBXs write it, down to a leading `+` and its digits.
 *
 * Accepted: digits (any Unicode decimal digits, read as ASCII), one leading `+`, visual
 * separators (spaces, `-`, `.`, `/`, `(`, `)`, typographic dashes), invisible formatting marks
 * that copy-and-paste brings along (bidi marks, zero-width spaces), and the trunk marker of
 * `+49 (0)211 ...` right after a country code. Everything else is a {@link NumberError} that
 * names the character and its position.
 */
import { parseDigits } from 'libphonenumber-js';
import { isCallingCode, trunkPrefixOf } from './calling-codes.js';
import { NumberError, describeChar } from './number-error.js';

/** Longest input the engine looks at; longer strings are rejected before any work. */
export const MAX_INPUT_LENGTH = 256;

/** A number reduced to what completion needs. */
export interface NumberDigits {
  /** The number was written with a leading `+`. */
  readonly plus: boolean;
  /** Its digits, ASCII, without separators. */
  readonly digits: string;
}

const SEPARATOR = /^[-./()\u2010-\u2015\u2212\p{Zs}]$/u;
const INVISIBLE = /^[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]$/u;
const TRUNK_MARKER = /^\( *(\d{1,2}) *\)/;
const OUTER_SPACE = /^\p{Zs}+|\p{Zs}+$/gu;

/**
 * Applies the first matching incoming filter: the input is replaced by the filter's first
 * capture group (`@(\d+)$` turns `#000134@00493715347` into `00493715347`).
 */
export function applyIncomingFilters(input: string, filters: readonly RegExp[]): string {
  for (const filter of filters) {
    const match = filter.exec(input);
    if (match !== null) return match[1] ?? '';
  }
  return input;
}

/**
 * Reduces `input` to a leading `+` and digits. `internationalPrefix` lets the trunk marker
 * `(0)` be recognised after `0049` as well as after `+49`.
 *
 * @throws NumberError for empty input, letters, control characters, a `+` anywhere but at
 *   the start, or no digits at all.
 */
export function readNumberDigits(input: string, internationalPrefix: string): NumberDigits {
  if (input.length > MAX_INPUT_LENGTH) {
    throw new NumberError('too-long-input', `input is longer than ${MAX_INPUT_LENGTH} characters`, {
      max: MAX_INPUT_LENGTH,
    });
  }
  const text = input.replace(OUTER_SPACE, '');
  if (text === '') throw new NumberError('empty', 'no number given');

  let plus = false;
  let digits = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    const code = char.charCodeAt(0);
    if (code >= 0x30 && code <= 0x39) {
      digits += char;
    } else if (char === '+') {
      if (plus || digits !== '') throw misplacedPlus(index);
      plus = true;
    } else if (char === '(') {
      const marker = TRUNK_MARKER.exec(text.slice(index));
      if (marker !== null && isTrunkMarker(plus, digits, marker[1] as string, internationalPrefix)) {
        index += marker[0].length - 1;
      }
    } else if (SEPARATOR.test(char) || INVISIBLE.test(char)) {
      // visual separator or invisible mark: nothing to keep
    } else {
      const point = text.codePointAt(index) ?? code;
      const whole = String.fromCodePoint(point);
      if (/^\p{Nd}$/u.test(whole)) {
        digits += parseDigits(whole);
      } else {
        throw badCharacter(whole, index);
      }
      index += whole.length - 1;
    }
  }
  if (digits === '') throw new NumberError('no-digits', 'the number contains no digits');
  return { plus, digits };
}

/**
 * `(0)` (or `(8)` for Russia: the country's own trunk prefix) right after a country code is
 * the trunk marker of `+49 (0)211 ...`: dropped. For a country without a trunk prefix (Italy)
 * the digit is part of the number and stays.
 */
function isTrunkMarker(
  plus: boolean,
  digitsSoFar: string,
  marked: string,
  internationalPrefix: string,
): boolean {
  let callingCode: string;
  if (plus) callingCode = digitsSoFar;
  else if (internationalPrefix !== '' && digitsSoFar.startsWith(internationalPrefix)) {
    callingCode = digitsSoFar.slice(internationalPrefix.length);
  } else return false;
  if (!isCallingCode(callingCode)) return false;
  return marked === trunkPrefixOf(callingCode);
}

function misplacedPlus(index: number): NumberError {
  return new NumberError(
    'misplaced-plus',
    `"+" at position ${index + 1}: only one "+", at the start of the number, is allowed`,
    { position: index + 1 },
  );
}

function badCharacter(char: string, index: number): NumberError {
  const position = `at position ${index + 1}`;
  const params = { char: describeChar(char), position: index + 1 };
  if (/^\p{Cc}$/u.test(char)) {
    return new NumberError(
      'control-character',
      `control character ${describeChar(char)} ${position}`,
      params,
    );
  }
  if (/^\p{L}$/u.test(char)) {
    return new NumberError(
      'invalid-character',
      `letter ${describeChar(char)} ${position}: a phone number has digits only`,
      params,
    );
  }
  return new NumberError(
    'invalid-character',
    `character ${describeChar(char)} ${position} is not allowed in a phone number`,
    params,
  );
}
