/**
 * The in-memory index from E.164 number to contacts that every local directory (and LDAP in
 * sync mode) answers from. Building it is linear in the number of phones; a lookup is one
 * hash-map probe, so its cost stays flat as the book grows.
 */
import type { Contact } from './contact.js';

const NONE: readonly Contact[] = Object.freeze([]);

export class PhoneIndex {
  private constructor(
    private readonly byNumber: ReadonlyMap<string, readonly Contact[]>,
    /** How many contacts were indexed. */
    readonly contactCount: number,
  ) {}

  /**
   * Indexes every phone of every contact that has an E.164 form. A number reached through
   * another company's switchboard is not indexed; a contact is listed once per number even when
   * it holds the number twice.
   */
  static build(contacts: readonly Contact[]): PhoneIndex {
    const byNumber = new Map<string, Contact[]>();
    for (const contact of contacts) {
      for (const phone of contact.phones) {
        if (phone.e164 === null || phone.viaSwitchboard === true) continue;
        const list = byNumber.get(phone.e164);
        if (list === undefined) byNumber.set(phone.e164, [contact]);
        else if (list.at(-1) !== contact) list.push(contact);
      }
    }
    return new PhoneIndex(byNumber, contacts.length);
  }

  /** The contacts with exactly this E.164 number. */
  lookup(e164: string): readonly Contact[] {
    return this.byNumber.get(e164) ?? NONE;
  }

  /** How many distinct numbers are indexed. */
  get numberCount(): number {
    return this.byNumber.size;
  }
}
