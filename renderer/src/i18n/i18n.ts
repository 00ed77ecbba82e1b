/**
 * The UI's language: English or German, from the browser's (or Electron's) language unless the
 * settings say otherwise. `t(key, values)` fills `{name}` placeholders; dates, times and numbers
 * are formatted for the same locale.
 */
import { de } from './catalog-de.js';
import { en, type MessageKey as AppKey } from './catalog-en.js';
import { settingsDe } from './settings-de.js';
import { settingsEn, type SettingsKey } from './settings-en.js';
import { lineDe } from './line-de.js';
import { lineEn, type LineKey } from './line-en.js';
import { errorsDe } from './errors-de.js';
import { errorsEn, type ErrorKey } from './errors-en.js';

export type Language = 'en' | 'de';
/** Every string the UI shows: the main window's and the settings'. */
export type MessageKey = AppKey | SettingsKey | LineKey | ErrorKey;

const catalogs: Record<Language, Record<MessageKey, string>> = {
  en: { ...en, ...settingsEn, ...lineEn, ...errorsEn },
  de: { ...de, ...settingsDe, ...lineDe, ...errorsDe },
};

/** The UI language for a BCP 47 locale: German for `de-*`, English otherwise. */
export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/**
 * The locale the UI formats in: the browser's (or OS's) when the settings follow it or it is of
 * the chosen language (`de-AT` stays `de-AT`), else the chosen language itself, so a German UI
 * shows 21:38 in an English browser (the Companion's popups do the same).
 */
export function uiLocale(chosen: Language | null, systemLocale: string): string {
  return chosen === null || languageOf(systemLocale) === chosen ? systemLocale : chosen;
}

export interface Translator {
  readonly language: Language;
  readonly locale: string;
  readonly t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;
  readonly dateTime: (epochMs: number) => string;
  /** Hours and minutes. */
  readonly time: (epochMs: number) => string;
}

/**
 * A translator for `locale` (`de-DE`, `en-GB`, ...). A key missing from a catalogue falls back to
 * English (the German screens test fails on any English left, so it is found).
 */
export function translator(
  locale: string,
  catalog: Partial<Record<MessageKey, string>> = catalogs[languageOf(locale)],
): Translator {
  const language = languageOf(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return {
    language,
    locale,
    t: (key, values = {}) =>
      (catalog[key] ?? catalogs.en[key]).replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = values[name];
        return value === undefined ? whole : typeof value === 'number' ? number.format(value) : value;
      }),
    dateTime: (epochMs) => dateTime.format(epochMs),
    time: (epochMs) => time.format(epochMs),
  };
}

/** Both catalogues, for the tests that compare them. */
export const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = catalogs;
