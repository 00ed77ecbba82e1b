/**
 * A fake helpdesk on loopback that answers like Zammad, KIX 18, Znuny (GenericInterface with
 * a customer-user search operation), ConSol CM and a plain JSON endpoint: their paths, their
 * authentication (tokens, sessions, basic), their answer shapes, pagination, error statuses and
 * error bodies, and fuzzy searches. Tests switch on trouble (no answer, an error status, an
 * HTML page, an endless body, a wrong shape) and read what each request carried and whether
 * the client hung up before the answer was complete.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  consolContact,
  DEFAULT_PEOPLE,
  fuzzyMatches,
  jsonContact,
  kixContact,
  searchedDigits,
  zammadUser,
  znunyCustomerUser,
  type FakePerson,
} from './rest-fake-people.js';

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
}

export const ZNUNY_SERVICE = '/otrs/nph-genericinterface.pl/Webservice/Ringdesk';

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
    send(response, answer.status, answer.body, answer.headers);
  }

  private route(request: RecordedRequest): {
    status: number;
    body: unknown;
    headers?: Record<string, string>;
  } {
    const { people } = this.options;
    const { path, query, headers } = request;
    const matches = (term: string | null) => fuzzyMatches(people, searchedDigits(term ?? ''));
    const page = <T>(items: readonly T[], offset: number, size: number) => items.slice(offset, offset + size);

    if (path.startsWith('/api/v1/users')) {
      if (headers.authorization !== `Token token=${this.options.token}`)
        return { status: 401, body: { error: 'Authentication failed' } };
      const expand = query.get('expand') === 'true';
      if (path === '/api/v1/users/search') {
        const limit = Number(query.get('limit') ?? '10');
        return {
          status: 200,
          body: matches(query.get('query'))
            .slice(0, limit)
            .map((p) => zammadUser(p, expand)),
        };
      }
      const perPage = Number(query.get('per_page') ?? '500');
      const offset = (Number(query.get('page') ?? '1') - 1) * perPage;
      return { status: 200, body: page(people, offset, perPage).map((p) => zammadUser(p, expand)) };
    }
    if (path === '/api/v1/auth' || path === `${ZNUNY_SERVICE}/Session`) return this.login(request);
    if (path === '/api/v1/contacts') {
      const token = headers.authorization?.replace(/^Token /, '') ?? '';
      if (!this.sessions.has(token))
        return { status: 401, body: { Code: 'Unauthorized', Message: 'No token or invalid token given.' } };
      const search = query.get('search');
      if (search === null) {
        const found = page(people, Number(query.get('offset') ?? '0'), Number(query.get('limit') ?? '1000'));
        return { status: 200, body: { Contact: found.map(kixContact) } };
      }
      const filter = JSON.parse(search) as { Contact: { AND: { Value: string }[] } };
      const value = filter.Contact.AND[0]?.Value ?? '';
      return { status: 200, body: { Contact: matches(value).map(kixContact) } };
    }
    if (path === `${ZNUNY_SERVICE}/CustomerUserSearch`) {
      if (!this.sessions.has(query.get('SessionID') ?? ''))
        return {
          status: 200,
          body: {
            Error: {
              ErrorCode: 'CustomerUserSearch.AuthFail',
              ErrorMessage: 'CustomerUserSearch: Authorization failing!',
            },
          },
        };
      const found = matches(query.get('Search'));
      // The GenericInterface answers an empty result with an empty object.
      return { status: 200, body: found.length === 0 ? {} : { CustomerUser: found.map(znunyCustomerUser) } };
    }
    if (path === '/restapi/contacts') {
      const expected = `Basic ${Buffer.from(`${this.options.username}:${this.options.password}`).toString('base64')}`;
      if (headers.authorization !== expected)
        return {
          status: 401,
          body: { message: 'Bad credentials' },
          headers: { 'WWW-Authenticate': 'Basic realm="CM"' },
        };
      return { status: 200, body: { contacts: matches(query.get('term')).map(consolContact) } };
    }
    if (path === '/contacts') {
      if (
        this.options.jsonToken !== undefined &&
        headers.authorization !== `Bearer ${this.options.jsonToken}`
      )
        return { status: 401, body: { message: 'invalid bearer token' } };
      // Like many CRMs, the endpoint matches the end of the number, whatever the prefix.
      const phone = query.get('phone');
      if (phone !== null)
        return { status: 200, body: { contacts: matches(searchedDigits(phone).slice(-7)).map(jsonContact) } };
      const perPage = Number(query.get('per_page') ?? '100');
      const offset = (Number(query.get('page') ?? '1') - 1) * perPage;
      return { status: 200, body: { contacts: page(people, offset, perPage).map(jsonContact) } };
    }
    return { status: 404, body: { error: `no route ${path}` } };
  }

  private login(request: RecordedRequest): { status: number; body: unknown } {
    const credentials = JSON.parse(request.body || '{}') as Record<string, unknown>;
    const valid =
      credentials.UserLogin === this.options.username && credentials.Password === this.options.password;
    const kix = request.path === '/api/v1/auth';
    if (!valid || (kix && credentials.UserType !== 'Agent'))
      return kix
        ? { status: 401, body: { Code: 'SessionCreate.AuthFail', Message: 'Authorization not possible.' } }
        : {
            status: 200,
            body: {
              Error: {
                ErrorCode: 'SessionCreate.AuthFail',
                ErrorMessage: 'SessionCreate: Authorization failing!',
              },
            },
          };
    this.logins++;
    const session = this.options.session(this.logins);
    this.sessions.add(session);
    return kix ? { status: 201, body: { Token: session } } : { status: 200, body: { SessionID: session } };
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
