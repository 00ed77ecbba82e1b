/**
 * A fake helpdesk on loopback, one server for every product Ringdesk has a preset for, each
 * answering as its own source says (each module's header names the files it was written from):
 * Zammad (`rest-fake-zammad.ts`, with Elasticsearch or its database fallback), KIX 18
 * (`rest-fake-kix.ts`), a stock Znuny GenericInterface (`rest-fake-znuny.ts`: it has no
 * customer-user search), an UNVERIFIED ConSol CM stand-in (`rest-fake-consol-unverified.ts`),
 * and Ringdesk's own JSON endpoint contract (docs/directories.md). Logins and tokens are
 * checked as each product checks them. Tests switch on trouble (no answer, an error status, an
 * HTML page, an endless body, a wrong shape) and read what each request carried and whether the
 * client hung up before the answer was complete.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consolContactSearch } from './rest-fake-consol-unverified.js';
import { kixContactSearch } from './rest-fake-kix.js';
import { DEFAULT_PEOPLE, type FakePerson } from './rest-fake-people.js';
import {
  zammadUserIndex,
  zammadUserSearch,
  type FakeAnswer,
  type ZammadSearchBackend,
} from './rest-fake-zammad.js';
import { ZNUNY_SERVICE, znunyGenericInterface } from './rest-fake-znuny.js';

export { ZNUNY_SERVICE };

/** What goes wrong on the search and listing routes (logins stay healthy). */
export type FakeTrouble =
  | { readonly kind: 'hang' }
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly body?: string;
      readonly contentType?: string;
    }
  | { readonly kind: 'html' }
  | { readonly kind: 'endless' }
  | { readonly kind: 'shape'; readonly body: unknown }
  | { readonly kind: 'redirect'; readonly location: string };

/** A request as the fake received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** The query as sent, before decoding. */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** True once the client closed the connection before the answer was complete. */
  closedEarly: boolean;
}

export interface FakeHelpdeskOptions {
  readonly people?: readonly FakePerson[];
  /** Zammad's API token, and the JSON endpoint's bearer token (none: the endpoint is open). */
  readonly token?: string;
  readonly jsonToken?: string;
  /** The agent account for KIX, Znuny and ConSol CM. */
  readonly username?: string;
  readonly password?: string;
  /** The session IDs or tokens handed out, by login count (1, 2, ...). */
  readonly session?: (count: number) => string;
  /** Where Zammad searches (default Elasticsearch, as standard installs do). */
  readonly zammadSearch?: ZammadSearchBackend;
  /** KIX's `API::StrictSearching` (default off, as shipped). */
  readonly kixStrictSearching?: boolean;
}

export class FakeHelpdesk {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string;
  readonly requests: RecordedRequest[] = [];
  /** Trouble for the next search and listing requests; null for healthy answers. */
  trouble: FakeTrouble | null = null;
  logins = 0;
  private readonly sessions = new Set<string>();
  private readonly waiting: ((request: RecordedRequest) => void)[] = [];

  private constructor(
    private readonly server: Server,
    private readonly options: Required<Omit<FakeHelpdeskOptions, 'jsonToken'>> & { jsonToken?: string },
  ) {
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Starts a fake on a free loopback port. */
  static async start(options: FakeHelpdeskOptions = {}): Promise<FakeHelpdesk> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeHelpdesk(server, {
      people: options.people ?? DEFAULT_PEOPLE,
      token: options.token ?? 'zammad-token',
      username: options.username ?? 'ringdesk',
      password: options.password ?? 'agent-pass',
      session: options.session ?? ((count) => `session-${count}`),
      zammadSearch: options.zammadSearch ?? 'elasticsearch',
      kixStrictSearching: options.kixStrictSearching ?? false,
      ...(options.jsonToken === undefined ? {} : { jsonToken: options.jsonToken }),
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void fake.handle(request, response);
    });
    return fake;
  }

  /** Resolves with the next request that arrives (or the last one, if one already has). */
  nextRequest(): Promise<RecordedRequest> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Forgets every session, as a helpdesk does when they expire. */
  expireSessions(): void {
    this.sessions.clear();
  }

