/**
 * Phone links: `tel:` (RFC 3966), `phone:` (ConSol CM/Phone), `callto:`/`callto://` and
 * `sip:`/`sips:` whose user part is a number.
 *
 * This string arrives from any web page through the OS, so the parser is strict about what can
 * reach the line: the result is a number (digits, or a feature code of digits, `*`, `#`), an
 * extension and a context, each checked, and nothing else of the link is ever used. It is
 * lenient only where real pages are sloppy: local numbers without `phone-context`
 * (`tel:0211-5551234`) are read with the dialing rules, and spaces count as visual separators.
 */
import { splitCallingCode } from './calling-codes.js';
import { completeDigits, type CompletedNumber, type NumberKind } from './complete.js';
import type { DialingRules } from './dialing-rules.js';
import { dialable } from './dialable.js';
import { NumberError, describeChar } from './number-error.js';
import { readNumberDigits } from './number-input.js';
import { shortNumberOf } from './short-numbers.js';
import {
  decodePercent,
  rawIndex,
  readPhoneContext,
  splitParameters,
  type PhoneContext,
} from './uri-parts.js';

/** The link schemes Ringdesk dials. */
export const LINK_SCHEMES = ['tel', 'phone', 'callto', 'sip', 'sips'] as const;
export type LinkScheme = (typeof LINK_SCHEMES)[number];

/** Where a link leads; feature codes (`*21#`) are dialled as written and have no E.164 form. */
export type LinkKind = NumberKind | 'feature-code';

/** A parsed phone link; key order is `ringdesk uri`'s output order. */
export interface PhoneLink {
  readonly input: string;
  readonly scheme: LinkScheme;
  /** The number as the link gives it, without visual separators (`+12015550123`, `8631234`). */
  readonly number: string;
  /** The link holds a global number (`+...`). */
  readonly global: boolean;
  /** The `phone-context` as written, or null. */
  readonly phoneContext: string | null;
  /** The `ext` parameter without visual separators, or null. */
  readonly extension: string | null;
  readonly e164: string | null;
  readonly kind: LinkKind;
  readonly dialable: string;
}

/** Longest link considered at all. */
export const MAX_LINK_LENGTH = 2048;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const RAW_CONTROL = /\p{Cc}/u;
const NOT_FEATURE_CODE = /[^-0-9A-Fa-f*#+.()]/u;
const VISUAL = /[-.()]/g;
const EXTENSION = /^\+?[-\d.()]*\d[-\d.()]*$/;
const SIP_HOST = /^[A-Za-z0-9.\-:[\]]+$/;

/**
 * Parses a phone link and completes its number with the rules.
 *
 * @throws NumberError for anything that is not a phone link Ringdesk can dial: other schemes,
 *   a missing scheme, letters in the number, control characters (raw or percent-encoded),
 *   text after the number, an empty or malformed `phone-context`, more than 15 digits.
 */
export function parseTelUri(input: string, rules: DialingRules): PhoneLink {
  if (input.length > MAX_LINK_LENGTH) {
    throw new NumberError('too-long-input', `link is longer than ${MAX_LINK_LENGTH} characters`, {
      max: MAX_LINK_LENGTH,
    });
  }
  const control = RAW_CONTROL.exec(input);
  if (control !== null) {
    const params = { char: describeChar(control[0]), position: control.index + 1 };
    throw new NumberError(
      'control-character',
      `link contains a control character (${params.char} at position ${params.position})`,
      params,
    );
  }
  const text = input.trim();
  const match = SCHEME.exec(text);
  if (match === null) {
    throw new NumberError('missing-scheme', 'not a link: expected tel:, phone:, callto:, sip: or sips:');
  }
  const scheme = (match[1] as string).toLowerCase();
  if (!isLinkScheme(scheme)) {
    throw new NumberError('unsupported-scheme', `unsupported scheme "${scheme.slice(0, 16)}:"`, {
      scheme: scheme.slice(0, 16),
    });
  }
  let rest = text.slice(match[0].length);
  // Where `rest` starts in the input, for the positions a refusal names.
  let at = input.length - input.trimStart().length + match[0].length;
  if (scheme === 'sip' || scheme === 'sips') return { input, scheme, ...readSipUser(rest, rules, at) };
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    at += 2;
  }
  return { input, scheme, ...readSubscriber(rest, rules, at) };
}

