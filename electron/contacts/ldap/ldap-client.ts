/**
 * The part of an LDAP client the directory uses: ldapts's `Client` plus abandonable searches
 * (see ldapts-client.ts); tests pass a fake.
 */
import type { ConnectionOptions } from 'node:tls';
import type { Control, SearchOptions, SearchResult } from 'ldapts';

/** A search that can be stopped on the server. */
export interface AbandonableSearch {
  readonly result: Promise<SearchResult>;
  /** Sends LDAP Abandon for this search (once its request is on the wire); never throws. */
  abandon(): void;
}

/** The part of an LDAP client the directory uses; ldapts's `Client` is one. */
export interface LdapClient {
  readonly isConnected: boolean;
  /** True while the current connection is bound (false again after a reconnect). */
  readonly isBound: boolean;
  startTLS(options?: ConnectionOptions): Promise<void>;
  bind(dn: string, password?: string): Promise<void>;
  search(baseDn: string, options?: SearchOptions, controls?: Control | Control[]): Promise<SearchResult>;
  searchPaginated(
    baseDn: string,
    options?: SearchOptions,
    controls?: Control | Control[],
  ): AsyncGenerator<SearchResult>;
  /**
   * A search the server can be told to stop (LDAP Abandon), for live lookups that run out of
   * time. Optional: without it, a late search is merely ignored.
   */
  abandonableSearch?(baseDn: string, options: SearchOptions & { filter: string }): AbandonableSearch;
  unbind(): Promise<void>;
}
