import { describe, expect, it } from 'vitest';
import { englishLeft, englishOnlyWords } from './english-left.js';
import { CATALOGS, translator, type MessageKey } from './i18n.js';

const english = Object.values(CATALOGS.en);
const german = Object.values(CATALOGS.de);
const englishOnly = englishOnlyWords(english, german);
const keys = Object.keys(CATALOGS.en) as MessageKey[];
/** A name for every placeholder of an entry, as a screen would fill them. */
const filled = (key: MessageKey) =>
  Object.fromEntries([...CATALOGS.en[key].matchAll(/\{(\w+)\}/g)].map((match) => [match[1] ?? '', 'Anna']));

describe('English left in German text', () => {
  it('finds nothing in any German entry', () => {
    const german = translator('de-DE');
    for (const key of keys) expect(englishLeft(german.t(key, filled(key)), englishOnly), key).toEqual([]);
  });

  it('catches every German entry removed: its English fallback has a word no German entry uses', () => {
    const unnoticed = keys
      .filter((each) => CATALOGS.en[each] !== CATALOGS.de[each])
      .filter((key) => {
        const de: Partial<Record<MessageKey, string>> = Object.fromEntries(
          Object.entries(CATALOGS.de).filter(([each]) => each !== key),
        );
        // The translator falls back to English for the missing entry, as the screens would.
        const shown = translator('de-DE', de).t(key, filled(key));
        return englishLeft(shown, englishOnly).length === 0;
      });
    expect(unnoticed).toEqual([]);
  });

  it('ignores names and numbers', () => {
    expect(englishLeft('Anna Becker · ACME Maschinenbau · 0211 5551234', englishOnly)).toEqual([]);
    expect(englishLeft('Verpasster Anruf · Unknown caller', englishOnly)).toEqual(['unknown', 'caller']);
  });
});
