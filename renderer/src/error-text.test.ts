import { describe, expect, it } from 'vitest';
import { CodedError, ERROR_CODES, errorInfoOf } from '../../electron/contract/error-info.js';
import { RemoteError } from './bridge/remote-error.js';
import { errorText } from './error-text.js';
import { englishLeft, englishOnlyWords } from './i18n/english-left.js';
import { errorsDe } from './i18n/errors-de.js';
import { errorsEn, type ErrorKey } from './i18n/errors-en.js';
import { CATALOGS, translator, type MessageKey } from './i18n/i18n.js';

const german = translator('de-DE');
const english = translator('en-GB');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** What the window shows for an error that came over the wire as `error`. */
const shown = (error: unknown, i18n = german) => errorText(new RemoteError(errorInfoOf(error)), i18n);

/**
 * A number engine's refusal as the host sends it (electron/host/headless-host.integration.test.ts
 * and electron/shell/ipc-router.test.ts check the real ones carry these params).
 */
const numberRefusal = (code: string, params: Record<string, string | number>) =>
  new RemoteError({ message: 'English message', code: `number.${code}`, params });

describe('the errors catalogues', () => {
  it('word every code in English and German, with the same placeholders', () => {
    const keys = ERROR_CODES.map((code) => `error.${code}`).sort();
    expect(Object.keys(errorsEn).sort()).toEqual(keys);
    expect(Object.keys(errorsDe).sort()).toEqual(keys);
    for (const key of keys as ErrorKey[]) {
      expect(errorsDe[key].trim(), key).not.toBe('');
      expect(errorsDe[key], key).not.toBe(errorsEn[key]);
      expect(placeholders(errorsDe[key]), key).toEqual(placeholders(errorsEn[key]));
    }
  });

  it('catch a German entry removed: the German window would show English words', () => {
    const englishOnly = englishOnlyWords(Object.values(CATALOGS.en), Object.values(CATALOGS.de));
    for (const key of Object.keys(errorsDe) as ErrorKey[]) {
      const without: Partial<Record<MessageKey, string>> = Object.fromEntries(
        Object.entries(CATALOGS.de).filter(([each]) => each !== key),
      );
      const values: Record<string, string> = Object.fromEntries(
        placeholders(errorsEn[key]).map((name) => [name ?? '', '12']),
      );
      expect(englishLeft(translator('de-DE', without).t(key, values), englishOnly), key).not.toEqual([]);
    }
  });
});

describe('errorText', () => {
  it("words the number engine's refusal in the UI's language, its params filled in", () => {
    const letter = numberRefusal('invalid-character', { char: '"C"', position: 10, number: '0211 555 CALL' });
    expect(errorText(letter, german)).toBe(
      '"C" an Stelle 10 ist in einer Rufnummer nicht erlaubt: nur Ziffern verwenden.',
    );
    expect(errorText(letter, english)).toBe(
      '"C" at position 10 is not allowed in a phone number: use digits only.',
    );
    expect(errorText(numberRefusal('misplaced-plus', { position: 6 }), german)).toBe(
      '„+“ an Stelle 6: erlaubt ist nur ein „+“, am Anfang der Rufnummer.',
    );
    expect(errorText(numberRefusal('no-digits', {}), german)).toBe('Die Rufnummer enthält keine Ziffern.');
  });

  it("words the Companion's and the line's refusals", () => {
    expect(shown(new CodedError('gone', 'confirm.gone'))).toBe(
      'Dieser Anruf wartet nicht mehr auf Bestätigung (angenommen oder abgelaufen).',
    );
    expect(shown(new CodedError('rang', 'line.no-answer', { number: '0211 5551234' }))).toBe(
      'Der Anruf an 0211 5551234 ist gescheitert: Ihr Telefon hat geklingelt, aber niemand hat abgenommen.',
    );
  });

  it('falls back to the message for no code, an unknown code, or a param the entry needs but lacks', () => {
    expect(errorText(new Error('connection to Ringdesk lost'), german)).toBe('connection to Ringdesk lost');
    expect(errorText(new RemoteError({ message: 'new', code: 'line.brand-new' }), german)).toBe('new');
    for (const code of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(errorText(new RemoteError({ message: 'odd', code }), german), code).toBe('odd');
    expect(errorText(new RemoteError({ message: 'busy', code: 'line.busy' }), german)).toBe('busy');
    expect(
      errorText(new RemoteError({ message: 'busy', code: 'line.busy', params: { other: 'x' } }), german),
    ).toBe('busy');
    expect(errorText('text', german)).toBe('text');
  });
});
