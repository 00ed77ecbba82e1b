/**
 * An LDAP or Active Directory server as a directory, in one of two modes (KIX's "meta" and
 * "live" search types):
 *
 * - `sync` (default): every contact is loaded with a paged search at open, on a schedule and on
 *   demand, into a {@link PhoneIndex}; a lookup is a local E.164 probe, as fast as an address
 *   book and unaffected by the server's health. A failed re-sync keeps the last good index and
 *   warns why.
 * - `live`: each lookup asks the server with a filter made of the number's stored forms (see
 *   `ldap-number-forms.ts`), then completes each hit's numbers and keeps only exact E.164
 *   matches, so an over-matching filter never pops up a wrong person. A lookup honours its
 *   AbortSignal and the timeout, and never hangs on an unreachable server.
 *
 * Contacts carry the entry's DN as their id.
 */
import type { Entry } from 'ldapts';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import type { Contact } from '../contact.js';
import type { Directory } from '../directory.js';
import { PhoneIndex } from '../phone-index.js';
import { connectionPlan } from './ldap-connection-plan.js';
import { createLdaptsClient, LdapConnection, type CreateLdapClient } from './ldap-connection.js';
import {
  contactFromEntry,
  entryHoldsNumber,
  requestedAttributes,
  type EntryReading,
  type LdapContact,
} from './ldap-entry.js';
import { LdapDirectoryError, ldapError } from './ldap-errors.js';
import { E164, liveFilter } from './ldap-number-forms.js';
import { loadContacts, type ContactQuery, type LoadedContacts } from './ldap-paged-load.js';
import { ldapDirectoryName, type LdapDirectorySettings } from './ldap-settings.js';
import { systemTimers, withDeadline, type LdapTimers } from './ldap-timers.js';

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
  /** The sync schedule's and the deadlines' timers (default the system's, unreferenced). */
  readonly timers?: LdapTimers;
  /** Reads the CA file (default `fs.readFile`). */
  readonly readFile?: (path: string) => Promise<Buffer>;
  /** The settings file's folder: a relative `caFile` is read from there. */
  readonly baseDir?: string | undefined;
  /** Sync again every `syncIntervalMinutes` (default true; false for one-shot commands). */
  readonly resync?: boolean;
}

/** An LDAP directory: a {@link Directory} that is opened, refreshed and closed. */
export interface LdapDirectory extends Directory {
  readonly kind: 'ldap';
  readonly mode: 'sync' | 'live';
  /** Connects and binds and, in sync mode, loads every contact. Rejects when that fails. */
  open(): Promise<this>;
  /** Sync mode: loads every contact now (a running sync is joined); live mode: nothing to do. */
  refresh(): Promise<void>;
  list(): Promise<readonly LdapContact[]>;
  /**
   * Called with the contact count after every successful sync (so a lookup cache can forget
   * answers from before). Returns the function that stops the calls.
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
  private connection: LdapConnection | null = null;
  private index = PhoneIndex.build([]);
  private contacts: readonly LdapContact[] = [];
  private syncing: Promise<void> | null = null;
  private timer: unknown = null;
  private closed = false;
  private badNumbers = 0;
  private readonly syncListeners = new Set<(count: number) => void>();
  private readonly timers: LdapTimers;
  private readonly reading: EntryReading;
  private readonly query: ContactQuery;

  constructor(
    private readonly settings: LdapDirectorySettings,
    private readonly deps: LdapDirectoryDeps,
  ) {
    this.name = ldapDirectoryName(settings);
    this.mode = settings.mode;
    this.timers = deps.timers ?? systemTimers;
    this.reading = {
      directory: this.name,
      phoneAttributes: settings.phoneAttributes,
      attributes: settings.attributes,
      rules: deps.rules,
    };
    this.query = {
      baseDn: settings.baseDn,
      scope: settings.scope,
      filter: settings.filter,
      attributes: requestedAttributes(settings),
      pageSize: settings.pageSize,
    };
  }

  async open(): Promise<this> {
    const connection = new LdapConnection(
      await connectionPlan(this.name, this.settings, this.deps),
      this.deps.createClient ?? createLdaptsClient,
      this.timers,
    );
    this.connection = connection;
    try {
      await connection.check();
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
    if (this.mode === 'sync') return this.index.lookup(e164);
    const entries = await this.search(
      liveFilter(e164, this.deps.rules, this.settings.phoneAttributes, this.settings.filter),
      signal,
    );
    // The filter over-matches on purpose: only entries holding exactly this number count.
    const reading: EntryReading = { ...this.reading, completions: new Map() };
    return entries
      .filter((entry) => entryHoldsNumber(entry, e164, reading))
      .map((entry) => contactFromEntry(entry, reading));
  }

  async list(): Promise<readonly LdapContact[]> {
    if (this.mode === 'sync') return this.contacts;
    return (await this.load(this.openConnection())).contacts;
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
            `${failure.message}; kept the ${this.contacts.length} contacts of the last good sync`,
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
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.connection?.close();
  }

  /** One live search, within the timeout and until `signal` aborts. */
  private async search(filter: string, signal: AbortSignal | undefined): Promise<Entry[]> {
    const { timeoutMs, baseDn, scope } = this.settings;
    const attributes = [...this.query.attributes];
    try {
      const connection = this.openConnection();
      const search = connection.use((client) => client.search(baseDn, { scope, filter, attributes }), {
        retryStale: true,
      });
      const result = await withDeadline(search, {
        ms: timeoutMs,
        timers: this.timers,
        signal,
        onExpiry: () => this.error(`no answer within ${timeoutMs} ms (search)`),
        onAbort: () => this.error('lookup cancelled'),
      });
      return result.searchEntries;
    } catch (error) {
      throw ldapError(this.name, error, { stage: 'search', timeoutMs, baseDn, anonymous: this.anonymous });
    }
  }

  /** Loads every contact and swaps the index in; the old one stays when loading fails. */
  private async sync(connection: LdapConnection): Promise<void> {
    const loaded = await this.load(connection);
    if (this.closed) return;
    this.contacts = loaded.contacts;
    this.index = PhoneIndex.build(loaded.contacts);
    for (const listener of this.syncListeners) listener(loaded.contacts.length);
    // Told once, not at every sync, unless it changes.
    const unchanged = loaded.badNumbers === this.badNumbers;
    this.badNumbers = loaded.badNumbers;
    if (loaded.badNumbers > 0 && !unchanged)
      this.deps.onWarning?.(
        this.error(
          `${loaded.badNumbers} stored number(s) cannot be completed and never match, first ${loaded.firstBadNumber ?? ''}`,
        ).message,
      );
  }

  private load(connection: LdapConnection): Promise<LoadedContacts> {
    const limits = {
      directory: this.name,
      timeoutMs: this.settings.timeoutMs,
      timers: this.timers,
      anonymous: this.anonymous,
    };
    return connection.use((client) => loadContacts(client, this.query, this.reading, limits));
  }

  /** The next scheduled sync; each one schedules the one after it, so syncs never overlap. */
  private schedule(): void {
    if (this.closed || this.mode !== 'sync' || this.deps.resync === false) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.refresh()
        .catch(() => undefined) // refresh() has warned
        .then(() => {
          this.schedule();
        });
    }, this.settings.syncIntervalMinutes * 60_000);
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
