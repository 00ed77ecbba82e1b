/**
 * Sync mode's copy of the directory: one full load, then only what changed.
 *
 * - Active Directory (Microsoft, "Polling for Changes Using USNChanged"): the root DSE's
 *   `highestCommittedUSN` is read before each search; the next search asks for
 *   `uSNChanged >= that + 1`. USNs are counted per domain controller, so when another one answers
 *   (`dsServiceName` differs) the directory loads everything again. DirSync is not used: it needs
 *   the "Replicating Directory Changes" right on the whole domain and cannot be limited to a
 *   subtree.
 * - Other servers (OpenLDAP): `modifyTimestamp >=` the newest timestamp seen less two seconds
 *   (a write stamped before, but committed after, a search that saw a later timestamp), or ten
 *   minutes before now by this PC's clock when that is later (so that a directory whose last
 *   change was a bulk import is not fetched again and again; a server clock more than ten
 *   minutes behind could hide a change until the daily full load). Entries fetched twice are
 *   simply replaced. syncrepl (RFC 4533) is not used: its answers come as
 *   intermediate responses that ldapts cannot read.
 *
 * The markers themselves (what is read from each entry, the filter of a delta) are
 * ldap-change-marker.ts.
 *
 * Leavers: each delta also asks for the changed entries that no longer match the filter (an
 * account disabled, a person turned into something else) and drops them. Deletions: on AD, when
 * the account may read the Deleted Objects container (administrators, by default), tombstones
 * (`isDeleted=TRUE`, Show Deleted control) changed since the last sync; otherwise, and on every
 * other server, which keeps no trace of a deleted entry, an hourly sweep of the keys that still
 * match the filter (about a fifth of a full load's cost at 100,000 entries). Once a day
 * everything is loaded again, which also repairs anything a delta could not see (an entry
 * moved out of the base DN).
 *
 * Entries are keyed by objectGUID / entryUUID, so a renamed person replaces their old entry.
 */
import { PhoneIndex } from '../phone-index.js';
import type { LdapClient } from './ldap-client.js';
import { entryKey, type EntryReading, type LdapContact } from './ldap-entry.js';
import { LdapDirectoryError } from './ldap-errors.js';
import { allOf } from './ldap-filter.js';
import { eachEntry, loadContacts, type ContactQuery, type LoadLimits } from './ldap-paged-load.js';
import { readServerInfo, seesTombstones, showDeleted, texts, type ServerInfo } from './ldap-server-info.js';
import { withDeadline } from './ldap-deadline.js';
import { changedSince, keyAttributes, MarkerTracker, type Marker } from './ldap-change-marker.js';

export { earlier, keyAttributes } from './ldap-change-marker.js';

/** Everything is loaded again after this long. */
export const FULL_SYNC_EVERY_MS = 24 * 60 * 60_000;
/** Deletions are swept for this often where tombstones cannot be read. */
export const SWEEP_EVERY_MS = 60 * 60_000;
/** The Global Catalog's ports, and the phone attributes not in its partial attribute set. */
const GC_PORTS = new Set(['3268', '3269']);
const NOT_IN_GC = ['mobile', 'pager', 'otherTelephone', 'otherMobile'];

/** What a sync did (for benchmarks and tests). */
export interface SyncReport {
  readonly kind: 'full' | 'delta';
  readonly changed: number;
  readonly removed: number;
  readonly swept: boolean;
}

/** What the sync needs from the directory. */
export interface SyncOptions {
  readonly name: string;
  readonly url: string;
  /** The contact search, with the resolved filter. */
  readonly query: ContactQuery;
  readonly reading: EntryReading;
  readonly limits: LoadLimits;
  readonly onWarning?: ((message: string) => void) | undefined;
}

/** Sync mode's contacts and their phone index, brought up to date by {@link LdapSync.run}. */
export class LdapSync {
  private byKey = new Map<string, LdapContact>();
  private list: readonly LdapContact[] = [];
  private index = PhoneIndex.build([]);
  private marker: Marker | null = null;
  private lastFull = -Infinity;
  private lastSweep = -Infinity;
  private tombstones = false;
  private badNumbers = 0;
  private warnedEmptyGc = false;

  constructor(private readonly options: SyncOptions) {}

  get contacts(): readonly LdapContact[] {
    return this.list;
  }

  /** True when deletions are read from AD's tombstones (else swept for hourly). */
  get seesTombstones(): boolean {
    return this.tombstones;
  }

  lookup(e164: string): readonly LdapContact[] {
    return this.index.lookup(e164) as readonly LdapContact[];
  }

  /** A delta when one is possible, else a full load. Rejects with an LdapDirectoryError. */
  async run(client: LdapClient, force: 'full' | null = null): Promise<SyncReport> {
    const info = await this.timed(readServerInfo(client), 'root DSE');
    const now = this.options.limits.clock.now();
    const marker = this.marker;
    const moved = marker?.kind === 'usn' && marker.server !== (info.serverName ?? '');
    if (force === 'full' || marker === null || moved || now - this.lastFull >= FULL_SYNC_EVERY_MS)
      return this.full(client, info, now);
    const report = await this.delta(client, info, marker);
    if (this.tombstones || now - this.lastSweep < SWEEP_EVERY_MS) return report;
    const removed = await this.sweep(client, now);
    return { ...report, removed: report.removed + removed, swept: true };
  }

