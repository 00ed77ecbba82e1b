import { describe, expect, it } from 'vitest';
import { getAt, hasProblemsUnder, moveItem, pathText, problemsAt, setAt } from './document-path.js';

describe('document paths', () => {
  it('read and write nested values without touching the original', () => {
    const original = {
      line: { provider: 'ami', host: 'pbx' },
      directories: [{ type: 'csv', path: 'a.csv' }],
    };
    const edited = setAt(original, ['directories', 0, 'path'], 'b.csv');
    expect(getAt(edited, ['directories', 0, 'path'])).toBe('b.csv');
    expect(getAt(original, ['directories', 0, 'path'])).toBe('a.csv');
    expect(getAt(edited, ['line', 'host'])).toBe('pbx');
    expect(getAt(edited, ['line', 'host', 'deeper'])).toBeUndefined();
  });

  it('create what is missing, and remove a key for an empty field', () => {
    expect(setAt({}, ['dialingRules', 'areaCode'], '211')).toEqual({ dialingRules: { areaCode: '211' } });
    expect(setAt({ line: { port: 5038, host: 'x' } }, ['line', 'port'], undefined)).toEqual({
      line: { host: 'x' },
    });
    expect(setAt({ blocklist: [{ number: '1' }, { number: '2' }] }, ['blocklist', 0], undefined)).toEqual({
      blocklist: [{ number: '2' }],
    });
  });

  it('spell paths as the Companion does, so problems find their fields', () => {
    expect(pathText(['directories', 2, 'credentials', 'token'])).toBe('directories[2].credentials.token');
    const problems = [
      { path: 'directories[2].url', message: 'must be an LDAP URL' },
      { path: 'line.port', message: 'too big' },
    ];
    expect(problemsAt(problems, ['directories', 2, 'url'])).toEqual(['must be an LDAP URL']);
    expect(hasProblemsUnder(problems, ['directories', 2])).toBe(true);
    expect(hasProblemsUnder(problems, ['directories', 1])).toBe(false);
    expect(hasProblemsUnder(problems, ['line'])).toBe(true);
  });

  it('move a directory up or down, ignoring moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