function isLinkScheme(scheme: string): scheme is LinkScheme {
  return (LINK_SCHEMES as readonly string[]).includes(scheme);
}

/** `user@host;params?headers`: the user part must be a number, the host must look like one. */
function readSipUser(rest: string, rules: DialingRules, at: number): Subscriber {
  try {
    return readSubscriber(sipUserPart(rest), rules, at);
  } catch (error) {
    if (
      error instanceof NumberError &&
      (error.code === 'invalid-character' || error.code === 'invalid-feature-code-character')
    ) {
      throw new NumberError(
        error.code,
        `the SIP address is not a phone number: ${error.message}`,
        error.params,
      );
    }
    throw error;
  }
}

function sipUserPart(rest: string): string {
  const at = rest.indexOf('@');
  if (at < 0) return rest.split('?')[0] as string;
  const host = (rest.slice(at + 1).split(/[;?]/)[0] as string).trim();
  if (!SIP_HOST.test(host)) throw new NumberError('invalid-uri', 'the SIP address has no valid host');
  const user = rest.slice(0, at);
  if (user.includes(':'))
    throw new NumberError('invalid-uri', 'a SIP address with a password is not a phone link');
  return user;
}

type Subscriber = Omit<PhoneLink, 'input' | 'scheme'>;

/**
 * Reads RFC 3966's `telephone-subscriber`: a number and its parameters. `at` is where `text`
 * starts in the link (0-based), for the positions a refusal names.
 */
function readSubscriber(text: string, rules: DialingRules, at: number): Subscriber {
  if (text.includes('?')) throw new NumberError('invalid-uri', 'a phone link has no query ("?")');
  const semicolon = text.indexOf(';');
  const rawNumber = semicolon < 0 ? text : text.slice(0, semicolon);
  const params = readParameters(semicolon < 0 ? '' : text.slice(semicolon + 1), at + semicolon + 1);
  const decoded = decodePercent(rawNumber, 'number', at);
  const written = decoded.trim();
  if (written === '') throw new NumberError('empty', 'the link holds no number');
  const extension = params.extension;
  const phoneContext = params.context?.text ?? null;

  // The 1-based position in the link of `written`'s character at (0-based) `index`, escapes
  // counted as written.
  const lead = decoded.length - decoded.trimStart().length;
  const positionOf = (index: number) => at + rawIndex(rawNumber, lead + index) + 1;
  if (isFeatureCode(written, params.context !== null)) {
    const code = featureCode(written, positionOf);
    return {
      number: code,
      global: false,
      phoneContext,
      extension,
      e164: null,
      kind: 'feature-code',
      dialable: code,
    };
  }
  const { plus: global, digits } = inLink(
    () => readNumberDigits(written, rules.internationalPrefix),
    positionOf,
  );
  const context = global ? null : (params.context?.value ?? null);
  const completed =
    context?.kind === 'prefix'
      ? completeInContext(context.digits, digits, rules)
      : completeDigits({ plus: global, digits }, rules);
  const number = withExtension(completed, extension, rules);
  return {
    number: (global ? '+' : '') + digits,
    global,
    phoneContext,
    extension,
    e164: number.e164,
    kind: number.kind,
    dialable: dialable(number, rules),
  };
}

/**
 * A local number under a global `phone-context` (`tel:115;phone-context=+49`): the short number
 * of the agent's own country when the context is that country and the number one of its short
 * numbers (RFC 3966 section 5.1.5: a local number is dialled in its context; a country's context
 * is its public network, so no extension of the company is meant); otherwise the context's
 * digits in front of the number.
 */
