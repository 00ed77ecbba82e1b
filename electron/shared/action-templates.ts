/**
 * Action URL templates: the helpdesk pages a click opens (open the contact, create a ticket, create
 * a contact), written with placeholders for the contact's fields and the number's forms. Shared by
 * the popups that offer them and the helpdesk presets that bring their own. Every value is
 * URL-encoded, and only http/https URLs are ever produced.
 */
import { isWebUrl } from './web-url.js';

export const ACTION_IDS = ['open-contact', 'new-ticket', 'new-contact'] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** URL templates, as the settings hold them. */
export interface ActionTemplates {
  readonly openContact?: string | undefined;
  readonly newTicket?: string | undefined;
  readonly newContact?: string | undefined;
}

/** What the placeholders of an action template can read. */
export interface ActionSubject {
  readonly contact: {
    readonly id: string;
    readonly name: string;
    readonly company: string | null;
    readonly email: string | null;
    readonly directory: string;
  } | null;
  readonly number: {
    readonly raw: string;
    readonly e164: string | null;
    readonly display: string;
    readonly countryCode: string;
  };
  readonly callId: string;
}

/** An action URL that is not a plain http(s) URL. */
export class ActionUrlError extends Error {
  override readonly name: string = 'ActionUrlError';
}

/** A contact's value that cannot go into the URL (it would move its path): only that action is left out. */
export class ActionValueError extends ActionUrlError {
  override readonly name = 'ActionValueError';
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/** The placeholder values for a subject, before URL-encoding. */
export function actionValues(subject: ActionSubject): Record<string, string> {
  const { contact, number } = subject;
  const e164 = number.e164 ?? '';
  return {
    'contact.id': contact?.id ?? '',
    'contact.name': contact?.name ?? '',
    'contact.company': contact?.company ?? '',
    'contact.email': contact?.email ?? '',
    'contact.directory': contact?.directory ?? '',
    'number.e164': e164,
    'number.digits': e164.replace(/^\+/, ''),
    'number.national': e164.startsWith(`+${number.countryCode}`)
      ? e164.slice(1 + number.countryCode.length)
      : '',
    'number.raw': number.raw,
    'number.display': number.display,
    'call.id': subject.callId,
  };
}

/**
 * A value for a URL: percent-encoded, dots too when the value is nothing but dots (`..` would
 * otherwise be a dot-segment that moves the URL: `/search/../profile`).
 */
function encodeValue(value: string): string {
  return /^\.+$/.test(value) ? value.replaceAll('.', '%2E') : encodeURIComponent(value);
}

/** True for a path segment that URL parsers drop or climb with (`.`, `..`, `%2e`, `.%2E`…). */
function isDotSegment(segment: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(segment);
}

/**
 * Fills a URL template, URL-encoding every value.
 * @throws ActionUrlError for an unknown placeholder, a result that is not an http(s) URL, or a
 * value that would move the URL's path (a contact whose id is `..`: browsers read `%2E%2E` as a
 * dot-segment too, so such a value is refused where it would stand as a whole path segment).
 */
export function fillActionUrl(template: string, values: Readonly<Record<string, string>>): string {
  const url = template.replace(PLACEHOLDER, (_, key: string) => {
    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    if (value === undefined) throw new ActionUrlError(`unknown placeholder {{${key}}} in action URL`);
    return encodeValue(value);
  });
  if (!isWebUrl(url)) throw new ActionUrlError('an action URL must be an http:// or https:// URL');
  const afterHost = url.replace(/^https?:\/\/[^/?#]*/i, '');
  const pathPart = afterHost.split(/[?#]/)[0] ?? '';
  if (pathPart.split('/').some(isDotSegment))
    throw new ActionValueError(
      'a value of this contact would change the path of the action URL ("." or "..")',
    );
  return url;
}
