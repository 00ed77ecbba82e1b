/**
 * Paged searches (RFC 2696): servers cap plain searches (Active Directory at 1,000 entries,
 * OpenLDAP at 500 by default) but hand out all entries page by page. Each page has its own
 * deadline, so a server that stops answering mid-way fails the load within the timeout instead
 * of hanging it; the caller then keeps what it had.
 */
import type { Control, Entry, SearchOptions } from 'ldapts';
import type { LdapClient } from './ldap-client.js';
import { contactFromEntry, entryKey, type EntryReading, type LdapContact } from './ldap-entry.js';
import { LdapDirectoryError, ldapError } from './ldap-errors.js';
import { withDeadline } from './ldap-deadline.js';
import type { Clock } from '../../shared/clock.js';

/** The search that finds the directory's contacts (or, in a delta, the changed ones). */
export interface ContactQuery {
  readonly baseDn: string;
  readonly scope: NonNullable<SearchOptions['scope']>;
  readonly filter: string;
  readonly attributes: readonly string[];
  readonly pageSize: number;
  /** Attributes returned as bytes (AD's objectGUID). */
  readonly binaryAttributes?: readonly string[];
  readonly controls?: readonly Control[];
}

/** A contact and the key its entry keeps across renames (see `entryKey`). */
export interface KeyedContact {
  readonly key: string;
  readonly contact: LdapContact;
}

/** A complete load. */
export interface LoadedContacts {
  readonly contacts: KeyedContact[];
  /** Stored numbers that could not be completed (kept for display, never matched). */
  readonly badNumbers: number;
  /** The first of them, for the warning: `cn=...: "abc": reason`. */
  readonly firstBadNumber: string | null;
}

/** How long a page may take, and whom to name in errors. */
export interface LoadLimits {
  readonly directory: string;
  readonly timeoutMs: number;
  readonly clock: Clock;
  /** Bound without a DN (for a better message when the server refuses). */
  readonly anonymous?: boolean;
}

/** Calls `onEntry` for every entry the query finds. Rejects with an {@link LdapDirectoryError}. */
export async function eachEntry(
  client: LdapClient,
  query: ContactQuery,
  limits: LoadLimits,
  onEntry: (entry: Entry) => void,
): Promise<void> {
  const { directory, timeoutMs, clock } = limits;
  // A sync is several searches on one connection; one lost between them must not be replaced
  // by the client's own reconnect, which would search anonymously (and see less, or nothing).
  if (!client.isBound)
    throw new LdapDirectoryError(directory, 'connection lost during sync (the server closed the connection)');
  const pages = client.searchPaginated(
    query.baseDn,
    {
      scope: query.scope,
      filter: query.filter,
      attributes: [...query.attributes],
      paged: { pageSize: query.pageSize },
      ...(query.binaryAttributes === undefined
        ? {}
        : { explicitBufferAttributes: [...query.binaryAttributes] }),
    },
    query.controls === undefined ? undefined : [...query.controls],
  );
  try {
    for (let page = 1; ; page++) {
      const next = await withDeadline(pages.next(), {
        ms: timeoutMs,
        clock,
        onExpiry: () =>
          new LdapDirectoryError(directory, `no answer within ${timeoutMs} ms (sync, page ${page})`),
      });
      if (next.done === true) break;
      for (const entry of next.value.searchEntries) onEntry(entry);
    }
  } catch (error) {
    pages.return(undefined).catch(() => undefined);
    throw ldapError(directory, error, {
      stage: 'sync',
      timeoutMs,
      baseDn: query.baseDn,
      anonymous: limits.anonymous === true,
    });
  }
}

/** Every entry the query finds, as contacts with their keys. */
export async function loadContacts(
  client: LdapClient,
  query: ContactQuery,
  reading: EntryReading,
  limits: LoadLimits,
  onEntry?: (entry: Entry) => void,
): Promise<LoadedContacts> {
  let badNumbers = 0;
  let firstBadNumber: string | null = null;
  const counting: EntryReading = {
    ...reading,
    onBadNumber: (dn, raw, problem) => {
      badNumbers++;
      firstBadNumber ??= `${dn}: "${raw}": ${problem}`;
    },
  };
  const contacts: KeyedContact[] = [];
  await eachEntry(client, query, limits, (entry) => {
    onEntry?.(entry);
    contacts.push({ key: entryKey(entry), contact: contactFromEntry(entry, counting) });
  });
  return { contacts, badNumbers, firstBadNumber };
}
