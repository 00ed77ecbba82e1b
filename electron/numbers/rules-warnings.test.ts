import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND, regionRules } from '../test-support/rules.js';
import { dialingRulesWarnings } from './rules-warnings.js';

describe('dialingRulesWarnings: extensions that reach the country’s short numbers', () => {
  it('warns that 3-digit extensions in Germany include 110, 112 and 115', () => {
    expect(dialingRulesWarnings(DUESSELDORF)).toEqual([
      {
        field: 'extensionMaxLength',
        code: 'extension-reaches-short-numbers',
        numbers: ['110', '112', '115'],
        message:
          'extensions of up to 3 digits include 110, 112 and 115, emergency and service numbers of ' +
          'country +49: these always dial the short number, never a colleague',
      },
    ]);
  });

  it('names only the numbers the length reaches, and says whether they are emergency numbers', () => {
    const paris = { ...regionRules('FR'), extensionMaxLength: 2 };
    expect(dialingRulesWarnings(paris)[0]?.numbers).toEqual(['15', '17', '18']);
    expect(dialingRulesWarnings(paris)[0]?.message).toMatch(/18, emergency numbers of country \+33/);
    const berlin6 = { ...DUESSELDORF, extensionMaxLength: 6 };
    expect(dialingRulesWarnings(berlin6)[0]?.numbers).toEqual([
      '110',
      '112',
      '115',
      '116000',
      '116006',
      '116111',
      '116116',
      '116117',
      '116123',
    ]);
  });

  it('is silent when extensions are shorter than every short number, or there are none', () => {
    expect(dialingRulesWarnings({ ...DUESSELDORF, extensionMaxLength: 2 })).toEqual([]);
    expect(dialingRulesWarnings(REDMOND)).toEqual([]);
    expect(dialingRulesWarnings({ ...regionRules('JP'), extensionMaxLength: 4 })).toEqual([]);
  });
});
