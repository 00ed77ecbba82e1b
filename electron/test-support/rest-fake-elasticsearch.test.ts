/**
 * The fake's Elasticsearch against what Elasticsearch documents: the standard analyzer's example
 * from the Elasticsearch reference ("Standard analyzer", example output) and query_string syntax.
 */
import { describe, expect, it } from 'vitest';
import {
  appendWildcardToSimpleQuery,
  NotModelledError,
  QueryString,
  QuerySyntaxError,
  standardTokens,
} from './rest-fake-elasticsearch.js';

describe('the fake Elasticsearch', () => {
  it('analyzes text as the reference example of the standard analyzer shows', () => {
    // Elasticsearch reference, "Standard analyzer", example output.
    expect(standardTokens("The 2 QUICK Brown-Foxes jumped over the lazy dog's bone.")).toEqual([
      'the',
      '2',
      'quick',
      'brown',
      'foxes',
      'jumped',
      'over',
      'the',
      'lazy',
      "dog's",
      'bone',
    ]);
  });

  it('splits phone numbers at spaces, slashes, brackets and dashes, not at dots between digits', () => {
    expect(standardTokens('+49 (0)211 555-12 34')).toEqual(['49', '0', '211', '555', '12', '34']);
    expect(standardTokens('0211/5551234')).toEqual(['0211', '5551234']);
    expect(standardTokens('425.555.1234')).toEqual(['425.555.1234']);
  });

  it('matches whole words in a field, phrases as consecutive words, and a trailing * as a prefix', () => {
    const carla = new Map([
      ['phone', '0211 555-1234'],
      ['firstname', 'Carla'],
    ]);
    expect(QueryString.parse('phone:5551234').matches(carla)).toBe(false);
    expect(QueryString.parse('phone:1234').matches(carla)).toBe(true);
    expect(QueryString.parse('phone:"555 1234"').matches(carla)).toBe(true);
    expect(QueryString.parse('phone:"1234 555"').matches(carla)).toBe(false);
    expect(QueryString.parse('mobile:1234').matches(carla)).toBe(false);
    expect(QueryString.parse('phone:(99 OR "555 1234") OR mobile:(99)').matches(carla)).toBe(true);
    expect(QueryString.parse('phone:0211 phone:99').matches(carla)).toBe(false); // AND by default
    expect(QueryString.parse(appendWildcardToSimpleQuery('carl')).matches(carla)).toBe(true);
  });

  it('refuses what Elasticsearch cannot parse, and names what the fake does not model', () => {
    for (const bad of ['0211/5551234', 'phone:', 'phone:(1234', '"555 1234', 'OR 1234'])
      expect(() => QueryString.parse(bad), bad).toThrow(QuerySyntaxError);
    for (const unmodelled of ['phone:+49211', 'phone:/5.*/', 'phone:12?4', 'a OR b AND c', '"x y"~2'])
      expect(() => QueryString.parse(unmodelled), unmodelled).toThrow(NotModelledError);
  });

  it("adds Zammad's trailing * only to a query without a field", () => {
    expect(appendWildcardToSimpleQuery(' 1234 ')).toBe('1234*');
    expect(appendWildcardToSimpleQuery('phone:1234')).toBe('phone:1234');
  });
});
