/**
 * An LDAP or Active Directory server as a directory, in one of two modes (KIX's "meta" and
 * "live" search types):
 *
 * - `sync` (default): every contact is loaded with a paged search at open, then only what
 *   changed, on a schedule and on demand (see `ldap-sync.ts`), into a {@link PhoneIndex}; a
 *   lookup is a local E.164 probe, as fast as an address book and unaffected by the server's
 *   health. A failed sync keeps the last good contacts and warns why.
 * - `live`: each lookup asks the server with a filter made of the number's stored forms (see
 *   `ldap-number-forms.ts`), then completes each hit's numbers and keeps only exact E.164
 *   matches, so an over-matching filter never pops up a wrong person. A lookup honours its
 *   AbortSignal and the timeout, never hangs on an unreachable server, and a search given up
 *   on is abandoned on the server (LDAP Abandon), not left running. Its cost to the server: an
 *   ending search (`*1234`) cannot use an index, so every lookup walks every entry the filter
 *   selects; the connection test says how many.
 *
 * At open the root DSE tells whether the server is Active Directory, which picks the default
 * filter and the change tracking (see ldap-server-query.ts). Contacts carry the entry's DN as their id.
 */
import type { Entry } from 'ldapts';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import type { Contact } from '../contact.js';
import type { Directory } from '../directory.js';
import type { StoredNumber } from '../stored-number.js';
import { connectionPlan } from './ldap-connection-plan.js';
import { createLdaptsClient, LdapConnection, type CreateLdapClient } from './ldap-connection.js';
import type { EntryReading, LdapContact } from './ldap-entry.js';
import { LdapDirectoryError, ldapError } from './ldap-errors.js';
import { E164, liveFilter } from './ldap-number-forms.js';
import { eachEntry, loadContacts, type ContactQuery, type LoadLimits } from './ldap-paged-load.js';
import type { ServerInfo } from './ldap-server-info.js';
import { readRootDse, serverQuery } from './ldap-server-query.js';
import { ldapDirectoryName, type LdapDirectorySettings } from './ldap-settings.js';
import { LdapSync, type SyncReport } from './ldap-sync.js';
import { exactMatches, liveCost, searchLive, syncMethod } from './ldap-live.js';
import { systemClock, type Clock } from '../../shared/clock.js';

/** What an LDAP directory needs from its surroundings; every edge can be replaced in tests. */
export interface LdapDirectoryDeps {
  /** Completes stored numbers and the forms a live search asks for. */
  readonly rules: DialingRules;
  /** Told about failed re-syncs, unusable numbers, a password sent in clear text. */
  readonly onWarning?: (message: string) => void;
  /** Where `{"env": ...}` secrets are read (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Makes the LDAP client (default ldapts). */
  readonly createClient?: CreateLdapClient;
  /** The clock of the sync schedule and the deadlines (default the system's, whose timers never keep a command alive). */
  readonly clock?: Clock;
  /** Reads the CA file (default `fs.readFile`). */
  readonly readFile?: (path: string) => Promise<Buffer>;
  /** The settings file's folder: a relative `caFile` is read from there. */
  readonly baseDir?: string | undefined;
  /** Sync again every `syncIntervalMinutes` (default true; false for one-shot commands). */
  readonly resync?: boolean;
  /** The operating system's CA certificates, when no `caFile` is set (see ldap-system-ca.ts). */
  readonly systemCa?: () => readonly string[] | null;
}

/** An LDAP directory: a {@link Directory} that is opened, refreshed and closed. */
export interface LdapDirectory extends Directory {
  readonly kind: 'ldap';
  readonly mode: 'sync' | 'live';
  /** Connects and binds and, in sync mode, loads every contact. Rejects when that fails. */
  open(): Promise<this>;
  /** Sync mode: fetches what changed now (a running sync is joined); live mode: nothing to do. */
  refresh(): Promise<void>;
  list(): Promise<readonly LdapContact[]>;
  /** What the connection test says besides the count (see the class). */
  notes(): Promise<readonly string[]>;
  /** What the last sync did (sync mode), for tests and benchmarks. */
  readonly lastSync: SyncReport | null;
  /**
   * Called with the contact count after every sync that changed something (so a lookup cache
   * can forget answers from before). Returns the function that stops the calls.
   */
  onSync(listener: (count: number) => void): () => void;
}

/** True for a directory made by {@link createLdapDirectory}. */
export function isLdapDirectory(directory: Directory): directory is LdapDirectory {
  return directory instanceof LdapServerDirectory;
}

/** The directory the settings describe; call `open()` before use. */
export function createLdapDirectory(settings: LdapDirectorySettings, deps: LdapDirectoryDeps): LdapDirectory {
  return new LdapServerDirectory(settings, deps);
}

class LdapServerDirectory implements LdapDirectory {
  readonly kind = 'ldap';
  readonly name: string;
  readonly mode: 'sync' | 'live';
  lastSync: SyncReport | null = null;
  private connection: LdapConnection | null = null;
  private info: ServerInfo | null = null;
  private query: ContactQuery | null = null;
  private liveAttributes: readonly string[] = [];
  private state: LdapSync | null = null;
  private syncing: Promise<void> | null = null;
  private cancelTimer: (() => void) | null = null;
  private closed = false;
  private readonly syncListeners = new Set<(count: number) => void>();
  private readonly clock: Clock;
  private readonly reading: EntryReading;
  private readonly completions = new Map<string, StoredNumber>();

  constructor(
    private readonly settings: LdapDirectorySettings,
    private readonly deps: LdapDirectoryDeps,
  ) {
    this.name = ldapDirectoryName(settings);
    this.mode = settings.mode;
    this.clock = deps.clock ?? systemClock;
    this.reading = {
      directory: this.name,
      phoneAttributes: settings.phoneAttributes,
      attributes: settings.attributes,
      rules: deps.rules,
    };
  }

