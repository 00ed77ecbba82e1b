/**
 * Proves the directory's identity on each request: a fixed header (basic, bearer, an API key
 * such as Zammad's `Token token=...`), or a session from a login (KIX's token, Znuny's
 * SessionID) that is made once, shared by concurrent lookups, and made again when the helpdesk
 * stops accepting it. Secrets arrive resolved and never appear in messages.
 */
import type { AuthConfig } from './rest-config.js';
import { parseJsonPath, readJsonPath } from './json-path.js';
import { ExchangeError, pathName, shorten } from './rest-transport.js';

/** What a request carries to authenticate. */
export interface RequestCredentials {
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
}

/** Sends a login: POSTs the JSON `body` to `url`, answers the parsed JSON. */
export type LoginExchange = (url: string, body: string) => Promise<unknown>;

const NOTHING: RequestCredentials = { headers: {}, query: {} };

/** The credentials of one directory. */
export class Authenticator {
  private session: Promise<string> | null = null;

  constructor(
    private readonly auth: AuthConfig<string>,
    private readonly login: LoginExchange,
    /** The helpdesk's error message in an answer (Znuny answers a refused login with 200). */
    private readonly errorOf: (answer: unknown) => string | null,
  ) {}

  /** True when credentials come from a login that can expire and be made again. */
  get usesSession(): boolean {
    return this.auth.type === 'login';
  }

  /** The credentials for the next request; logs in first when there is no session yet. */
  async credentials(signal?: AbortSignal): Promise<RequestCredentials> {
    const auth = this.auth;
    switch (auth.type) {
      case 'none':
        return NOTHING;
      case 'basic':
        return {
          headers: {
            Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
          },
          query: {},
        };
      case 'bearer':
        return { headers: { Authorization: `Bearer ${auth.token}` }, query: {} };
      case 'header':
        return { headers: { [auth.header]: `${auth.prefix}${auth.token}` }, query: {} };
      case 'login': {
        const token = await untilAborted(this.sessionToken(auth), signal);
        return auth.queryParameter === null
          ? { headers: { [auth.header ?? 'Authorization']: `${auth.prefix}${token}` }, query: {} }
          : { headers: {}, query: { [auth.queryParameter]: token } };
      }
    }
  }

  /** Forgets the session (the helpdesk refused it), so the next request logs in again. */
  forget(): void {
    this.session = null;
  }

  private sessionToken(auth: Extract<AuthConfig<string>, { type: 'login' }>): Promise<string> {
    if (this.session === null) {
      const made = this.logIn(auth);
      this.session = made;
      made.catch(() => {
        if (this.session === made) this.session = null;
      });
    }
    return this.session;
  }

  private async logIn(auth: Extract<AuthConfig<string>, { type: 'login' }>): Promise<string> {
    const body = JSON.stringify({
      ...auth.fields,
      [auth.usernameField]: auth.username,
      [auth.passwordField]: auth.password,
    });
    let answer: unknown;
    try {
      answer = await this.login(auth.url, body);
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      if (error.status === null) throw new ExchangeError(`could not log in: ${error.problem}`);
      const refused = error.status === 400 || error.status === 401 || error.status === 403;
      const detail = error.detail === null ? '' : `: ${error.detail}`;
      // No status on the new error: a refused login is final, not a session to make again.
      throw new ExchangeError(
        refused ? `the login was refused (${error.status})${detail}` : `the login ${error.problem}${detail}`,
      );
    }
    const reported = this.errorOf(answer);
    if (reported !== null) throw new ExchangeError(`the login was refused: ${shorten(reported, 160)}`);
    const token = readJsonPath(answer, parseJsonPath(auth.tokenPath));
    if ((typeof token !== 'string' || token === '') && typeof token !== 'number')
      throw new ExchangeError(`the login answer holds no token at ${pathName(auth.tokenPath)}`);
    return String(token);
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (the shared work goes on for others). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(new ExchangeError('the lookup was cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(new ExchangeError('the lookup was cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
