/**
 * The words the popup templates and action buttons use, in English and German (the templates
 * read them as `{{text.*}}`, so the same template serves both): the call's direction, how a
 * caller without a contact is named, the number kinds and the phone types. `{count}` and
 * `{number}` are filled in.
 */
import { CALL_WORDS } from '../contract/call-words.js';

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
    ...CALL_WORDS.en,
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
    ...CALL_WORDS.de,
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
