import { FilterParser } from 'ldapts';
import { describe, expect, it } from 'vitest';
import {
  allOf,
  anyOf,
  endsWith,
  equals,
  escapeFilterValue,
  LdapFilterError,
  normalizeFilter,
} from './ldap-filter.js';

describe('escapeFilterValue', () => {
  it('escapes the five characters RFC 4515 reserves and nothing else', () => {
    expect(escapeFilterValue('a*b(c)d\\e\u0000f')).toBe('a\\2ab\\28c\\29d\\5ce\\00f');
    expect(escapeFilterValue('Müller <b>&amp; +49 211')).toBe('Müller <b>&amp; +49 211');
  });
});

describe('filter builders', () => {
  it('keep a hostile value one value: the filter parses back to the same text', () => {
    const hostile = '*)(uid=*))(|(uid=*\\\u0000';
    const filter = equals('cn', hostile);
    const parsed = FilterParser.parseString(filter) as unknown as { attribute: string; value: string };
    expect(parsed.attribute).toBe('cn');
    expect(parsed.value).toBe(hostile);
  });

  it('build endings with ordered parts', () => {
    expect(endsWith('ipPhone', '12', ['339903'])).toBe('(ipPhone=*339903*12)');
    expect(endsWith('telephoneNumber', '1234')).toBe('(telephoneNumber=*1234)');
    expect(endsWith('cn', ')*', ['(x'])).toBe('(cn=*\\28x*\\29\\2a)');
  });

  it('join filters, leaving a single one alone', () => {
    expect(anyOf(['(a=1)'])).toBe('(a=1)');
    expect(anyOf(['(a=1)', '(b=2)'])).toBe('(|(a=1)(b=2))');
    expect(allOf(['(objectClass=person)', '(|(a=1)(b=2))'])).toBe('(&(objectClass=person)(|(a=1)(b=2)))');
  });

  it('refuse an attribute name that could smuggle in filter syntax, and empty parts', () => {
    expect(() => equals('cn)(uid=*', 'x')).toThrow(LdapFilterError);
    expect(() => endsWith('cn', '')).toThrow(LdapFilterError);
    expect(() => anyOf([])).toThrow(LdapFilterError);
  });
});

describe('normalizeFilter', () => {
  it('reads escaped UTF-8 as the characters, so ldapts sends the right bytes', () => {
    expect(normalizeFilter('(&(l=D\\c3\\bcsseldorf)(cn=Andr\\C3\\A9))')).toBe('(&(l=Düsseldorf)(cn=André))');
    // ASCII escapes stay: ldapts reads them right, and they may be filter syntax.
    expect(normalizeFilter('(cn=a\\2ab\\28)')).toBe('(cn=a\\2ab\\28)');
    const parsed = FilterParser.parseString(normalizeFilter('(l=D\\c3\\bcsseldorf)')) as unknown as {
      value: string;
    };
    expect(parsed.value).toBe('Düsseldorf');
  });

  it('refuses escaped bytes that are not UTF-8 text', () => {
    expect(() => normalizeFilter('(objectGUID=\\a1\\b2\\c3)')).toThrow(LdapFilterError);
    expect(() => normalizeFilter('(l=D\\c3)')).toThrow('the escaped bytes \\c3 are not UTF-8 text');
  });
});
