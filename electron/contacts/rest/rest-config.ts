/**
 * A REST directory's configuration once a preset and the settings' overrides are merged and
 * checked: everything the directory needs to ask its helpdesk, with secrets still as the
 * settings wrote them (`{"env": "NAME"}`) until the directory is created.
 */
import type { SecretSetting } from '../../shared/secret.js';
import type { ResponseMapping } from './response-mapping.js';

export type RestMethod = 'GET' | 'POST';

/** The search request; `url` and `body` hold `{{number.*}}` placeholders. */
export interface RestRequest {
  readonly method: RestMethod;
  readonly url: string;
  /** A JSON body template for POST, or null. */
  readonly body: string | null;
  /** Fixed extra headers (`Accept-Language`, ...). */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Asked (same method, headers and body) when the search answers no results at all, or null:
   * Zammad without Elasticsearch finds nothing with the first search but the short tail.
   */
  readonly fallbackUrl: string | null;
}

/**
 * An answer that means the helpdesk lacks what the preset needs, and what to do about it: the
 * message of a failure with `status` whose detail matches `detail` gets `hint` appended.
 */
export interface ProblemHint {
  readonly status: number;
  readonly detail: RegExp;
  readonly hint: string;
}

/**
 * How the directory proves who it is. `S` is how secrets are held: as settings before the
 * directory is created, as strings after.
 */
export type AuthConfig<S = SecretSetting> =
  | { readonly type: 'none' }
  | { readonly type: 'basic'; readonly username: string; readonly password: S }
  | { readonly type: 'bearer'; readonly token: S }
  | {
      readonly type: 'header';
      /** The header carrying the key: `X-API-Key`, or `Authorization` for Zammad. */
      readonly header: string;
      /** Written before the key: `Token token=` for Zammad, "" for a bare key. */
      readonly prefix: string;
      readonly token: S;
    }
  | {
      /** A session: log in once with user and password, then send the token it answers with. */
      readonly type: 'login';
      /** The login URL (POST, JSON body). */
      readonly url: string;
      readonly usernameField: string;
      readonly passwordField: string;
      /** Further fixed fields of the login body (`{"UserType": "Agent"}` for KIX). */
      readonly fields: Readonly<Record<string, string>>;
      /** Where the answer holds the token (`Token`, `SessionID`). */
      readonly tokenPath: string;
      /** Send the token in this header (with `prefix`) ... */
      readonly header: string | null;
      readonly prefix: string;
      /** ... or as this query parameter (Znuny's `SessionID`). */
      readonly queryParameter: string | null;
      readonly username: string;
      readonly password: S;
    };

/**
 * Paging through every contact for `list()`; `url` holds `{{page}}`, `{{offset}}`, `{{pageSize}}`
 * and `{{end}}` (offset + pageSize: how far a search must reach for this page).
 */
export interface ListingConfig {
  readonly url: string;
  readonly pageSize: number;
  /** A stop for APIs that ignore the paging parameters and answer the same page forever. */
  readonly maxPages: number;
}

/** TLS: verification is on unless switched off; `caFile` adds a company CA. */
export interface TlsConfig {
  readonly verify: boolean;
  /** Absolute path of a PEM file with the CA certificates to trust, or null. */
  readonly caFile: string | null;
}

/** Everything a REST directory needs. */
export interface RestConfig<S = SecretSetting> {
  /** The product, for messages: `Zammad`, `Znuny`, `KIX`, `ConSol CM`, `JSON`, `REST`. */
  readonly label: string;
  /** The directory's name (shown as the contacts' source). */
  readonly name: string;
  /** The helpdesk's address without a trailing slash, or null for fully custom settings. */
  readonly baseUrl: string | null;
  readonly request: RestRequest;
  readonly auth: AuthConfig<S>;
  readonly response: ResponseMapping;
  /** How to page through every contact; null when the API offers no listing. */
  readonly listing: ListingConfig | null;
  /** Per request, including reading the answer. */
  readonly timeoutMs: number;
  readonly tls: TlsConfig;
  /** From the preset: failures that mean the helpdesk lacks something, with what to do. */
  readonly hints: readonly ProblemHint[];
  /** The preset was not checked against any vendor reference (ConSol CM). */
  readonly unverified: boolean;
}
