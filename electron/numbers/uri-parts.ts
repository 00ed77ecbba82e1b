/**
 * Small, strict pieces of URI syntax that the phone-link parser is built from: percent
 * decoding that rejects malformed escapes and control characters, RFC 3966 parameters and
 * `phone-context` descriptors.
 */
import { NumberError, describeChar } from './number-error.js';

const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const CONTROL = /\p{Cc}/u;
/** An escape run: `%XX` one or more times. */
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;
/**
 * The escape of a control character in valid UTF-8: C0 and DEL are one byte (`%0A`, `%7F`); C1
 * is `%C2%80` to `%C2%9F`. Neither byte can be part of another character's encoding.
 */
const CONTROL_ESCAPE = /%(?:[01][0-9A-Fa-f]|7[Ff])|%[Cc]2%[89][0-9A-Fa-f]/;

/**
 * Decodes `%XX` escapes (UTF-8). Malformed escapes and decoded control characters (NUL
 * included) are errors: a link arrives from any web page and may try to smuggle them in.
 * `at` is where `text` starts in the link (0-based): a refusal names the 1-based position in
 * the link as written.
 */
export function decodePercent(text: string, what: string, at = 0): string {
  const bad = BAD_ESCAPE.exec(text);
  if (bad !== null) {
    throw new NumberError('invalid-percent-encoding', `malformed percent-encoding in the ${what}`, {
      position: at + bad.index + 1,
    });
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw new NumberError('invalid-percent-encoding', `percent-encoding in the ${what} is not valid UTF-8`, {
      position: at + notUtf8(text) + 1,
    });
  }
  const control = CONTROL.exec(decoded);
  if (control !== null) {
    // Written as it is, or escaped; the escape's own character, should they differ.
    const raw = CONTROL.exec(text) ?? CONTROL_ESCAPE.exec(text);
    const index = raw?.index ?? 0;
    const char = raw === null ? control[0] : decodeURIComponent(raw[0]);
    throw new NumberError(
      'control-character',
      `the ${what} contains a control character (${describeChar(char)} at position ${at + index + 1})`,
      { char: describeChar(char), position: at + index + 1 },
    );
  }
  return decoded;
}

/** Where the first escaped character of `text` that is not UTF-8 starts (0 when none is found). */
function notUtf8(text: string): number {
  for (const run of text.matchAll(ESCAPES)) {
    for (let i = 0; i < run[0].length;) {
      const width = utf8Width(Number.parseInt(run[0].slice(i + 1, i + 3), 16)) * 3;
      try {
        decodeURIComponent(run[0].slice(i, i + width));
      } catch {
        return run.index + i;
      }
      i += width;
    }
  }
  return 0;
}

/** How many bytes the UTF-8 sequence starting with `lead` has (1 for a byte that starts none). */
function utf8Width(lead: number): number {
  if (lead >= 0xf0 && lead < 0xf8) return 4;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xc0 && lead < 0xe0) return 2;
  return 1;
}

/**
 * Where the character at `index` of `decodePercent(raw)` was written in `raw` (0-based): an
 * escaped character is where its first `%` is. `raw` must decode (see {@link decodePercent}).
 */
export function rawIndex(raw: string, index: number): number {
  let decoded = 0;
  let i = 0;
  while (i < raw.length) {
    let width: number;
    let units: number;
    if (raw[i] === '%') {
      const bytes = utf8Width(Number.parseInt(raw.slice(i + 1, i + 3), 16));
      width = bytes * 3;
      units = bytes === 4 ? 2 : 1;
    } else {
      width = (raw.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      units = width;
    }
    if (index < decoded + units) return i;
    decoded += units;
    i += width;
  }
  return raw.length;
}

/**
 * One `;name=value` parameter of a tel URI, name lower-cased, value still encoded; `at` is where
 * the value starts in the text split (0-based).
 */
export interface UriParameter {
  readonly name: string;
  readonly value: string | null;
  readonly at: number;
}

/** Splits `;a=b;c` into parameters. Names compare case-insensitively (RFC 3966 §3). */
export function splitParameters(text: string): UriParameter[] {
  if (text === '') return [];
  let start = 0;
  return text.split(';').map((part) => {
    const at = start;
    start += part.length + 1;
    const equals = part.indexOf('=');
    if (equals < 0) return { name: part.trim().toLowerCase(), value: null, at: at + part.length };
    return {
      name: part.slice(0, equals).trim().toLowerCase(),
      value: part.slice(equals + 1),
      at: at + equals + 1,
    };
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
export function readPhoneContext(value: string | null, at = 0): PhoneContext {
  const text = value === null ? '' : decodePercent(value, 'phone-context', at);
  if (text === '') throw new NumberError('invalid-phone-context', 'phone-context is empty');
  if (GLOBAL_DIGITS.test(text)) return { kind: 'prefix', digits: text.replace(/\D/g, '') };
  if (DOMAIN_NAME.test(text)) return { kind: 'domain', domain: text };
  throw new NumberError(
    'invalid-phone-context',
    'phone-context must be a "+" followed by digits or a domain name',
  );
}
