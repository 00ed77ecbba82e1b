import { describe, expect, it } from 'vitest';
import { describeJsonPath, isJsonPath, JsonPathError, parseJsonPath, readJsonPath } from './json-path.js';

const answer = { data: { items: [{ phone: '+49 211 1', tags: ['a'] }] }, length: 3 };

describe('simple JSON paths', () => {
  it('reads keys and list indices, written with dots or brackets', () => {
    expect(readJsonPath(answer, parseJsonPath('data.items[0].phone'))).toBe('+49 211 1');
    expect(readJsonPath(answer, parseJsonPath('data.items.0.tags[0]'))).toBe('a');
    expect(readJsonPath(answer, parseJsonPath('$.data.items[0].phone'))).toBe('+49 211 1');
    expect(readJsonPath([1, 2], parseJsonPath('$[1]'))).toBe(2);
  });

  it('names the answer itself with "" or $', () => {
    expect(readJsonPath(answer, parseJsonPath(''))).toBe(answer);
    expect(readJsonPath(answer, parseJsonPath('$'))).toBe(answer);
  });

  it('answers undefined for what is not there, and never reads properties of lists', () => {
    expect(readJsonPath(answer, parseJsonPath('data.missing.phone'))).toBeUndefined();
    expect(readJsonPath(answer, parseJsonPath('data.items.length'))).toBeUndefined();
    expect(readJsonPath(answer, parseJsonPath('data.items[5]'))).toBeUndefined();
    expect(readJsonPath({}, parseJsonPath('constructor'))).toBeUndefined();
  });

  it('refuses paths that are not simple', () => {
    for (const bad of ['a..b', 'a.', '.a', 'a[0', 'a[x]', 'a]b', 'a[*]'])
      expect(() => parseJsonPath(bad), bad).toThrow(JsonPathError);
    expect(isJsonPath('users')).toBe(true);
    expect(isJsonPath('users[')).toBe(false);
  });

  it('writes a path back for messages', () => {
    expect(describeJsonPath(parseJsonPath('Contact[0].Phone'))).toBe('Contact[0].Phone');
    expect(describeJsonPath([])).toBe('the answer');
  });
});
