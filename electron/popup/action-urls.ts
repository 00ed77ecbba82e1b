/**
 * The popup's one-click actions: open the contact in the helpdesk, create a ticket for it,
 * create a contact with the caller's number. Each is a URL template from the settings (per
 * directory, or global) with placeholders for the contact's fields and the number's forms.
 * Every value is URL-encoded, and only http/https URLs are ever produced.
 */

export const ACTION_IDS = ['open-contact', 'new-ticket', 'new-contact'] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** URL templates, as the settings hold them. */
export interface ActionTemplates {
  readonly openContact?: string | undefined;
  readonly newTicket?: string | undefined;
  readonly newContact?: string | undefined;
}

/** An action the popup offers. */
export interface PopupAction {
  readonly id: ActionId;
  readonly label: string;
  readonly url: string;
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
  override readonly name = 'ActionUrlError';
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;
const LABELS: Record<ActionId, string> = {
  'open-contact': 'Open contact',
  'new-ticket': 'New ticket',
  'new-contact': 'New contact',
};

/** True for an absolute http: or https: URL; anything else is never opened. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

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
 * Fills a URL template, URL-encoding every value.
 * @throws ActionUrlError for an unknown placeholder or a result that is not an http(s) URL.
 */
export function fillActionUrl(template: string, values: Readonly<Record<string, string>>): string {
  const url = template.replace(PLACEHOLDER, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new ActionUrlError(`unknown placeholder {{${key}}} in action URL`);
    return encodeURIComponent(value);
  });
  if (!isWebUrl(url)) throw new ActionUrlError('an action URL must be an http:// or https:// URL');
  return url;
}

/** The actions for a subject: open contact and new ticket need a contact; new contact is always there. */
export function popupActions(
  subject: ActionSubject,
  templates: ActionTemplates,
  labels: Readonly<Record<ActionId, string>> = LABELS,
): PopupAction[] {
  const values = actionValues(subject);
  const wanted: [ActionId, string | undefined][] =
    subject.contact === null
      ? [['new-contact', templates.newContact]]
      : [
          ['open-contact', templates.openContact],
          ['new-ticket', templates.newTicket],
          ['new-contact', templates.newContact],
        ];
  return wanted.flatMap(([id, template]) =>
    template === undefined ? [] : [{ id, label: labels[id], url: fillActionUrl(template, values) }],
  );
}
