import { describe, expect, it } from 'vitest';
import { cleanText, preview } from './clean-text.js';

describe('cleanText', () => {
  it('removes control, format and line-separator characters and trims', () => {
    expect(cleanText(' \u0000+49\u0007 211\u200b\u202e 555\u2028\r\n', 64)).toBe('+49 211 555');
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(cleanText('a\ud800b\udc00c😀', 64)).toBe('a\uFFFDb\uFFFDc😀');
  });

  it('caps the length without cutting a character in two', () => {
    expect(cleanText('12👨‍👩‍👧34', 3)).toBe('12👨‍👩‍👧');
    expect(cleanText('x'.repeat(100), 10)).toBe('x'.repeat(10));
  });
});

describe('preview', () => {
  it('quotes and escapes a sample of a line', () => {
    expect(preview('a"b\u0001')).toBe('"a\\"b\\u0001"');
    expect(preview('y'.repeat(100))).toBe(`"${'y'.repeat(60)}…"`);
  });
});
