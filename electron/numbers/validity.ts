/**
 * libphonenumber-js's verdict on an E.164 string, taken literally.
 *
 * libphonenumber strips a trunk prefix it finds after the country code while parsing, so it
 * calls `+4902115551234` valid (meaning `+492115551234`). Completion needs to know whether the
 * string itself is a valid number, so a number counts as valid only when parsing gives it back
 * unchanged.
 */
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';

/** Parses an E.164 string; undefined when libphonenumber cannot make a number of it. */
export function parseE164(e164: string): PhoneNumber | undefined {
  return parsePhoneNumberFromString(e164);
}

/** True when `e164` is, exactly as written, a valid number. */
export function isValidE164(e164: string): boolean {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed !== undefined && parsed.number === e164 && parsed.isValid();
}

/** True when `parsed`, read from `e164`, is that very number and valid. */
export function isExactlyValid(parsed: PhoneNumber, e164: string): boolean {
  return parsed.number === e164 && parsed.isValid();
}
