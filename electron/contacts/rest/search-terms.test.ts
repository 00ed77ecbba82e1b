import { describe, expect, it } from 'vitest';
import { standardTokens } from '../../test-support/rest-fake-elasticsearch.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { elasticsearchForms, patternDigits, queryStringGroup, wildcardPattern } from './search-terms.js';

const annas = { callingCode: '49', national: '2115551234', trunk: '0', internationalPrefix: '00' };

/** Whether one of the forms is a run of the stored text's words, as a phrase query matches. */
function found(stored: string, forms: readonly string[]): boolean {
  const words = standardTokens(stored);
  return forms.some((form) => {
    const wanted = standardTokens(form.replaceAll('"', ''));
    return words.some((_, start) => wanted.every((word, index) => words[start + index] === word));
  });
}

describe('search terms', () => {
  it('gives the whole words a stored number can end in, then the usual splits as phrases', () => {
    const forms = elasticsearchForms(annas);
    expect(forms.slice(0, 9)).toEqual([
      '02115551234',
      '492115551234',
      '2115551234',
      '00492115551234',
      '1234',
      '51234',
      '551234',
      '5551234',
      '15551234',
    ]);
    expect(forms).toEqual(expect.arrayContaining(['"555 1234"', '"555 12 34"', '"55 12 34"', '"5551 234"']));
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('matches every common way of writing the number as words, and no other number', () => {
    const forms = elasticsearchForms(annas);
    for (const stored of [
      '+49 211 5551234',
      '+492115551234',
      '0211/5551234',
      '0211 555-1234',
      '+49 (0)211 555 12 34',
      '0211 5 55 12 34',
      '0049 211 5551234',
      '+49-211-555-1234',
      '5551234',
    ])
      expect(found(stored, forms), stored).toBe(true);
    // A dotted number is one word for the analyzer: found only as written.
    expect(found('0211.5551234', forms)).toBe(false);
  });

  it('covers 4- to 8-digit subscriber numbers without knowing the area code', () => {
    const forms = (national: string) =>
      elasticsearchForms({ callingCode: '49', national, trunk: '0', internationalPrefix: '00' });
    expect(found('03841 1234', forms('38411234'))).toBe(true);
    expect(found('06151 12345', forms('615112345'))).toBe(true);
    expect(found('030 123456', forms('30123456'))).toBe(true);
    expect(found('030 12345678', forms('3012345678'))).toBe(true);
  });

  it('writes NANP numbers in their dotted style too', () => {
    const forms = elasticsearchForms({
      callingCode: '1',
      national: '4255551234',
      trunk: '1',
      internationalPrefix: '011',
    });
    expect(forms).toEqual(expect.arrayContaining(['425.555.1234', '1.425.555.1234', '"555 1234"']));
    expect(found('425.555.1234', forms)).toBe(true);
    expect(found('(425) 555-1234', forms)).toBe(true);
  });

  it('joins forms as one query_string group', () => {
    expect(queryStringGroup(['1234', '"555 1234"'])).toBe('(1234 OR "555 1234")');
  });

  it('puts a wildcard around every digit, over the subscriber number in the agent’s own area', () => {
    expect(wildcardPattern('5551234')).toBe('*5*5*5*1*2*3*4*');
    expect(patternDigits(annas, DUESSELDORF)).toBe('5551234');
    expect(patternDigits({ ...annas, national: '615112345' }, DUESSELDORF)).toBe('615112345');
    expect(patternDigits({ ...annas, callingCode: '43' }, DUESSELDORF)).toBe('2115551234');
    // Too short to be a subscriber number on its own: keep the area code.
    expect(patternDigits({ ...annas, national: '21112' }, DUESSELDORF)).toBe('21112');
  });
});
