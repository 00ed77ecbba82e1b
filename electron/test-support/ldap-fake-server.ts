/**
 * An in-memory stand-in for an LDAP server, for unit tests of the LDAP directory: it hands out
 * {@link FakeLdapClient}s, records binds and filters, and can refuse a bind, fail a paged search
 * after some pages, or never answer. Its search returns every entry whatever the filter, like a
 * badly over-matching server, so tests see that the directory checks each hit itself.
 */
import type { ConnectionOptions } from 'node:tls';
import type { ClientOptions, Entry, SearchOptions, SearchResult } from 'ldapts';
import type { AbandonableSearch, CreateLdapClient, LdapClient } from '../contacts/ldap/ldap-connection.js';

/** An error as ldapts reports an LDAP result (`code` is the result code). */
export function fakeResultError(code: number, message: string): Error {
  return Object.assign(new Error(`${message} Code: 0x${code.toString(16)}`), { code });
}

/** The fake server's state, shared by every client it hands out; tests change it freely. */
export class FakeLdapServer {
  /** What searches return; change it between syncs. */
  entries: Entry[] = [];
  /** When set, every bind rejects with it. */
  bindError: Error | null = null;
  /** When set, a paged search rejects with `pageError` after this many pages. */
  failAfterPages: number | null = null;
  pageError: Error = new Error(
    'Connection closed before message response was received. Message type: SearchRequest (0x63)',
  );
  /** When true, binds and searches never settle. */
  silent = false;
  /** What a read of the root DSE returns (add `supportedCapabilities` to play AD). */
  rootDse: Entry = { dn: '' };
  /** When set, every search of the contacts rejects with it. */
  searchError: Error | null = null;
  /** Searches abandoned (LDAP Abandon), by their filter. */
  readonly abandoned: string[] = [];
  readonly clients: FakeLdapClient[] = [];
  readonly binds: { dn: string; password: string | undefined }[] = [];
  readonly filters: string[] = [];
  readonly pageSizes: number[] = [];

  /** Pass as `createClient`. */
  readonly createClient: CreateLdapClient = (options) => {
    const client = new FakeLdapClient(this, options);
    this.clients.push(client);
    return client;
  };
}

/** A client of the {@link FakeLdapServer}: behaves as ldapts's client does towards the directory. */
export class FakeLdapClient implements LdapClient {
  private connected = false;
  private bound = false;
  unbound = false;
  private stale = false;
  startTlsOptions: ConnectionOptions | null = null;

  constructor(
    private readonly server: FakeLdapServer,
    readonly options: ClientOptions,
  ) {}

  get isConnected(): boolean {
    return this.connected;
  }

  get isBound(): boolean {
    return this.connected && this.bound;
  }

  /**
   * Simulates a connection that died unnoticed (a firewall dropped it while idle): the client
   * still says it is bound, and its next request fails as ldapts reports a closed connection.
   */
  goStale(): void {
    this.stale = true;
  }

  /** Simulates the server closing the connection. */
  disconnect(): void {
    this.connected = false;
    this.bound = false;
  }

  startTLS(options: ConnectionOptions = {}): Promise<void> {
    this.startTlsOptions = options;
    this.connected = true;
    return Promise.resolve();
  }

  async bind(dn: string, password?: string): Promise<void> {
    this.connected = true;
    this.server.binds.push({ dn, password });
    await this.answer();
    if (this.server.bindError !== null) throw this.server.bindError;
    this.bound = true;
  }

  async search(baseDn: string, options: SearchOptions = {}): Promise<SearchResult> {
    if (baseDn === '' && options.scope === 'base')
      return { searchEntries: [this.server.rootDse], searchReferences: [] };
    this.server.filters.push(String(options.filter));
    this.failIfStale();
    await this.answer();
    if (this.server.searchError !== null) throw this.server.searchError;
    return { searchEntries: [...this.server.entries], searchReferences: [] };
  }

  /** As ldapts-client.ts: a search whose abandon the server records. */
  abandonableSearch(baseDn: string, options: SearchOptions & { filter: string }): AbandonableSearch {
    return {
      result: this.search(baseDn, options),
      abandon: () => this.server.abandoned.push(options.filter),
    };
  }

  async *searchPaginated(_baseDn: string, options: SearchOptions = {}): AsyncGenerator<SearchResult> {
    this.server.filters.push(String(options.filter));
    const size = typeof options.paged === 'object' ? (options.paged.pageSize ?? 100) : 100;
    if (this.server.searchError !== null) throw this.server.searchError;
    this.server.pageSizes.push(size);
    this.failIfStale();
    const entries = [...this.server.entries];
    for (let start = 0, page = 0; start < entries.length || page === 0; start += size, page++) {
      await this.answer();
      if (this.server.failAfterPages !== null && page >= this.server.failAfterPages) {
        this.disconnect();
        throw this.server.pageError;
      }
      yield { searchEntries: entries.slice(start, start + size), searchReferences: [] };
    }
  }

  unbind(): Promise<void> {
    this.unbound = true;
    this.disconnect();
    return Promise.resolve();
  }

  private failIfStale(): void {
    if (!this.stale) return;
    this.disconnect();
    throw new Error(
      'Connection closed before message response was received. Message type: SearchRequest (0x63)',
    );
  }

  private answer(): Promise<void> {
    return this.server.silent ? new Promise<void>(() => undefined) : Promise.resolve();
  }
}
