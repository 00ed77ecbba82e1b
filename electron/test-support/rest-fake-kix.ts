/**
 * KIX 18's contact API for the fake helpdesk, written from kix-backend (rel-18, snapshot of
 * 2026-04-22, commit 2226f012d):
 * - `Kernel/API/Operation/V1/Common.pm`: `PrepareData` reads `search` (JSON, `{"Contact": {"AND":
 *   [...], "OR": [...]}}`), `limit`, `offset` and `searchlimit`; without `searchlimit` the search
 *   stops at `API::Request::DefaultLimit` (1,000, `Kernel/Config/Files/API.xml`); `offset` and
 *   `limit` then cut the found list. `_ValidateFilter`: a search that is not JSON, or an object
 *   without AND/OR lists, is a 400 `BadRequest`; with `API::StrictSearching` (default off) an
 *   unsupported field or operator is a 400 too ("Search operator "X" not supported for property
 *   "Y" of Contact!").
 * - `Kernel/API/Operation/V1/Contact/ContactSearch.pm`: sorted by Lastname, then Firstname;
 *   answers `{"Contact": [...]}`.
 * - `Kernel/System/ObjectSearch/Database/Contact/General.pm`: Phone, Mobile, Fax (and Title,
 *   Firstname, Lastname, ...) accept EQ, NE, STARTSWITH, ENDSWITH, CONTAINS, LIKE, IN, !IN,
 *   compared case-insensitively; `CommonFulltext.pm`: `Fulltext` accepts only LIKE (since
 *   2025-06, commit 5d3a569e1); an operator an attribute does not support makes the search fail,
 *   which ContactSearch answers with an empty list.
 * - `Kernel/System/ObjectSearch/Database/CommonAttribute.pm`: CONTAINS is `LIKE '%v%'`,
 *   STARTSWITH `LIKE 'v%'`, ENDSWITH `LIKE '%v'`, LIKE replaces `*` by `%` (the value's own `%`
 *   and `_` are quoted); runs of `%` collapse.
 * - AND conditions all hold; of the OR conditions at least one.
 * Not modelled (answered 501, so no test passes on a guess): other fields, Fulltext's own
 * matching, NE/IN/!IN/EMPTY, relative values.
 */
import type { FakeAnswer } from './rest-fake-zammad.js';
import { likeLiteral, sqlLike, type FakePerson } from './rest-fake-people.js';

export const KIX_DEFAULT_LIMIT = 1000;

const TEXT_ATTRIBUTES = ['Title', 'Firstname', 'Lastname', 'Phone', 'Fax', 'Mobile'] as const;
type TextAttribute = (typeof TEXT_ATTRIBUTES)[number];
const TEXT_OPERATORS = ['EMPTY', 'EQ', 'NE', 'STARTSWITH', 'ENDSWITH', 'CONTAINS', 'LIKE', 'IN', '!IN'];
const KNOWN_OPERATORS = new Set([...TEXT_OPERATORS, 'LT', 'GT', 'LTE', 'GTE']);

interface Condition {
  readonly Field?: unknown;
  readonly Operator?: unknown;
  readonly Value?: unknown;
}

class UnsupportedSearch extends Error {}
class NotModelled extends Error {}

/** GET /api/v1/contacts (authenticated by the caller). */
export function kixContactSearch(
  people: readonly FakePerson[],
  query: URLSearchParams,
  strictSearching: boolean,
): FakeAnswer {
  const search = query.get('search');
  let matches: (person: FakePerson) => boolean = () => true;
  if (search !== null) {
    let filter: unknown;
    try {
      filter = JSON.parse(search) as unknown;
    } catch {
      return badRequest('JSON parse error in search!');
    }
    const contact = (filter as { Contact?: unknown } | null)?.Contact;
    if (typeof filter !== 'object' || filter === null || typeof contact !== 'object' || contact === null)
      return badRequest('Invalid search for object Contact!');
    try {
      matches = compile(contact as Record<string, unknown>, strictSearching);
    } catch (error) {
      if (error instanceof BadRequest) return badRequest(error.message);
      if (error instanceof UnsupportedSearch) return { status: 200, body: { Contact: [] } };
      if (error instanceof NotModelled)
        return { status: 501, body: `fake KIX: not modelled: ${error.message}`, contentType: 'text/plain' };
      throw error;
    }
  }
  const searchLimit = limitOf(query.get('searchlimit')) ?? KIX_DEFAULT_LIMIT;
  const found = people.filter(matches).sort(byName);
  const limited = searchLimit === 0 ? found : found.slice(0, searchLimit);
  const offset = limitOf(query.get('offset')) ?? 0;
  const limit = limitOf(query.get('limit'));
  const page = limited.slice(offset, limit === null || limit === 0 ? undefined : offset + limit);
  return { status: 200, body: { Contact: page.map(kixContact) } };
}

