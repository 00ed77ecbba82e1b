/**
 * What the desktop app's own surfaces say (the tray's tooltip and menu, the file dialog, the
 * global shortcuts' notifications), in English and German,
 * as the renderer's catalogues do for the windows. `{name}`-style placeholders are filled in by
 * {@link fill}. The UI language is the settings' (`app.language`) or else the OS's.
 */

export const SHELL_TEXT = {
  en: {
    callLog: 'Call log',
    settings: 'Settings…',
    doNotDisturb: 'Do not disturb',
    about: 'About Ringdesk',
    quit: 'Quit',
    tooltip: 'Ringdesk · line {line} ({provider}): {status}',
    tooltipDoNotDisturb: ' · do not disturb',
    statusDisconnected: 'line disconnected',
    statusRingingOne: '1 call ringing',
    statusRingingMany: '{count} calls ringing',
    statusInCall: 'in a call',
    statusIdle: 'idle',
    chooseCsv: 'Choose the address book (CSV)',
    chooseVcard: 'Choose the address book (vCard)',
    csvFiles: 'CSV files',
    vcardFiles: 'vCard files',
    shortcutTakenTitle: 'A Ringdesk shortcut is not available',
    shortcutTaken: '{shortcut} ({action}) is used by another program. Choose another in Settings › App.',
    shortcutFocusPopup: 'show the newest call',
    shortcutDialSelection: 'dial the selected text',
    nothingDialled: 'Nothing was dialled',
    noNumberSelection: 'The selected text holds no phone number: “{text}”',
    noNumberClipboard: 'The copied text holds no phone number: “{text}”',
    nothingSelected: 'Nothing is selected or copied: select a phone number, then press {shortcut}.',
    nothingCopied: 'The clipboard is empty: copy a phone number, then press {shortcut}.',
    dialFailed: 'Could not dial: {error}',
  },
  de: {
    callLog: 'Anrufliste',
    settings: 'Einstellungen…',
    doNotDisturb: 'Nicht stören',
    about: 'Über Ringdesk',
    quit: 'Beenden',
    tooltip: 'Ringdesk · Leitung {line} ({provider}): {status}',
    tooltipDoNotDisturb: ' · nicht stören',
    statusDisconnected: 'Leitung getrennt',
    statusRingingOne: '1 Anruf klingelt',
    statusRingingMany: '{count} Anrufe klingeln',
    statusInCall: 'im Gespräch',
    statusIdle: 'bereit',
    chooseCsv: 'Adressbuch wählen (CSV)',
    chooseVcard: 'Adressbuch wählen (vCard)',
    csvFiles: 'CSV-Dateien',
    vcardFiles: 'vCard-Dateien',
    shortcutTakenTitle: 'Ein Ringdesk-Tastenkürzel ist nicht verfügbar',
    shortcutTaken:
      '{shortcut} ({action}) wird von einem anderen Programm belegt. Wählen Sie unter Einstellungen › App ein anderes.',
    shortcutFocusPopup: 'neuesten Anruf zeigen',
    shortcutDialSelection: 'markierten Text wählen',
    nothingDialled: 'Es wurde nichts gewählt',
    noNumberSelection: 'Der markierte Text enthält keine Telefonnummer: „{text}“',
    noNumberClipboard: 'Der kopierte Text enthält keine Telefonnummer: „{text}“',
    nothingSelected:
      'Nichts markiert oder kopiert: Markieren Sie eine Telefonnummer und drücken Sie dann {shortcut}.',
    nothingCopied:
      'Die Zwischenablage ist leer: Kopieren Sie eine Telefonnummer und drücken Sie dann {shortcut}.',
    dialFailed: 'Wählen nicht möglich: {error}',
  },
} as const satisfies Record<string, Record<string, string>>;

export type ShellLanguage = keyof typeof SHELL_TEXT;
export type ShellText = Readonly<Record<keyof (typeof SHELL_TEXT)['en'], string>>;

/** The language for a setting (`en`, `de`, `auto`) and the OS locale: German for `de-*`. */
export function shellLanguage(setting: string, osLocale: string): ShellLanguage {
  const locale = setting === 'auto' ? osLocale : setting;
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** `text` with each `{key}` replaced by its value. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}