function completeInContext(context: string, digits: string, rules: DialingRules): CompletedNumber {
  const short =
    splitCallingCode(context)?.callingCode === rules.countryCode
      ? shortNumberOf(rules.countryCode, digits)
      : null;
  if (short !== null) return { e164: null, kind: 'short', extension: null, short };
  return completeDigits({ plus: true, digits: context + digits }, rules);
}

interface Parameters {
  readonly extension: string | null;
  readonly context: { readonly text: string; readonly value: PhoneContext } | null;
}

/** Reads `ext` and `phone-context`; `isub` and unknown parameters are checked and ignored. */
function readParameters(text: string, at: number): Parameters {
  let extension: string | null = null;
  let context: Parameters['context'] = null;
  const seen = new Set<string>();
  for (const { name, value, at: start } of splitParameters(text)) {
    const where = at + start;
    if (name === 'ext' || name === 'phone-context' || name === 'isub') {
      if (seen.has(name)) throw new NumberError('invalid-parameter', `parameter "${name}" appears twice`);
      seen.add(name);
    }
    if (name === 'ext') extension = readExtension(value, where);
    else if (name === 'phone-context') {
      const text = decodePercent(value ?? '', 'phone-context', where);
      context = { text, value: readPhoneContext(value, where) };
    } else if (value !== null) decodePercent(value, `parameter "${name.slice(0, 16)}"`, where);
  }
  return { extension, context };
}

function readExtension(value: string | null, at: number): string {
  const text = value === null ? '' : decodePercent(value, 'extension', at);
  if (!EXTENSION.test(text)) {
    throw new NumberError('invalid-parameter', 'the extension ("ext") must be digits');
  }
  return text.replace(VISUAL, '');
}

/** `*` or `#` make a local number a feature code; so do hex digits under a `phone-context`. */
function isFeatureCode(written: string, hasContext: boolean): boolean {
  return /[*#]/.test(written) || (hasContext && /[A-Fa-f]/.test(written));
}

/**
 * Runs the number check on a link's number part; a refusal that names a position (a letter, a
 * misplaced "+") names it where the link has it, as the agent sees the link.
 */
function inLink<T>(read: () => T, positionOf: (index: number) => number): T {
  try {
    return read();
  } catch (error) {
    const at = error instanceof NumberError ? error.params.position : undefined;
    if (!(error instanceof NumberError) || typeof at !== 'number') throw error;
    const position = positionOf(at - 1);
    throw new NumberError(error.code, error.message.replace(`position ${at}`, `position ${position}`), {
      ...error.params,
      position,
    });
  }
}

/**
 * A local number with `*` or `#` (or RFC 3966's hex digits under a `phone-context`): a feature
 * code for the PBX or phone, dialled as written without its visual separators. `positionOf`
 * gives the 1-based position in the link of `written`'s character at an index.
 */
function featureCode(written: string, positionOf: (index: number) => number): string {
  const bad = NOT_FEATURE_CODE.exec(written);
  if (bad !== null) {
    const params = { char: describeChar(bad[0]), position: positionOf(bad.index) };
    throw new NumberError(
      'invalid-feature-code-character',
      `character ${params.char} at position ${params.position} is not allowed in a feature code (digits, *, # only)`,
      params,
    );
  }
  const code = written.replace(VISUAL, '');
  if (code.startsWith('+')) {
    throw new NumberError('feature-code-in-global-number', 'a global number ("+...") cannot hold "*" or "#"');
  }
  return code;
}

/**
 * A link to the company's own number with `ext=` within the extension length is that
 * colleague: `tel:+49-211-339903;ext=12` dials `12`. Any other extension is reported, not
 * dialled: only a person or an IVR can pass it on.
 */
function withExtension(
  number: CompletedNumber,
  extension: string | null,
  rules: DialingRules,
): CompletedNumber {
  if (extension === null || !/^\d+$/.test(extension) || extension.length > rules.extensionMaxLength)
    return number;
  const company = `+${rules.countryCode}${rules.areaCode}${rules.baseNumber}`;
  if (rules.baseNumber === '' || number.e164 !== company) return number;
  return { e164: company + extension, kind: 'internal', extension };
}
