/**
 * The directory contract: anything that can answer "who has this number?" — an address book
 * file, LDAP, a helpdesk. A directory does not know calls exist; the Companion asks it.
 *
 * Invariants:
 * - `lookup` MUST match by exact E.164 after completing the directory's numbers with the
 *   dialing rules; it MUST NOT guess by trailing digits (that pops up wrong people across
 *   countries).
 * - `lookup` MUST reject (not hang) when the directory cannot answer; the caller adds its own
 *   timeout and passes an AbortSignal the directory SHOULD honour.
 */
import type { Contact } from './contact.js';

export interface Directory {
  /** The directory's name as the settings give it; shown as a contact's source. */
  readonly name: string;
  /** `csv`, `vcard`, `ldap`, `rest`, ... */
  readonly kind: string;
  /** Every contact whose number is `e164`. */
  lookup(e164: string, signal?: AbortSignal): Promise<readonly Contact[]>;
  /** Every contact the directory holds. */
  list(): Promise<readonly Contact[]>;
  /** Stops watching and releases resources. */
  close(): Promise<void>;
  /** Optional: what a connection test should tell the admin besides the count (cost, method). */
  notes?(): Promise<readonly string[]>;
}
