/**
 * What an LDAP directory asks its server, shaped by what the server turned out to be: the root
 * DSE, read once bound and within the timeout (see ldap-server-info.ts), then the contact search
 * built from the settings and the server's kind (Active Directory's default filter, key
 * attributes and binary objectGUID; OpenLDAP's), and the phone attributes a live filter may name.
 * Kept apart from the directory's life cycle (ldap-directory.ts): a new server quirk changes the
 * query, not how the directory opens, syncs and closes.
 */
import type { Clock } from '../../shared/clock.js';
import { keyAttributes } from './ldap-change-marker.js';
import type { LdapConnection } from './ldap-connection.js';
import { withDeadline } from './ldap-deadline.js';
import { requestedAttributes } from './ldap-entry.js';
import { LdapDirectoryError, ldapError } from './ldap-errors.js';
import { normalizeFilter } from './ldap-filter.js';
import type { ContactQuery } from './ldap-paged-load.js';
import { defaultFilter, readServerInfo, type ServerInfo } from './ldap-server-info.js';
import type { LdapDirectorySettings } from './ldap-settings.js';

/** Phone attributes that OpenLDAP's standard schema gives no matching rule (RFC 4519). */
const UNMATCHABLE_ON_OPENLDAP = new Set(['facsimiletelephonenumber']);

/** The contact search for a server, and which phone attributes a live filter may name. */
export interface ServerQuery {
  readonly query: ContactQuery;
  /** The settings' phone attributes the server can match (a live filter names only these). */
  readonly liveAttributes: readonly string[];
  /** The settings' phone attributes the server has no matching rule for (found in sync mode only). */
  readonly unmatchable: readonly string[];
}

/**
 * The search `settings` make on a server described by `info`: the settings' filter (normalised)
 * or the server kind's default, the attributes a contact needs plus the entry's key and change
 * marker, and on Active Directory objectGUID read as binary. A filter on an attribute without a
 * matching rule fails on OpenLDAP, so such attributes are left out of live filters.
 */
export function serverQuery(settings: LdapDirectorySettings, info: ServerInfo): ServerQuery {
  const query: ContactQuery = {
    baseDn: settings.baseDn,
    scope: settings.scope,
    filter: settings.filter === undefined ? defaultFilter(info) : normalizeFilter(settings.filter),
    attributes: [...requestedAttributes(settings), ...keyAttributes(info)],
    pageSize: settings.pageSize,
    ...(info.activeDirectory ? { binaryAttributes: ['objectGUID'] } : {}),
  };
  const unmatchable = info.activeDirectory
    ? []
    : settings.phoneAttributes.filter((attribute) => UNMATCHABLE_ON_OPENLDAP.has(attribute.toLowerCase()));
  const liveAttributes = settings.phoneAttributes.filter((attribute) => !unmatchable.includes(attribute));
  return { query, liveAttributes, unmatchable };
}

/** Where and how long the root DSE is read, and how a failure is described. */
export interface RootDseContext {
  /** The directory's name, for its errors. */
  readonly directory: string;
  readonly timeoutMs: number;
  readonly clock: Clock;
  /** True when the directory binds anonymously (the error says so). */
  readonly anonymous: boolean;
}

/**
 * The root DSE of `connection`'s server, read after the bind. Rejects with an
 * {@link LdapDirectoryError} in plain words, also when the server does not answer within the
 * timeout (a server that accepts the connection and then says nothing must not hang the open).
 */
export function readRootDse(connection: LdapConnection, context: RootDseContext): Promise<ServerInfo> {
  const { directory, timeoutMs, clock, anonymous } = context;
  return withDeadline(connection.use(readServerInfo), {
    ms: timeoutMs,
    clock,
    onExpiry: () =>
      new LdapDirectoryError(directory, `no answer within ${timeoutMs} ms (root DSE after bind)`),
  }).catch((error: unknown) => {
    throw ldapError(directory, error, { stage: 'search', timeoutMs, baseDn: '(root DSE)', anonymous });
  });
}
