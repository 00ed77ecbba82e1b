/**
 * The fake Zammad's user search against what zammad/zammad's sources say it does
 * (can_search.rb, user/search.rb, users_controller.rb, search_index_backend.rb).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PEOPLE } from './rest-fake-people.js';
import { zammadUserIndex, zammadUserSearch, type ZammadSearchBackend } from './rest-fake-zammad.js';

const ids = (backend: ZammadSearchBackend, params: Record<string, string>) => {
  const answer = zammadUserSearch(DEFAULT_PEOPLE, new URLSearchParams(params), backend);
  expect(answer.status).toBe(200);
  return (answer.body as { id: number }[]).map((user) => user.id);
};

describe('the fake Zammad', () => {
  it('deletes every * before searching, so a leading wildcard does not reach Elasticsearch', () => {
    // "phone:*5551234" becomes "phone:5551234": whole words only (Anna and Bernd, not Carla).
    expect(ids('elasticsearch', { query: 'phone:*5551234 OR mobile:*5551234' })).toEqual([2, 3]);
  });

  it('answers an empty list when Elasticsearch cannot parse the query', () => {
    expect(ids('elasticsearch', { query: '0211/5551234' })).toEqual([]);
  });

  it('answers 501 for query syntax the fake does not model, so no test passes on a guess', () => {
    const answer = zammadUserSearch(
      DEFAULT_PEOPLE,
      new URLSearchParams({ query: 'phone:12?4' }),
      'elasticsearch',
    );
    expect(answer).toMatchObject({ status: 501, contentType: 'text/plain' });
  });

  it('runs one LIKE of the whole query over the string columns without Elasticsearch', () => {
    expect(ids('database', { query: 'phone:5551234' })).toEqual([]);
    expect(ids('database', { query: '5551234' })).toEqual([2, 3]);
    expect(ids('database', { query: '1234' })).toEqual([2, 3, 4, 5, 6]);
    expect(ids('database', { query: 'NOWAK' })).toEqual([4]);
    expect(ids('database', { query: '%' })).toEqual([]); // % is quoted, not a wildcard
  });

  it('sorts by the last change, newest first, then cuts at the limit (at most 500)', () => {
    const people = [
      { id: 7, firstName: 'Old', lastName: 'A', phone: '1234', updatedAt: '2020-01-01T00:00:00Z' },
      { id: 8, firstName: 'New', lastName: 'B', phone: '1234', updatedAt: '2024-01-01T00:00:00Z' },
    ];
    const answer = zammadUserSearch(people, new URLSearchParams({ query: '1234', limit: '1' }), 'database');
    expect((answer.body as { firstname: string }[]).map((user) => user.firstname)).toEqual(['New']);
    const many = Array.from({ length: 600 }, (_, index) => ({
      id: index + 10,
      firstName: 'P',
      lastName: 'Q',
      phone: '1234',
    }));
    const capped = zammadUserSearch(many, new URLSearchParams({ query: '1234', limit: '1000' }), 'database');
    expect(capped.body).toHaveLength(500);
  });

  it('lists every user by id, the system user first', () => {
    const answer = zammadUserIndex(DEFAULT_PEOPLE, new URLSearchParams({ page: '1', per_page: '2' }));
    expect((answer.body as { id: number; login: string }[]).map((user) => [user.id, user.login])).toEqual([
      [1, '-'],
      [2, 'anna@example.com'],
    ]);
  });
});
