import { describe, expect, it } from 'vitest';
import { errorWords } from './error-words.js';

describe('errorWords', () => {
  it('words a known code in the language, its params filled in', () => {
    expect(errorWords({ message: 'x', code: 'confirm.too-many', params: { max: 5 } }, 'en')).toBe(
      '5 calls already wait for your confirmation: answer or cancel them first. Nothing was dialled.',
    );
    expect(errorWords({ message: 'x', code: 'dial.line-cannot-dial' }, 'de')).toBe(
      'Auf dieser Leitung kann Ringdesk nicht wählen.',
    );
  });

  it('has no words for no code, a code it does not know, or a missing param', () => {
    expect(errorWords({ message: 'x' }, 'en')).toBeNull();
    for (const code of ['__proto__', 'constructor', 'toString', 'no.such-code'])
      expect(errorWords({ message: 'x', code }, 'en')).toBeNull();
    expect(errorWords({ message: 'x', code: 'confirm.too-many' }, 'de')).toBeNull();
    // A param only inherited (not the error's own) is missing too.
    const inherited = Object.create({ max: 5 }) as Record<string, number>;
    expect(errorWords({ message: 'x', code: 'confirm.too-many', params: inherited }, 'en')).toBeNull();
  });
});