  async open(): Promise<this> {
    const connection = new LdapConnection(
      await connectionPlan(this.name, this.settings, this.deps),
      this.deps.createClient ?? createLdaptsClient,
      this.clock,
    );
    this.connection = connection;
    try {
      await connection.check();
      const info = await readRootDse(connection, {
        directory: this.name,
        timeoutMs: this.settings.timeoutMs,
        clock: this.clock,
        anonymous: this.anonymous,
      });
      this.prepare(info);
      if (this.mode === 'sync') await this.sync(connection);
    } catch (error) {
      this.connection = null;
      await connection.close();
      throw error;
    }
    this.schedule();
    return this;
  }

  async lookup(e164: string, signal?: AbortSignal): Promise<readonly Contact[]> {
    if (!E164.test(e164)) throw this.error(`not an E.164 number: ${JSON.stringify(e164)}`);
    if (this.state !== null) return this.state.lookup(e164);
    const entries = await this.search(
      liveFilter(e164, this.deps.rules, this.liveAttributes, this.prepared().filter),
      signal,
    );
    return exactMatches(entries, e164, this.reading, this.completions);
  }

  async list(): Promise<readonly LdapContact[]> {
    if (this.state !== null) return this.state.contacts;
    const connection = this.openConnection();
    const loaded = await connection.use((client) =>
      loadContacts(client, this.prepared(), this.reading, this.limits()),
    );
    return loaded.contacts.map(({ contact }) => contact);
  }

  /**
   * What the connection test tells the admin besides the count: in live mode how many entries
   * each lookup has the server walk; in sync mode how changes are tracked.
   */
  async notes(): Promise<readonly string[]> {
    const info = this.info;
    if (info === null) return [];
    if (this.mode === 'sync') return [this.error(syncMethod(info, this.state)).message];
    let visited = 0;
    const query = { ...this.prepared(), attributes: ['1.1'] };
    await this.openConnection().use((client) => eachEntry(client, query, this.limits(), () => visited++));
    return [this.error(liveCost(info, visited)).message];
  }

  async refresh(): Promise<void> {
    if (this.mode === 'live') return;
    const connection = this.openConnection();
    this.syncing ??= this.sync(connection)
      .catch((error: unknown) => {
        const failure = ldapError(this.name, error, {
          stage: 'sync',
          timeoutMs: this.settings.timeoutMs,
          anonymous: this.anonymous,
        });
        if (!this.closed)
          this.deps.onWarning?.(
            `${failure.message}; kept the ${this.state?.contacts.length ?? 0} contacts of the last good sync`,
          );
        throw failure;
      })
      .finally(() => {
        this.syncing = null;
      });
    return this.syncing;
  }

  onSync(listener: (count: number) => void): () => void {
    this.syncListeners.add(listener);
    return () => this.syncListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.connection?.close();
  }

  /** The filter, the search and the sync state, once the server is known. */
  private prepare(info: ServerInfo): void {
    this.info = info;
    const { settings } = this;
    const { query, liveAttributes, unmatchable } = serverQuery(settings, info);
    this.query = query;
    this.liveAttributes = liveAttributes;
    if (this.mode === 'live' && unmatchable.length > 0)
      this.deps.onWarning?.(
        this.error(
          `${unmatchable.join(', ')} has no matching rule on this server (RFC 4519), so fax numbers are found in sync mode only`,
        ).message,
      );
    if (this.mode === 'sync')
      this.state = new LdapSync({
        name: this.name,
        url: settings.url,
        query: this.query,
        reading: this.reading,
        limits: this.limits(),
        onWarning: this.deps.onWarning,
      });
  }

  /** One live search, within the timeout and until `signal` aborts; abandoned when given up. */
  private search(filter: string, signal: AbortSignal | undefined): Promise<Entry[]> {
    const { timeoutMs, baseDn } = this.settings;
    return searchLive(() => this.openConnection(), { ...this.prepared(), filter }, signal, {
      timeoutMs,
      clock: this.clock,
      error: (problem) => this.error(problem),
      describe: (error) =>
        ldapError(this.name, error, { stage: 'search', timeoutMs, baseDn, anonymous: this.anonymous }),
    });
  }

  private async sync(connection: LdapConnection): Promise<void> {
    const state = this.state;
    if (state === null) return;
    const report = await connection.use((client) => state.run(client));
    if (this.closed) return;
    this.lastSync = report;
    if (report.kind === 'full' || report.changed > 0 || report.removed > 0)
      for (const listener of this.syncListeners) listener(state.contacts.length);
  }

  /** The next scheduled sync; each one schedules the one after it, so syncs never overlap. */
  private schedule(): void {
    if (this.closed || this.mode !== 'sync' || this.deps.resync === false) return;
    this.cancelTimer = this.clock.schedule(() => {
      this.cancelTimer = null;
      void this.refresh()
        .catch(() => undefined) // refresh() has warned
        .then(() => {
          this.schedule();
        });
    }, this.settings.syncIntervalMinutes * 60_000);
  }

  private limits(): LoadLimits {
    return {
      directory: this.name,
      timeoutMs: this.settings.timeoutMs,
      clock: this.clock,
      anonymous: this.anonymous,
    };
  }

  private prepared(): ContactQuery {
    if (this.query === null) throw this.error('not open');
    return this.query;
  }

  private openConnection(): LdapConnection {
    if (this.closed) throw this.error('closed');
    if (this.connection === null) throw this.error('not open');
    return this.connection;
  }

  private get anonymous(): boolean {
    return this.settings.bindDn === undefined;
  }

  private error(problem: string): LdapDirectoryError {
    return new LdapDirectoryError(this.name, problem);
  }
}
