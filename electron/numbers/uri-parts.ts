/**
 * Small, strict pieces of URI syntax that the phone-link parser is built from: percent
 * decoding that rejects malformed escapes and control characters, RFC 3966 parameters and
 * `phone-context` descriptors.
 */
import { NumberError } from './number-error.js';

const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const CONTROL = /\p{Cc}/u;

/**
 * Decodes `%XX` escapes (UTF-8). Malformed escapes and decoded control characters (NUL
 * included) are errors: a link arrives from any web page and may try to smuggle them in.
 */
export function decodePercent(text: string, what: string): string {
  if (BAD_ESCAPE.test(text)) {
    throw new NumberError('invalid-uri', `malformed percent-encoding in the ${what}`);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw new NumberError('invalid-uri', `percent-encoding in the ${what} is not valid UTF-8`);
  }
  if (CONTROL.test(decoded)) {
    throw new NumberError('control-character', `the ${what} contains a control character`);
  }
  return decoded;
}

/** One `;name=value` parameter of a tel URI, name lower-cased, value still encoded. */
export interface UriParameter {
  readonly name: string;
  readonly value: string | null;
}

/** Splits `;a=b;c` into parameters. Names compare case-insensitively (RFC 3966 §3). */
export function splitParameters(text: string): UriParameter[] {
  if (text === '') return [];
  return text.split(';').map((part) => {
    const equals = part.indexOf('=');
    if (equals < 0) return { name: part.trim().toLowerCase(), value: null };
    return { name: part.slice(0, equals).trim().toLowerCase(), value: part.slice(equals + 1) };
  });
}

const DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const TOP_LABEL = '[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DOMAIN_NAME = new RegExp(`^(?:${DOMAIN_LABEL}\\.)*${TOP_LABEL}\\.?$`);
const GLOBAL_DIGITS = /^\+[-\d.()]*\d[-\d.()]*$/;

/** A `phone-context` descriptor: the digits of a global prefix, or a domain name. */
export type PhoneContext =
  { readonly kind: 'prefix'; readonly digits: string } | { readonly kind: 'domain'; readonly domain: string };

/**
 * Reads a `phone-context` value (RFC 3966 `descriptor = domainname / global-number-digits`).
 * An empty value, bare digits, `++64`, `3phone` or `a-.nz` are errors.
 */
export function readPhoneContext(value: string | null): PhoneContext {
  const text = value === null ? '' : decodePercent(value, 'phone-context');
  if (text === '') throw new NumberError('invalid-phone-context', 'phone-context is empty');
  if (GLOBAL_DIGITS.test(text)) return { kind: 'prefix', digits: text.replace(/\D/g, '') };
  if (DOMAIN_NAME.test(text)) return { kind: 'domain', domain: text };
  throw new NumberError(
    'invalid-phone-context',
    'phone-context must be a "+" followed by digits or a domain name',
  );
}
