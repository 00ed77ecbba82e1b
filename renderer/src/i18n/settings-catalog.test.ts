import { describe, expect, it } from 'vitest';
import { en } from './catalog-en.js';
import { translator } from './i18n.js';
import { settingsDe } from './settings-de.js';
import { settingsEn } from './settings-en.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the settings catalogues', () => {
  it('are complete in German, with the same placeholders', () => {
    expect(Object.keys(settingsDe).sort()).toEqual(Object.keys(settingsEn).sort());
    for (const key of Object.keys(settingsEn) as (keyof typeof settingsEn)[]) {
      expect(settingsDe[key].trim(), key).not.toBe('');
      expect(placeholders(settingsDe[key]), key).toEqual(placeholders(settingsEn[key]));
    }
  });

  it('never reuse a key of the main window’s catalogue', () => {
    expect(Object.keys(settingsEn).filter((key) => key in en)).toEqual([]);
  });

  it('are what the translator says', () => {
    expect(translator('de-AT').t('settings.notSaved')).toBe(
      'Noch nicht gespeichert: erst das Markierte beheben.',
    );
    expect(translator('en-GB').t('wizard.finish')).toBe('Finish');
  });
});
