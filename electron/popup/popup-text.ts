/**
 * The words the popup templates and action buttons use, in English and German (the templates
 * read them as `{{text.*}}`, so the same template serves both). `{count}` is filled in.
 */

export const POPUP_TEXT = {
  en: {
    incomingCall: 'Incoming call',
    outgoingCall: 'Outgoing call',
    missedCall: 'Missed call',
    line: 'line',
    unknownCaller: 'Unknown caller',
    pickCaller: '{count} contacts have this number. Pick the caller:',
    openContact: 'Open contact',
    newTicket: 'New ticket',
    newContact: 'New contact',
  },
  de: {
    incomingCall: 'Eingehender Anruf',
    outgoingCall: 'Ausgehender Anruf',
    missedCall: 'Verpasster Anruf',
    line: 'Leitung',
    unknownCaller: 'Unbekannter Anrufer',
    pickCaller: '{count} Kontakte haben diese Nummer. Wer ruft an?',
    openContact: 'Kontakt öffnen',
    newTicket: 'Neues Ticket',
    newContact: 'Neuer Kontakt',
  },
} as const satisfies Record<string, Record<string, string>>;

export type PopupLanguage = keyof typeof POPUP_TEXT;
export type PopupText = Readonly<Record<keyof (typeof POPUP_TEXT)['en'], string>>;

/** The popup language for a locale: German for `de-*`, English otherwise. */
export function popupLanguage(locale: string): PopupLanguage {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}
