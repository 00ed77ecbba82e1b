/**
 * What the directory learns about its server from the root DSE, once bound: whether it is
 * Active Directory (AD lists LDAP_CAP_ACTIVE_DIRECTORY_OID in `supportedCapabilities`), and on
 * AD what change tracking needs (Microsoft, "Polling for Changes Using USNChanged"): the
 * highest committed USN, read before a search so that nothing committed during it is missed,
 * and the domain controller's name, since USNs are counted per domain controller.
 *
 * Also whether the account can see tombstones: deleted objects live in the Deleted Objects
 * container, visible with the Show Deleted control to administrators only by default
 * (Microsoft, "Retrieving Deleted Objects").
 */
import { Control, type Entry } from 'ldapts';
import type { LdapClient } from './ldap-connection.js';
import { AD_DEFAULT_FILTER, DEFAULT_FILTER } from './ldap-settings.js';

/** LDAP_CAP_ACTIVE_DIRECTORY_OID. */
export const AD_CAPABILITY = '1.2.840.113556.1.4.800';
/** LDAP_SERVER_SHOW_DELETED_OID: tombstones are returned too. Sent non-critical. */
export const SHOW_DELETED_OID = '1.2.840.113556.1.4.417';

/** The root DSE's facts the directory uses. */
export interface ServerInfo {
  readonly activeDirectory: boolean;
  /** AD: `highestCommittedUSN`; null elsewhere or when not readable. */
  readonly highestCommittedUsn: number | null;
  /** AD: `dsServiceName`, the domain controller answering; null elsewhere. */
  readonly serverName: string | null;
  /** AD: `defaultNamingContext`, the domain's root (where tombstones are). */
  readonly namingContext: string | null;
}

/** Reads the root DSE (a base search of the empty DN, which every LDAPv3 server answers). */
export async function readServerInfo(client: LdapClient): Promise<ServerInfo> {
  const { searchEntries } = await client.search('', {
    scope: 'base',
    filter: '(objectClass=*)',
    attributes: ['supportedCapabilities', 'highestCommittedUSN', 'dsServiceName', 'defaultNamingContext'],
  });
  const root = searchEntries[0];
  const capabilities = root === undefined ? [] : texts(root, 'supportedCapabilities');
  const usn = root === undefined ? undefined : texts(root, 'highestCommittedUSN')[0];
  return {
    activeDirectory: capabilities.includes(AD_CAPABILITY),
    highestCommittedUsn: usn !== undefined && /^\d+$/.test(usn) ? Number(usn) : null,
    serverName: root === undefined ? null : (texts(root, 'dsServiceName')[0] ?? null),
    namingContext: root === undefined ? null : (texts(root, 'defaultNamingContext')[0] ?? null),
  };
}

/** The contact filter when the settings give none: AD's or the general one. */
export function defaultFilter(info: Pick<ServerInfo, 'activeDirectory'>): string {
  return info.activeDirectory ? AD_DEFAULT_FILTER : DEFAULT_FILTER;
}

/** The Show Deleted control, sent non-critical (a server that does not know it ignores it). */
export function showDeleted(): Control {
  return new Control(SHOW_DELETED_OID);
}

/** The Deleted Objects container of an AD naming context. */
export function deletedObjectsOf(namingContext: string): string {
  return `CN=Deleted Objects,${namingContext}`;
}

/**
 * True when this account can read the Deleted Objects container (so tombstone searches see
 * deletions). Any refusal counts as no.
 */
export async function seesTombstones(client: LdapClient, namingContext: string): Promise<boolean> {
  try {
    const { searchEntries } = await client.search(
      deletedObjectsOf(namingContext),
      { scope: 'base', filter: '(objectClass=*)', attributes: ['1.1'] },
      showDeleted(),
    );
    return searchEntries.length === 1;
  } catch {
    return false;
  }
}

/** An attribute's values as text, whatever the server's spelling of its name. */
export function texts(entry: Entry, attribute: string): string[] {
  const wanted = attribute.toLowerCase();
  const key = Object.keys(entry).find((name) => name.toLowerCase() === wanted && name !== 'dn');
  const value = key === undefined ? undefined : entry[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === 'string' ? item : item.toString('utf8'),
  );
}
