/**
 * Merges what several directories say about one number: the same person known to two
 * directories (the same name, or the same e-mail address) is listed once, with the fields of
 * the directory highest in priority, gaps filled from the others, and every source named.
 * Different people stay apart, in directory priority order.
 */
import type { Contact } from './contact.js';

/** `answers[i]` is what directory `i` (in priority order) returned. */
export function mergeContacts(answers: readonly (readonly Contact[])[]): Contact[] {
  const merged: Contact[] = [];
  for (const answer of answers) {
    for (const contact of answer) {
      const index = merged.findIndex((known) => samePerson(known, contact));
      if (index < 0) merged.push(contact);
      else merged[index] = combine(merged[index] as Contact, contact);
    }
  }
  return merged;
}

/** Same directory and id, the same name, or the same e-mail address. */
export function samePerson(a: Contact, b: Contact): boolean {
  if (a.directory === b.directory) return a.id === b.id;
  if (a.email !== null && b.email !== null && a.email.toLowerCase() === b.email.toLowerCase()) return true;
  return normalizeName(a.name) !== '' && normalizeName(a.name) === normalizeName(b.name);
}

function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function combine(first: Contact, second: Contact): Contact {
  if (first.directory === second.directory) return first;
  const sources = [...(first.sources ?? [first.directory]), ...(second.sources ?? [second.directory])];
  const phones = [...first.phones];
  for (const phone of second.phones) {
    if (
      !phones.some((known) => known.raw === phone.raw || (known.e164 !== null && known.e164 === phone.e164))
    )
      phones.push(phone);
  }
  return {
    ...first,
    company: first.company ?? second.company,
    email: first.email ?? second.email,
    department: first.department ?? second.department,
    title: first.title ?? second.title,
    phones,
    sources: [...new Set(sources)],
  };
}
