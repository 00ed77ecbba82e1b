/**
 * What a popup shows: the template picked for the situation and the data its placeholders
 * read (see templates/README.md), built from a call, its number and the matching contacts.
 */
import type { TemplateData } from './template-engine.js';
import type { CallOutcome, Presentation } from '../contract/line-party.js';
import { outcomeText, presentationText } from '../contract/call-words.js';
import { phoneTypeName, POPUP_TEXT, type PopupText } from './popup-text.js';
import type { TemplateName } from './template-store.js';

/** A contact as the popup needs it (any directory's contact fits). */
export interface PopupContact {
  readonly id: string;
  readonly name: string;
  readonly company: string | null;
  readonly email: string | null;
  readonly department: string | null;
  readonly title: string | null;
  readonly directory: string;
  /** Every directory that knows this person, when more than one does. */
  readonly sources?: readonly string[] | undefined;
  readonly phones: readonly { readonly type: string; readonly e164: string | null }[];
}

/** Everything a popup is made from. */
export interface PopupSubject {
  readonly call: {
    readonly callId: string;
    readonly direction: 'incoming' | 'outgoing';
    readonly line: string;
    readonly state: string;
    readonly startedAt: number;
    readonly presentation?: Presentation | undefined;
    readonly remoteName?: string | null | undefined;
    readonly queue?: string | null | undefined;
    readonly outcome?: CallOutcome | null | undefined;
  };
  readonly number: {
    readonly raw: string;
    readonly e164: string | null;
    readonly display: string;
    readonly kind: string;
    readonly dialable: string;
  };
  readonly contacts: readonly PopupContact[];
  /** The contact the agent picked (index into `contacts`), if any. */
  readonly selected: number | null;
  readonly failures: readonly { readonly directory: string; readonly error: string }[];
}

/** The contact a popup shows: the one picked, or the only one. */
export function shownContact(subject: PopupSubject): PopupContact | null {
  if (subject.selected !== null) return subject.contacts[subject.selected] ?? null;
  return subject.contacts.length === 1 ? (subject.contacts[0] ?? null) : null;
}

/** The template for the situation: missed, unknown, one contact, or a choice of several. */
export function templateFor(subject: PopupSubject): TemplateName {
  if (subject.call.state === 'missed') return 'missed-call';
  if (subject.contacts.length === 0) return 'unknown-caller';
  return shownContact(subject) === null ? 'contact-list' : 'contact-details';
}

/**
 * How a number is named where no contact names it: a colleague's extension as "Ext. 12", a
 * withheld number as such, any other as displayed.
 */
export function numberLabel(number: PopupSubject['number'], text: PopupText): string {
  // An internal number's dialable form is the bare extension.
  if (number.kind === 'internal')
    return text.extension.replace('{number}', number.dialable === '' ? number.display : number.dialable);
  if (number.kind === 'unknown' && number.raw.trim() === '') return text.withheld;
  return number.display;
}

/**
 * The number's kind in words: the country's name for an international number (when known),
 * else internal, local, national or short (emergency or service) in the popup's language;
 * nothing for an unreadable one.
 */
function kindName(number: PopupSubject['number'], text: PopupText, country: string | null): string {
  switch (number.kind) {
    case 'internal':
      return text.kindInternal;
    case 'local':
      return text.kindLocal;
    case 'national':
      return text.kindNational;
    case 'international':
      return country ?? text.kindInternational;
    case 'short':
      return text.kindShort;
    default:
      return '';
  }
}

/**
 * The heading of a popup without a contact: a colleague's extension ("Ext. 12"), "Calling …"
 * for a number the agent dialled (never "Unknown caller"), else "Unknown caller".
 */
function callerHeading(subject: PopupSubject, text: PopupText): string {
  if (subject.number.kind === 'internal') return numberLabel(subject.number, text);
  return subject.call.direction === 'outgoing' ? text.calling : text.unknownCaller;
}

/**
 * The placeholder data for a subject; `formatTime` renders hours and minutes for the user,
 * `countryOf` names the country of an E.164 number in the popup's language.
 */
export function templateData(
  subject: PopupSubject,
  formatTime: (epochMs: number) => string,
  text: PopupText = POPUP_TEXT.en,
  countryOf: (e164: string) => string | null = () => null,
): TemplateData {
  const { call, number } = subject;
  const contact = shownContact(subject);
  const country = number.kind === 'international' && number.e164 !== null ? countryOf(number.e164) : null;
  const notGiven = presentationText(call.presentation, text);
  const describe = (each: PopupContact, index: number) => {
    const phoneType =
      each.phones.find((phone) => phone.e164 !== null && phone.e164 === number.e164)?.type ?? null;
    return {
      index,
      name: each.name,
      company: each.company,
      department: each.department,
      title: each.title,
      email: each.email,
      directory: each.directory,
      source: (each.sources ?? [each.directory]).join(' · '),
      phoneType,
      phoneTypeName: phoneType === null ? null : phoneTypeName(phoneType, text),
    };
  };
  return {
    number: {
      ...number,
      // A number the line did not give reads "Number withheld" (…) in the agent's language.
      display: notGiven ?? number.display,
      internal: number.kind === 'internal',
      kindName: kindName(number, text, country),
      country,
      label: notGiven ?? numberLabel(number, text),
    },
    call: {
      id: call.callId,
      direction: call.direction,
      incoming: call.direction === 'incoming',
      line: call.line,
      state: call.state,
      missed: call.state === 'missed',
      startedAt: new Date(call.startedAt).toISOString(),
      time: formatTime(call.startedAt),
      remoteName: call.remoteName ?? null,
      queue: call.queue == null ? null : text.queue.replace('{queue}', call.queue),
      outcome: call.outcome == null ? null : outcomeText(call.outcome, text),
    },
    caller: callerHeading(subject, text),
    contact: contact === null ? null : describe(contact, subject.contacts.indexOf(contact)),
    contacts: subject.contacts.map(describe),
    contactCount: subject.contacts.length,
    failures: subject.failures.map((failure) => ({ ...failure })),
    text: { ...text, pickCaller: text.pickCaller.replace('{count}', String(subject.contacts.length)) },
  };
}
