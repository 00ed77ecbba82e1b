/**
 * The UI's language: English or German, from the browser's (or Electron's) language unless the
 * settings say otherwise. `t(key, values)` fills `{name}` placeholders; dates, times and numbers
 * are formatted for the same locale.
 */
import { de } from './catalog-de.js';
import { en, type MessageKey as AppKey } from './catalog-en.js';
import { settingsDe } from './settings-de.js';
import { settingsEn, type SettingsKey } from './settings-en.js';

export type Language = 'en' | 'de';
/** Every string the UI shows: the main window's and the settings'. */
export type MessageKey = AppKey | SettingsKey;

const catalogs: Record<Language, Record<MessageKey, string>> = {
  en: { ...en, ...settingsEn },
  de: { ...de, ...settingsDe },
};

/** The UI language for a BCP 47 locale: German for `de-*`, English otherwise. */
export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export interface Translator {
  readonly language: Language;
  readonly locale: string;
  readonly t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;
  readonly dateTime: (epochMs: number) => string;
}

/** A translator for `locale` (`de-DE`, `en-GB`, ...). */
export function translator(locale: string): Translator {
  const language = languageOf(locale);
  const catalog = catalogs[language];
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  return {
    language,
    locale,
    t: (key, values = {}) =>
      catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = values[name];
        return value === undefined ? whole : typeof value === 'number' ? number.format(value) : value;
      }),
    dateTime: (epochMs) => dateTime.format(epochMs),
  };
}
