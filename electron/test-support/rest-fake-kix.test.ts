/**
 * The fake KIX's contact search against what kix-backend rel-18 says it does (Common.pm,
 * ContactSearch.pm, ObjectSearch/Database/Contact/General.pm, CommonAttribute.pm, API.xml).
 */
import { describe, expect, it } from 'vitest';
import { kixContactSearch } from './rest-fake-kix.js';
import { DEFAULT_PEOPLE } from './rest-fake-people.js';

const search = (filter: unknown, params: Record<string, string> = {}, strict = false) =>
  kixContactSearch(
    DEFAULT_PEOPLE,
    new URLSearchParams({ search: JSON.stringify(filter), ...params }),
    strict,
  );
const ids = (answer: { body: unknown }) =>
  (answer.body as { Contact: { ID: number }[] }).Contact.map((c) => c.ID);
const phone = (Operator: string, Value: string) => ({
  Contact: { AND: [{ Field: 'Phone', Operator, Value }] },
});

describe('the fake KIX', () => {
  it('compares Phone as SQL LIKE: CONTAINS, STARTSWITH, ENDSWITH, and LIKE with * as %', () => {
    expect(ids(search(phone('CONTAINS', '5551234')))).toEqual([2]); // not "0211 555-1234"
    expect(ids(search(phone('CONTAINS', '555-1234')))).toEqual([4]);
    expect(ids(search(phone('STARTSWITH', '+49')))).toEqual([6, 2]); // sorted by last name
    expect(ids(search(phone('ENDSWITH', '1234')))).toEqual([5, 4, 2]);
    expect(ids(search(phone('LIKE', '*5*5*5*1*2*3*4*')))).toEqual([5, 4, 2]);
    expect(ids(search(phone('CONTAINS', '%')))).toEqual([]); // the value's % is quoted
  });

  it('answers an empty list for an operator the field does not support, or 400 with StrictSearching', () => {
    const fulltext = { Contact: { AND: [{ Field: 'Fulltext', Operator: 'CONTAINS', Value: '5551234' }] } };
    expect(search(fulltext)).toEqual({ status: 200, body: { Contact: [] } });
    expect(search(fulltext, {}, true)).toEqual({
      status: 400,
      body: {
        Code: 'BadRequest',
        Message: 'Search operator "CONTAINS" not supported for property "Fulltext" of Contact!',
      },
    });
  });

  it('requires one of the AND conditions each, and one of the OR conditions', () => {
    const either = {
      Contact: {
        OR: [
          { Field: 'Phone', Operator: 'CONTAINS', Value: '5551234' },
          { Field: 'Mobile', Operator: 'CONTAINS', Value: '5551234' },
        ],
      },
    };
    expect(ids(search(either))).toEqual([3, 2]);
    const both = {
      Contact: { ...either.Contact, AND: [{ Field: 'Lastname', Operator: 'EQ', Value: 'fuchs' }] },
    };
    expect(ids(search(both))).toEqual([3]);
  });

  it('refuses a search that is not JSON or has no AND/OR list', () => {
    expect(kixContactSearch(DEFAULT_PEOPLE, new URLSearchParams({ search: '{' }), false)).toMatchObject({
      status: 400,
      body: { Code: 'BadRequest', Message: 'JSON parse error in search!' },
    });
    expect(search({ Contact: { NOT: [] } }).status).toBe(400);
  });

  it('stops the search at 1,000 results unless searchlimit says otherwise, then pages', () => {
    const people = Array.from({ length: 1100 }, (_, index) => ({
      id: index + 1,
      firstName: 'P',
      lastName: `L${String(index).padStart(4, '0')}`,
    }));
    const list = (params: Record<string, string>) =>
      ids(kixContactSearch(people, new URLSearchParams(params), false));
    expect(list({ offset: '990', limit: '100' })).toHaveLength(10);
    expect(list({ offset: '990', limit: '100', searchlimit: '1100' })).toHaveLength(100);
    expect(list({ offset: '1090', searchlimit: 'Contact:1095' })).toHaveLength(5);
    expect(list({ searchlimit: '0' })).toHaveLength(1100);
  });
});
