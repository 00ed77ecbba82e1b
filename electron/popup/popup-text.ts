/**
 * The words the popup templates and action buttons use, in English and German (the templates
 * read them as `{{text.*}}`, so the same template serves both): the call's direction, how a
 * caller without a contact is named, the number kinds and the phone types. `{count}` and
 * `{number}` are filled in.
 */
import type { CallOutcome, Presentation } from '../contract/line-party.js';

export const POPUP_TEXT = {
  en: {
    incomingCall: 'Incoming call',
    outgoingCall: 'Outgoing call',
    missedCall: 'Missed call',
    line: 'line',
    unknownCaller: 'Unknown caller',
    calling: 'Calling …',
    extension: 'Ext. {number}',
    withheld: 'Withheld number',
    pickCaller: '{count} contacts have this number. Pick the caller:',
    openContact: 'Open contact',
    newTicket: 'New ticket',
    newContact: 'New contact',
    kindInternal: 'internal',
    kindLocal: 'local',
    kindNational: 'national',
    kindInternational: 'international',
    kindShort: 'emergency or service number',
    phoneWork: 'work',
    phoneMobile: 'mobile',
    phoneHome: 'home',
    phoneFax: 'fax',
    phoneMain: 'main number',
    phonePrimary: 'primary',
    phoneAssistant: 'assistant',
    phoneCallback: 'callback',
    phoneCar: 'car',
    phoneIsdn: 'ISDN',
    phoneRadio: 'radio',
    phoneTty: 'TTY',
    phonePager: 'pager',
    phoneOther: 'other',
    numberWithheld: 'Number withheld',
    numberUnavailable: 'Number unavailable',
    numberUnknown: 'Number unknown',
    queue: 'Queue {queue}',
    answeredBy: 'Answered by {who}',
    answeredElsewhere: 'Answered elsewhere',
    rejectedBusy: 'Rejected: busy',
    rejectedDnd: 'Rejected: do not disturb',
    rejectedUnavailable: 'Rejected: phone unavailable',
    rejectedDeclined: 'Rejected',
    forwardedTo: 'Forwarded to {to}',
    forwarded: 'Forwarded',
    abandonedInQueue: 'Abandoned in queue {queue}',
    abandoned: 'Abandoned in the queue',
  },
  de: {
    incomingCall: 'Eingehender Anruf',
    outgoingCall: 'Ausgehender Anruf',
    missedCall: 'Verpasster Anruf',
    line: 'Leitung',
    unknownCaller: 'Unbekannter Anrufer',
    calling: 'Anruf an …',
    extension: 'Durchwahl {number}',
    withheld: 'Rufnummer unterdrückt',
    pickCaller: '{count} Kontakte haben diese Nummer. Wer ruft an?',
    openContact: 'Kontakt öffnen',
    newTicket: 'Neues Ticket',
    newContact: 'Neuer Kontakt',
    kindInternal: 'intern',
    kindLocal: 'Ortsnetz',
    kindNational: 'Inland',
    kindInternational: 'Ausland',
    kindShort: 'Notruf- oder Servicenummer',
    phoneWork: 'geschäftlich',
    phoneMobile: 'mobil',
    phoneHome: 'privat',
    phoneFax: 'Fax',
    phoneMain: 'Zentrale',
    phonePrimary: 'Hauptnummer',
    phoneAssistant: 'Assistenz',
    phoneCallback: 'Rückruf',
    phoneCar: 'Auto',
    phoneIsdn: 'ISDN',
    phoneRadio: 'Funk',
    phoneTty: 'Schreibtelefon',
    phonePager: 'Pager',
    phoneOther: 'weitere',
    numberWithheld: 'Rufnummer unterdrückt',
    numberUnavailable: 'Rufnummer nicht verfügbar',
    numberUnknown: 'Rufnummer unbekannt',
    queue: 'Warteschlange {queue}',
    answeredBy: 'Angenommen von {who}',
    answeredElsewhere: 'Anderswo angenommen',
    rejectedBusy: 'Abgewiesen: besetzt',
    rejectedDnd: 'Abgewiesen: nicht stören',
    rejectedUnavailable: 'Abgewiesen: Telefon nicht erreichbar',
    rejectedDeclined: 'Abgewiesen',
    forwardedTo: 'Weitergeleitet an {to}',
    forwarded: 'Weitergeleitet',
    abandonedInQueue: 'In Warteschlange {queue} aufgelegt',
    abandoned: 'In der Warteschlange aufgelegt',
  },
} as const satisfies Record<string, Record<string, string>>;

export type PopupLanguage = keyof typeof POPUP_TEXT;
export type PopupText = Readonly<Record<keyof (typeof POPUP_TEXT)['en'], string>>;

/** The popup language for a locale: German for `de-*`, English otherwise. */
export function popupLanguage(locale: string): PopupLanguage {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/**
 * The locale popups format times and country names in: the OS's when the settings follow it
 * (`auto`) or when it is of the chosen language (`de-AT` stays `de-AT`), else the chosen
 * language itself, so a German UI shows 21:38 on an English system, never 09:38 PM.
 */
export function popupLocale(language: 'auto' | PopupLanguage, osLocale: string): string {
  if (language === 'auto' || popupLanguage(osLocale) === language) return osLocale;
  return language;
}

const PHONE_TYPES: Readonly<Record<string, keyof PopupText>> = {
  work: 'phoneWork',
  mobile: 'phoneMobile',
  home: 'phoneHome',
  fax: 'phoneFax',
  main: 'phoneMain',
  primary: 'phonePrimary',
  assistant: 'phoneAssistant',
  callback: 'phoneCallback',
  car: 'phoneCar',
  isdn: 'phoneIsdn',
  radio: 'phoneRadio',
  tty: 'phoneTty',
  pager: 'phonePager',
  other: 'phoneOther',
};

/** A phone type (`work`, `mobile`, ...) in the popup's language; one no directory names is shown as given. */
export function phoneTypeName(type: string, text: PopupText): string {
  const key = Object.hasOwn(PHONE_TYPES, type) ? PHONE_TYPES[type] : undefined;
  return key === undefined ? type : text[key];
}

/** "Answered by Anna (7003)", "Rejected: busy", "Forwarded to 208" … in `text`'s language. */
export function outcomeText(outcome: CallOutcome, text: PopupText): string {
  switch (outcome.kind) {
    case 'answeredElsewhere': {
      const { name, number } = outcome.by ?? {};
      const who = name !== undefined && number !== undefined ? `${name} (${number})` : (name ?? number);
      return who === undefined ? text.answeredElsewhere : text.answeredBy.replace('{who}', who);
    }
    case 'rejected':
      return {
        busy: text.rejectedBusy,
        dnd: text.rejectedDnd,
        unavailable: text.rejectedUnavailable,
        declined: text.rejectedDeclined,
      }[outcome.reason];
    case 'forwarded':
      return outcome.to === undefined ? text.forwarded : text.forwardedTo.replace('{to}', outcome.to);
    case 'abandoned':
      return outcome.queue === undefined
        ? text.abandoned
        : text.abandonedInQueue.replace('{queue}', outcome.queue);
  }
}

/** How a number the line did not give is shown, in `text`'s language; null for a number. */
export function presentationText(presentation: Presentation | undefined, text: PopupText): string | null {
  if (presentation === 'withheld') return text.numberWithheld;
  if (presentation === 'unavailable') return text.numberUnavailable;
  return presentation === 'unknown' ? text.numberUnknown : null;
}
