/**
 * A synthetic address book for benchmarks: people in and around Düsseldorf with numbers stored
 * the way real books store them (E.164, national with slashes and parentheses, local, the
 * company's extensions, foreign), deterministic for a given size.
 */
import type { Contact } from '../electron/contacts/contact.js';
import { completeStoredNumber } from '../electron/contacts/stored-number.js';
import type { DialingRules } from '../electron/numbers/dialing-rules.js';

/** Raw (uncompleted) phones of contact `i`. */
export function rawPhones(i: number): { type: string; raw: string }[] {
  const subscriber = String(1_000_000 + ((i * 7919) % 8_999_999)).slice(0, 7);
  const mobile = String(10_000_000 + ((i * 104_729) % 89_999_999));
  const forms = [
    `+49 211 ${subscriber}`,
    `0211/${subscriber.slice(0, 3)}-${subscriber.slice(3)}`,
    `(0211) ${subscriber}`,
    subscriber,
    `+49 (0)30 ${subscriber}`,
    `0049 89 ${subscriber}`,
    `+44 20 7${subscriber.slice(1)}`,
    `0211 339903-${i % 1000}`,
  ];
  return [
    { type: 'work', raw: forms[i % forms.length] as string },
    { type: 'mobile', raw: `+49 15${(i % 9) + 1} ${mobile}` },
  ];
}

/** `count` contacts, their numbers completed with `rules` (the index build's real work). */
export function syntheticContacts(count: number, rules: DialingRules): Contact[] {
  const contacts: Contact[] = new Array<Contact>(count);
  for (let i = 0; i < count; i++) {
    contacts[i] = {
      name: `Person ${i}`,
      company: `Company ${i % 5000}`,
      phones: rawPhones(i).map(({ type, raw }) => ({
        type,
        raw,
        e164: completeStoredNumber(raw, rules).e164,
      })),
      email: null,
      directory: 'bench',
      id: String(i),
      department: null,
      title: null,
    };
  }
  return contacts;
}
