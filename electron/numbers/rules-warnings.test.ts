import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND, regionRules } from '../test-support/rules.js';
import { dialingRulesWarnings } from './rules-warnings.js';

describe('dialingRulesWarnings: extensions that reach the country’s short numbers', () => {
  it('warns that 3-digit extensions in Germany include 110 and 112, and 115', () => {
    expect(dialingRulesWarnings(DUESSELDORF)).toEqual([
      {
        field: 'extensionMaxLength',
        code: 'extension-reaches-emergency-numbers',
        numbers: ['110', '112'],
        message:
          'extensions of up to 3 digits include 110 and 112, emergency numbers of country +49: ' +
          'these always dial the emergency services, never a colleague',
      },
      {
        field: 'extensionMaxLength',
        code: 'extension-reaches-service-numbers',
        numbers: ['115'],
        message:
          'extensions of up to 3 digits include 115, a service number of country +49: ' +
          'it dials the colleague with that extension, not the service',
      },
    ]);
  });

  it('names only the numbers the length reaches', () => {
    const paris = { ...regionRules('FR'), extensionMaxLength: 2 };
    expect(dialingRulesWarnings(paris).map((warning) => warning.numbers)).toEqual([['15', '17', '18']]);
    const redmond = { ...REDMOND, extensionMaxLength: 3 };
    expect(dialingRulesWarnings(redmond).map((warning) => warning.numbers)).toEqual([
      ['112', '911'],
      ['211', '311', '411', '511', '611', '711', '811', '988'],
    ]);
    const berlin6 = { ...DUESSELDORF, extensionMaxLength: 6 };
    expect(dialingRulesWarnings(berlin6)[1]?.numbers).toEqual([
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
