import { describe, expect, it } from 'vitest';
import { errorWords } from './error-words.js';

describe('errorWords', () => {
  it('words a known code in the language, its params filled in', () => {
    expect(errorWords({ message: 'x', code: 'confirm.too-many', params: { max: 5 } }, 'en')).toMatch(/5/);
    expect(errorWords({ message: 'x', code: 'dial.line-cannot-dial' }, 'de')).toBe(
      'Auf dieser Leitung kann Ringdesk nicht wählen.',
    );
  });

  it('has no words for no code, a code it does not know, or a missing param', () => {
    expect(errorWords({ message: 'x' }, 'en')).toBeNull();
    for (const code of ['__proto__', 'constructor', 'toString', 'no.such-code'])
      expect(errorWords({ message: 'x', code }, 'en')).toBeNull();
    expect(errorWords({ message: 'x', code: 'confirm.too-many' }, 'de')).toBeNull();
  });
});
