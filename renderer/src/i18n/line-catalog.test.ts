import { describe, expect, it } from 'vitest';
import { lineProblemSchema, lineProductSchema } from '../../../electron/contract/models.js';
import { en } from './catalog-en.js';
import { lineDe } from './line-de.js';
import { lineEn } from './line-en.js';
import { settingsEn } from './settings-en.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the line's catalogues", () => {
  it('are complete in German, with the same placeholders', () => {
    expect(Object.keys(lineDe).sort()).toEqual(Object.keys(lineEn).sort());
    for (const key of Object.keys(lineEn) as (keyof typeof lineEn)[]) {
      expect(lineDe[key].trim(), key).not.toBe('');
      expect(placeholders(lineDe[key]), key).toEqual(placeholders(lineEn[key]));
    }
  });

  it('name every problem and product the contract knows', () => {
    for (const problem of lineProblemSchema.options)
      expect(Object.keys(lineEn)).toContain(`lineProblem.${problem}`);
    for (const product of lineProductSchema.options)
      expect(Object.keys(lineEn)).toContain(`product.${product}`);
  });

  it('never reuse a key of the other catalogues', () => {
    expect(Object.keys(lineEn).filter((key) => key in en || key in settingsEn)).toEqual([]);
  });
});