class BadRequest extends Error {}

function compile(contact: Record<string, unknown>, strict: boolean): (person: FakePerson) => boolean {
  const all: ((person: FakePerson) => boolean)[] = [];
  const any: ((person: FakePerson) => boolean)[] = [];
  for (const [operator, list] of Object.entries(contact)) {
    if (operator !== 'AND' && operator !== 'OR') throw new BadRequest('Invalid search for object Contact!');
    if (!Array.isArray(list) || list.length === 0)
      throw new BadRequest(`Invalid search for object Contact!, operator ${operator}`);
    for (const condition of list as Condition[])
      (operator === 'AND' ? all : any).push(predicate(condition, strict));
  }
  return (person) =>
    all.every((test) => test(person)) && (any.length === 0 || any.some((test) => test(person)));
}

function predicate(condition: Condition, strict: boolean): (person: FakePerson) => boolean {
  const field = typeof condition.Field === 'string' ? condition.Field : '';
  const operator = typeof condition.Operator === 'string' ? condition.Operator.toUpperCase() : '';
  if (field === '') throw new BadRequest('No field in Contact.!');
  const isText = (TEXT_ATTRIBUTES as readonly string[]).includes(field);
  const supported = isText ? TEXT_OPERATORS : field === 'Fulltext' ? ['LIKE'] : null;
  if (supported === null) {
    if (strict) throw new BadRequest(`Search field "${field}" not supported for Contact!`);
    throw new NotModelled(`the field ${field}`);
  }
  if (!supported.includes(operator)) {
    if (strict)
      throw new BadRequest(`Search operator "${operator}" not supported for property "${field}" of Contact!`);
    if (!KNOWN_OPERATORS.has(operator))
      throw new BadRequest(`Unknown filter operator ${operator} in Contact.${field}!`);
    throw new UnsupportedSearch();
  }
  if (field === 'Fulltext') throw new NotModelled('Fulltext matching');
  const value = condition.Value;
  if (typeof value !== 'string') throw new NotModelled(`a ${typeof value} value`);
  const pattern = likePattern(operator, value);
  return (person) => sqlLike(columnOf(person, field as TextAttribute), pattern);
}

function likePattern(operator: string, value: string): string {
  const quoted = likeLiteral(value.toLowerCase());
  const collapse = (pattern: string) => pattern.replace(/%+/g, '%');
  switch (operator) {
    case 'EQ':
      return quoted;
    case 'CONTAINS':
      return collapse(`%${quoted}%`);
    case 'STARTSWITH':
      return collapse(`${quoted}%`);
    case 'ENDSWITH':
      return collapse(`%${quoted}`);
    case 'LIKE':
      return collapse(quoted.replaceAll('*', '%'));
    default:
      throw new NotModelled(`the operator ${operator}`);
  }
}

function columnOf(person: FakePerson, field: TextAttribute): string | undefined {
  switch (field) {
    case 'Title':
      return person.title;
    case 'Firstname':
      return person.firstName;
    case 'Lastname':
      return person.lastName;
    case 'Phone':
      return person.phone;
    case 'Fax':
      return person.fax;
    case 'Mobile':
      return person.mobile;
  }
}

function byName(a: FakePerson, b: FakePerson): number {
  return (
    a.lastName.toLowerCase().localeCompare(b.lastName.toLowerCase()) ||
    a.firstName.toLowerCase().localeCompare(b.firstName.toLowerCase())
  );
}

/** `200` or `Contact:200` (a comma-separated list per object, as PrepareData reads it). */
function limitOf(text: string | null): number | null {
  let common: number | null = null;
  for (const part of (text ?? '').split(',')) {
    const [object, count] = part.split(':');
    if (count !== undefined && object === 'Contact' && /^\d+$/.test(count)) return Number(count);
    if (count === undefined && object !== undefined && /^\d+$/.test(object)) common = Number(object);
  }
  return common;
}

function badRequest(message: string): FakeAnswer {
  return { status: 400, body: { Code: 'BadRequest', Message: message } };
}

/** A KIX 18 contact as ContactGet answers it. */
export function kixContact(person: FakePerson): Record<string, unknown> {
  return {
    ID: person.id,
    Login: person.email ?? `user${person.id}`,
    Firstname: person.firstName,
    Lastname: person.lastName,
    Fullname: `${person.lastName}, ${person.firstName}`,
    Email: person.email ?? '',
    Phone: person.phone ?? null,
    Mobile: person.mobile ?? null,
    Fax: person.fax ?? null,
    Title: person.title ?? null,
    PrimaryOrganisationID: person.id + 100,
    ValidID: 1,
  };
}