  /** The search and listing requests (not logins). */
  get searches(): RecordedRequest[] {
    return this.requests.filter((request) => !/\/(auth|Session)$/.test(request.path));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      rawQuery: url.search.slice(1),
      query: url.searchParams,
      headers: request.headers,
      body: await readBody(request),
      closedEarly: false,
    };
    response.on('close', () => {
      if (!response.writableFinished) recorded.closedEarly = true;
    });
    this.requests.push(recorded);
    for (const resolve of this.waiting.splice(0)) resolve(recorded);
    const isLogin = /\/(auth|Session)$/.test(url.pathname);
    if (!isLogin && this.trouble !== null) {
      this.misbehave(this.trouble, response);
      return;
    }
    const answer = this.route(recorded);
    if (answer.contentType !== undefined && answer.contentType !== 'application/json') {
      response.writeHead(answer.status, { 'Content-Type': `${answer.contentType}; charset=utf-8` });
      response.end(String(answer.body));
      return;
    }
    send(response, answer.status, answer.body, answer.headers);
  }

  private route(request: RecordedRequest): FakeAnswer {
    const { people } = this.options;
    const { path, query, headers } = request;

    if (path.startsWith('/api/v1/users')) {
      if (headers.authorization !== `Token token=${this.options.token}`)
        return { status: 401, body: { error: 'Authentication failed' } };
      if (path === '/api/v1/users/search') return zammadUserSearch(people, query, this.options.zammadSearch);
      if (path === '/api/v1/users') return zammadUserIndex(people, query);
    }
    if (path === '/api/v1/auth') return this.kixLogin(request);
    if (path === '/api/v1/contacts') {
      const token = headers.authorization?.replace(/^Token /, '') ?? '';
      if (!this.sessions.has(token))
        return { status: 401, body: { Code: 'Unauthorized', Message: 'No token or invalid token given.' } };
      return kixContactSearch(people, query, this.options.kixStrictSearching);
    }
    const znuny = znunyGenericInterface(path, request.method, request.body, {
      username: this.options.username,
      password: this.options.password,
      newSession: () => this.newSession(),
    });
    if (znuny !== null) return znuny;
    if (path === '/restapi/contacts') {
      const expected = `Basic ${Buffer.from(`${this.options.username}:${this.options.password}`).toString('base64')}`;
      if (headers.authorization !== expected)
        return {
          status: 401,
          body: { message: 'Bad credentials' },
          headers: { 'WWW-Authenticate': 'Basic realm="CM"' },
        };
      return consolContactSearch(people, query);
    }
    if (path === '/contacts') return this.jsonEndpoint(request);
    return { status: 404, body: { error: `no route ${path}` } };
  }

  /**
   * Ringdesk's own JSON contract (docs/directories.md, "A JSON endpoint"); like a typical
   * middleware, this one compares the last seven digits of the numbers.
   */
  private jsonEndpoint({ query, headers }: RecordedRequest): FakeAnswer {
    const { people } = this.options;
    if (this.options.jsonToken !== undefined && headers.authorization !== `Bearer ${this.options.jsonToken}`)
      return { status: 401, body: { message: 'invalid bearer token' } };
    const phone = query.get('phone');
    if (phone !== null) {
      const tail = phone.replace(/\D/g, '').slice(-7);
      const found = people.filter((person) =>
        [person.phone, person.mobile, person.fax].some(
          (n) => tail !== '' && (n ?? '').replace(/\D/g, '').includes(tail),
        ),
      );
      return { status: 200, body: { contacts: found.map(jsonContact) } };
    }
    const perPage = Number(query.get('per_page') ?? '100');
    const offset = (Number(query.get('page') ?? '1') - 1) * perPage;
    return { status: 200, body: { contacts: people.slice(offset, offset + perPage).map(jsonContact) } };
  }

  /** KIX's `POST /api/v1/auth`: 201 with a token, 401 when refused. */
  private kixLogin(request: RecordedRequest): FakeAnswer {
    const credentials = JSON.parse(request.body || '{}') as Record<string, unknown>;
    const valid =
      credentials.UserLogin === this.options.username &&
      credentials.Password === this.options.password &&
      credentials.UserType === 'Agent';
    if (!valid)
      return {
        status: 401,
        body: { Code: 'SessionCreate.AuthFail', Message: 'Authorization not possible.' },
      };
    return { status: 201, body: { Token: this.newSession() } };
  }

  private newSession(): string {
    this.logins++;
    const session = this.options.session(this.logins);
    this.sessions.add(session);
    return session;
  }

  private misbehave(trouble: FakeTrouble, response: ServerResponse): void {
    switch (trouble.kind) {
      case 'hang':
        return; // Holds the request open until the client gives up (or the fake closes).
      case 'status':
        response.writeHead(trouble.status, { 'Content-Type': trouble.contentType ?? 'application/json' });
        response.end(trouble.body ?? '');
        return;
      case 'html':
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><title>Maintenance</title><h1>Back soon</h1>');
        return;
      case 'endless':
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.write('{"users": [');
        writeForever(response);
        return;
      case 'shape':
        send(response, 200, trouble.body);
        return;
      case 'redirect':
        response.writeHead(302, { Location: trouble.location });
        response.end();
        return;
    }
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** Writes JSON-looking filler until the client hangs up (the cap must stop it). */
function writeForever(response: ServerResponse): void {
  const chunk = '"0172 5551234 filler",'.repeat(2048);
  const pump = () => {
    while (!response.destroyed && response.write(chunk));
    if (!response.destroyed) response.once('drain', pump);
  };
  pump();
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A contact of the JSON endpoint: numbers as a list of {type, number}. */
function jsonContact(person: FakePerson): Record<string, unknown> {
  const phones = [
    ['work', person.phone],
    ['mobile', person.mobile],
    ['fax', person.fax],
  ].flatMap(([type, number]) => (number === undefined ? [] : [{ type, number }]));
  return {
    id: `c-${person.id}`,
    name: `${person.firstName} ${person.lastName}`,
    company: person.company ?? null,
    email: person.email ?? null,
    department: person.department ?? null,
    title: person.title ?? null,
    url: person.url ?? `/contacts/c-${person.id}`,
    phones,
  };
}
