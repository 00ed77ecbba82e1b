import { describe, expect, it } from 'vitest';
import { de } from './catalog-de.js';
import { en } from './catalog-en.js';
import { languageOf, translator } from './i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the catalogues', () => {
  it('are complete in both languages, with the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(de[key].trim(), key).not.toBe('');
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('translate and format for the locale', () => {
    expect(languageOf('de-AT')).toBe('de');
    expect(languageOf('fr-FR')).toBe('en');
    const german = translator('de-DE');
    expect(german.t('calls.missedCount', { count: 1200 })).toBe('1.200 verpasst');
    expect(translator('en-US').t('calls.missedCount', { count: 1200 })).toBe('1,200 missed');
    // Local time, as the call log shows it, so the test holds in every time zone.
    expect(german.dateTime(new Date(2026, 10, 23, 15, 4).getTime())).toBe('23.11.26, 15:04');
  });
});
