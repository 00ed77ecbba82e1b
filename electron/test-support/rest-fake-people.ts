/**
 * The people a fake helpdesk holds. Each vendor's fake (`rest-fake-zammad.ts`,
 * `rest-fake-kix.ts`, ...) stores them in its own record shape and searches them the way that
 * product does; nothing here decides what a search finds.
 */

/** A person as the fake helpdesks store them; numbers are kept exactly as typed. */
export interface FakePerson {
  readonly id: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly company?: string;
  readonly email?: string;
  readonly department?: string;
  readonly title?: string;
  readonly phone?: string;
  readonly mobile?: string;
  readonly fax?: string;
  /** For the JSON endpoint: a link to the person's page. */
  readonly url?: string;
  /** When the record was last changed (Zammad sorts its search results by it); default by id. */
  readonly updatedAt?: string;
}

/**
 * With the Düsseldorf rules: Anna and Carla have +492115551234 (Carla written with a dash, as
 * many people do), Bernd and Emil share only its last seven digits, Frida is in Berlin.
 */
export const DEFAULT_PEOPLE: readonly FakePerson[] = [
  {
    id: 2,
    firstName: 'Anna',
    lastName: 'Schmidt',
    company: 'ACME',
    email: 'anna@example.com',
    phone: '+49 211 5551234',
  },
  { id: 3, firstName: 'Bernd', lastName: 'Fuchs', company: 'Fuchs GmbH', mobile: '0172 5551234' },
  {
    id: 4,
    firstName: 'Carla',
    lastName: 'Nowak',
    department: 'Support',
    phone: '0211 555-1234',
    mobile: '0171 1234567',
  },
  { id: 5, firstName: 'Emil', lastName: 'Brown', phone: '+1 425 555 1234' },
  { id: 6, firstName: 'Frida', lastName: 'Kahn', phone: '+49 30 1234567' },
];

/** The person's last change: given, or one minute earlier per id (lower ids changed last). */
export function updatedAtOf(person: FakePerson): string {
  return person.updatedAt ?? new Date(Date.UTC(2025, 0, 1) - person.id * 60_000).toISOString();
}

/** SQL `LIKE` (with `%` and `_`) as a case-insensitive test, for the SQL-backed fakes. */
export function sqlLike(value: string | undefined, pattern: string): boolean {
  if (value === undefined) return false; // NULL never matches
  let source = '';
  let escaped = false;
  for (const char of pattern) {
    if (!escaped && char === '\\') escaped = true;
    else if (!escaped && char === '%') source += '[\\s\\S]*';
    else if (!escaped && char === '_') source += '[\\s\\S]';
    else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      escaped = false;
    }
  }
  return new RegExp(`^${source}$`, 'iu').test(value);
}

/** A pattern that matches `text` literally inside a LIKE (escapes `%`, `_`, `\`). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
