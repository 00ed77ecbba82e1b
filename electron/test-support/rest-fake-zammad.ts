/**
 * Zammad's user API for the fake helpdesk, written from zammad/zammad (2024–2025 sources):
 * - `app/controllers/users_controller.rb` `search`: `per_page || limit || 100`, at most 500;
 *   `page`; `query` (or `term`); `expand` answers `attributes_with_association_names`
 *   (the organization's name instead of its id); `index`: every user by id, 500 per page at most.
 * - `app/models/concerns/can_search.rb`: `search_build_params` deletes every `*` from the query;
 *   with Elasticsearch configured and a query present, `search_es`; otherwise `search_sql`.
 * - `app/models/user/search.rb`: users are sorted by `active`, then `updated_at`, both
 *   descending; the SQL search leaves out the system user (id 1) and runs the default
 *   `search_sql_query_extension`: `LIKE '%query%'` (lower-cased, `%`/`_` quoted) over every
 *   string column.
 * - `lib/search_index_backend.rb`: the Elasticsearch query (see `rest-fake-elasticsearch.ts`);
 *   an Elasticsearch error is logged and answered with an empty list.
 * - The system user (id 1, login `-`) exists in every Zammad; the index lists it.
 */
import {
  appendWildcardToSimpleQuery,
  NotModelledError,
  QueryString,
  QuerySyntaxError,
} from './rest-fake-elasticsearch.js';
import { likeLiteral, sqlLike, updatedAtOf, type FakePerson } from './rest-fake-people.js';

/** Where Zammad searches: Elasticsearch (standard installs), or its database fallback. */
export type ZammadSearchBackend = 'elasticsearch' | 'database';

/** An answer of a fake route. */
export interface FakeAnswer {
  readonly status: number;
  readonly body: unknown;
  /** Default JSON; `text/plain` sends `body` as text. */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const SYSTEM_USER: FakePerson = {
  id: 1,
  firstName: '-',
  lastName: '',
  updatedAt: '2020-01-01T00:00:00.000Z',
};

interface ZammadRecord {
  readonly person: FakePerson;
  readonly active: boolean;
  /** The user's string columns as the SQL search and the index see them. */
  readonly columns: ReadonlyMap<string, string>;
}

function recordOf(person: FakePerson): ZammadRecord {
  const columns = new Map<string, string>();
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') columns.set(name, value);
  };
  set('login', person.id === 1 ? '-' : (person.email ?? `user${person.id}`));
  set('firstname', person.firstName);
  set('lastname', person.lastName);
  set('email', person.email);
  set('phone', person.phone);
  set('mobile', person.mobile);
  set('fax', person.fax);
  set('department', person.department);
  return { person, active: person.id !== 1, columns };
}

/** GET /api/v1/users/search */
export function zammadUserSearch(
  people: readonly FakePerson[],
  query: URLSearchParams,
  backend: ZammadSearchBackend,
): FakeAnswer {
  const perPage = Math.min(Number(query.get('per_page') ?? query.get('limit') ?? '100') || 100, 500);
  const page = Number(query.get('page') ?? '1') || 1;
  const text = (query.get('query') ?? query.get('term') ?? '').replaceAll('*', '');
  const records = [SYSTEM_USER, ...people].map(recordOf);
  let found: ZammadRecord[];
  if (backend === 'elasticsearch' && text.trim() !== '') {
    let parsed: QueryString;
    try {
      parsed = QueryString.parse(appendWildcardToSimpleQuery(text));
    } catch (error) {
      if (error instanceof QuerySyntaxError) return { status: 200, body: [] };
      if (error instanceof NotModelledError) return notModelled(error);
      throw error;
    }
    try {
      found = records.filter((record) => parsed.matches(record.columns));
    } catch (error) {
      if (error instanceof NotModelledError) return notModelled(error);
      throw error;
    }
  } else {
    const pattern = `%${likeLiteral(text.toLowerCase())}%`;
    found = records.filter(
      (record) =>
        record.person.id !== 1 &&
        (text === '' || [...record.columns.values()].some((value) => sqlLike(value, pattern))),
    );
  }
  found.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || updatedAtOf(b.person).localeCompare(updatedAtOf(a.person)),
  );
  const expand = query.get('expand') === 'true';
  const offset = (page - 1) * perPage;
  return {
    status: 200,
    body: found.slice(offset, offset + perPage).map((record) => zammadUser(record, expand)),
  };
}

/** GET /api/v1/users: every user by id, `per_page` (at most 500) a page. */
export function zammadUserIndex(people: readonly FakePerson[], query: URLSearchParams): FakeAnswer {
  const perPage = Math.min(Number(query.get('per_page') ?? '500') || 500, 500);
  const offset = ((Number(query.get('page') ?? '1') || 1) - 1) * perPage;
  const all = [SYSTEM_USER, ...people].sort((a, b) => a.id - b.id).map(recordOf);
  const expand = query.get('expand') === 'true';
  return {
    status: 200,
    body: all.slice(offset, offset + perPage).map((record) => zammadUser(record, expand)),
  };
}

/** A Zammad user as the API answers it (`expand=true` adds the organization's name). */
function zammadUser(record: ZammadRecord, expand: boolean): Record<string, unknown> {
  const { person } = record;
  return {
    id: person.id,
    login: record.columns.get('login') ?? '',
    firstname: person.firstName,
    lastname: person.lastName,
    email: person.email ?? '',
    phone: person.phone ?? '',
    mobile: person.mobile ?? '',
    fax: person.fax ?? '',
    department: person.department ?? '',
    organization_id: person.company === undefined ? null : person.id + 100,
    ...(expand ? { organization: person.company ?? null } : {}),
    active: record.active,
    updated_at: updatedAtOf(person),
  };
}

function notModelled(error: Error): FakeAnswer {
  return { status: 501, body: `fake Zammad: not modelled: ${error.message}`, contentType: 'text/plain' };
}