  private async full(client: LdapClient, info: ServerInfo, now: number): Promise<SyncReport> {
    const tracker = new MarkerTracker(info);
    const seenInGc = new Set<string>();
    const loaded = await loadContacts(
      client,
      this.query(),
      this.options.reading,
      this.options.limits,
      (entry) => {
        tracker.see(entry);
        for (const attribute of NOT_IN_GC) if (texts(entry, attribute).length > 0) seenInGc.add(attribute);
      },
    );
    const { name, onWarning } = this.options;
    if (loaded.contacts.length === 0) {
      const kept = this.byKey.size;
      onWarning?.(
        `LDAP directory '${name}': the filter ${this.options.query.filter} found no entries under ${this.options.query.baseDn}` +
          (kept > 0
            ? `; kept the ${kept} contacts of the last good sync`
            : '; check the filter and the base DN'),
      );
      if (kept > 0) return { kind: 'full', changed: 0, removed: 0, swept: false };
    }
    this.byKey = new Map(loaded.contacts.map(({ key, contact }) => [key, contact]));
    this.marker = tracker.marker(now);
    this.lastFull = now;
    this.lastSweep = now;
    this.tombstones =
      info.activeDirectory &&
      info.namingContext !== null &&
      (await seesTombstones(client, info.namingContext));
    this.rebuild();
    this.warnGlobalCatalog(seenInGc);
    const unchanged = loaded.badNumbers === this.badNumbers;
    this.badNumbers = loaded.badNumbers;
    if (loaded.badNumbers > 0 && !unchanged)
      onWarning?.(
        `LDAP directory '${name}': ${loaded.badNumbers} stored number(s) cannot be completed and never match, first ${loaded.firstBadNumber ?? ''}`,
      );
    return { kind: 'full', changed: loaded.contacts.length, removed: 0, swept: false };
  }

  private async delta(client: LdapClient, info: ServerInfo, marker: Marker): Promise<SyncReport> {
    const changed = changedSince(marker);
    const tracker = new MarkerTracker(info, marker);
    const { filter } = this.options.query;
    const upserts = await loadContacts(
      client,
      { ...this.query(), filter: allOf([changed, filter]) },
      this.options.reading,
      this.options.limits,
      (entry) => tracker.see(entry),
    );
    const gone = new Set<string>();
    const keysOnly = {
      ...this.query(),
      attributes: keyAttributes(info),
      filter: allOf([changed, `(!${filter})`]),
    };
    await eachEntry(client, keysOnly, this.options.limits, (entry) => {
      tracker.see(entry);
      gone.add(entryKey(entry));
    });
    if (this.tombstones && info.namingContext !== null) {
      const tombstones = {
        ...keysOnly,
        baseDn: info.namingContext,
        scope: 'sub' as const,
        filter: allOf(['(isDeleted=TRUE)', changed]),
        controls: [showDeleted()],
      };
      await eachEntry(client, tombstones, this.options.limits, (entry) => gone.add(entryKey(entry)));
    }
    let removed = 0;
    for (const key of gone) if (this.byKey.delete(key)) removed++;
    for (const { key, contact } of upserts.contacts) this.byKey.set(key, contact);
    this.marker = tracker.marker(this.options.limits.clock.now());
    if (upserts.contacts.length > 0 || removed > 0) this.rebuild();
    return { kind: 'delta', changed: upserts.contacts.length, removed, swept: false };
  }

  /** Drops every contact whose entry no longer matches; a newcomer missed means a full load next. */
  private async sweep(client: LdapClient, now: number): Promise<number> {
    const present = new Set<string>();
    const info = { activeDirectory: this.marker?.kind === 'usn' };
    await eachEntry(
      client,
      { ...this.query(), attributes: keyAttributes(info) },
      this.options.limits,
      (entry) => present.add(entryKey(entry)),
    );
    let removed = 0;
    for (const key of [...this.byKey.keys()])
      if (!present.has(key)) {
        this.byKey.delete(key);
        removed++;
      }
    if ([...present].some((key) => !this.byKey.has(key))) this.lastFull = -Infinity;
    this.lastSweep = now;
    if (removed > 0) this.rebuild();
    return removed;
  }

  private query(): ContactQuery {
    return this.options.query;
  }

  private rebuild(): void {
    this.list = [...this.byKey.values()];
    this.index = PhoneIndex.build(this.list);
  }

  private warnGlobalCatalog(seen: ReadonlySet<string>): void {
    const port = new URL(this.options.url).port;
    const asked = this.options.reading.phoneAttributes.filter((attribute) =>
      NOT_IN_GC.some((lost) => lost.toLowerCase() === attribute.toLowerCase()),
    );
    const empty = asked.filter(
      (attribute) => ![...seen].some((name) => name.toLowerCase() === attribute.toLowerCase()),
    );
    if (!GC_PORTS.has(port) || empty.length === 0 || this.list.length === 0 || this.warnedEmptyGc) return;
    this.warnedEmptyGc = true;
    this.options.onWarning?.(
      `LDAP directory '${this.options.name}': port ${port} is the Global Catalog, which does not return ${empty.join(', ')} (not in its partial attribute set by default), and none came back; use port ${port === '3269' ? '636 (ldaps)' : '389'} of a domain controller to get these numbers`,
    );
  }

  private timed<T>(work: Promise<T>, what: string): Promise<T> {
    const { timeoutMs, clock, directory } = this.options.limits;
    return withDeadline(work, {
      ms: timeoutMs,
      clock,
      onExpiry: () => new LdapDirectoryError(directory, `no answer within ${timeoutMs} ms (sync, ${what})`),
    });
  }
}
