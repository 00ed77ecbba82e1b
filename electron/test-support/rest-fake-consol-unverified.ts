/**
 * UNVERIFIED stand-in for ConSol CM. No public reference for a ConSol CM REST endpoint that
 * searches contacts by number was found (ConSol's manuals for CM's REST API are not public;
 * searched: documentation, code and issue corpora for "ConSol CM" REST contacts), so this answers
 * the way Ringdesk's `consol` preset assumes, nothing more: `GET /restapi/contacts?term=&limit=`
 * with basic authentication, `{"contacts": [{id, firstName, lastName, company, email, phone,
 * mobile}]}`, and `term` matched like SQL `LIKE '%term%'` on the numbers. A test against it shows
 * only that Ringdesk reads such an answer, never that ConSol CM gives one.
 */
import type { FakeAnswer } from './rest-fake-zammad.js';
import { likeLiteral, sqlLike, type FakePerson } from './rest-fake-people.js';

/** GET /restapi/contacts (authenticated by the caller). */
export function consolContactSearch(people: readonly FakePerson[], query: URLSearchParams): FakeAnswer {
  const term = query.get('term') ?? '';
  const limit = Number(query.get('limit') ?? '50') || 50;
  const pattern = `%${likeLiteral(term)}%`;
  const found = term === '' ? [] : people.filter((p) => [p.phone, p.mobile].some((n) => sqlLike(n, pattern)));
  return { status: 200, body: { contacts: found.slice(0, limit).map(consolContact) } };
}

function consolContact(person: FakePerson): Record<string, unknown> {
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    company: person.company ?? null,
    email: person.email ?? null,
    phone: person.phone ?? null,
    mobile: person.mobile ?? null,
  };
}
