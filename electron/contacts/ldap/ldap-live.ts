/**
 * Live mode's search, which of its hits count, and what the connection test says about each
 * mode, kept apart from the directory's life cycle (ldap-directory.ts).
 *
 * A live search has a deadline and honours an AbortSignal; when it is given up on, it is
 * abandoned on the server (LDAP Abandon, see ldapts-client.ts), so a domain controller does not
 * go on walking its entries for a caller who has long been answered.
 */
import type { Entry } from 'ldapts';
import type { StoredNumber } from '../stored-number.js';
import type { LdapConnection } from './ldap-connection.js';
import { contactFromEntry, entryHoldsNumber, type EntryReading, type LdapContact } from './ldap-entry.js';
import type { LdapDirectoryError } from './ldap-errors.js';
import type { ContactQuery } from './ldap-paged-load.js';
import type { ServerInfo } from './ldap-server-info.js';
import type { LdapSync } from './ldap-sync.js';
import { withDeadline } from './ldap-deadline.js';
import type { Clock } from '../../shared/clock.js';

/** How many stored numbers' completions live mode keeps (a few hundred kilobytes). */
const COMPLETIONS_KEPT = 20_000;

/**
 * The contacts of live search hits that hold exactly `e164`: the live filter over-matches on
 * purpose (stored forms, ending digits), so each hit's numbers are completed and compared, and an
 * over-matching filter never pops up a wrong person. Completions are kept in `completions` across
 * lookups (the same people call again), within a bound.
 */
export function exactMatches(
  entries: readonly Entry[],
  e164: string,
  reading: EntryReading,
  completions: Map<string, StoredNumber>,
): LdapContact[] {
  if (completions.size > COMPLETIONS_KEPT) completions.clear();
  const withCompletions: EntryReading = { ...reading, completions };
  return entries
    .filter((entry) => entryHoldsNumber(entry, e164, withCompletions))
    .map((entry) => contactFromEntry(entry, withCompletions));
}

/** What a live search needs besides the query. */
export interface LiveSearchContext {
  readonly timeoutMs: number;
  readonly clock: Clock;
  /** The directory's error for a problem in words. */
  readonly error: (problem: string) => LdapDirectoryError;
  /** The directory's error for anything the search threw. */
  readonly describe: (error: unknown) => LdapDirectoryError;
}

/** The entries `query` finds, within the timeout and until `signal` aborts. */
export async function searchLive(
  connection: () => LdapConnection,
  query: ContactQuery,
  signal: AbortSignal | undefined,
  context: LiveSearchContext,
): Promise<Entry[]> {
  const { timeoutMs, clock, error } = context;
  const { baseDn, scope, filter, binaryAttributes } = query;
  const options = {
    scope,
    filter,
    attributes: [...query.attributes],
    ...(binaryAttributes ? { explicitBufferAttributes: [...binaryAttributes] } : {}),
  };
  let abandon = (): void => undefined;
  try {
    const search = connection().use(
      (client) => {
        if (client.abandonableSearch === undefined) return client.search(baseDn, options);
        const started = client.abandonableSearch(baseDn, options);
        abandon = () => {
          started.abandon();
        };
        return started.result;
      },
      { retryStale: true },
    );
    const result = await withDeadline(search, {
      ms: timeoutMs,
      clock,
      signal,
      onExpiry: () => {
        abandon();
        return error(`no answer within ${timeoutMs} ms (search)`);
      },
      onAbort: () => {
        abandon();
        return error('lookup cancelled');
      },
    });
    return result.searchEntries;
  } catch (thrown) {
    throw context.describe(thrown);
  }
}

/** What each live lookup costs the server, in words, given how many entries the filter selects. */
export function liveCost(info: Pick<ServerInfo, 'activeDirectory'>, visited: number): string {
  const where = info.activeDirectory
    ? 'Active Directory does not index phone attributes'
    : 'unless the server has substring indexes on the phone attributes';
  const expensive =
    visited >= 10_000
      ? '; Microsoft calls a search that visits 10,000 or more entries expensive: use sync mode'
      : '';
  return `live mode: each lookup has the server walk about ${visited} entries (every entry the filter selects: a search by the number's ending cannot use an index; ${where})${expensive}`;
}

/** How sync mode follows the server, in words. */
export function syncMethod(info: ServerInfo, state: LdapSync | null): string {
  const deletions =
    state?.seesTombstones === true
      ? 'deletions from the Deleted Objects container'
      : 'deletions by an hourly check of which entries remain';
  const changes = info.activeDirectory
    ? `changes by uSNChanged on ${info.serverName ?? 'the domain controller'}`
    : 'changes by modifyTimestamp';
  return `sync mode: ${state?.contacts.length ?? 0} contacts; then ${changes}, ${deletions}, everything again once a day`;
}
