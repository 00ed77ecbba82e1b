/**
 * The people a fake helpdesk holds, and how each product writes them in its answers (field
 * names as Zammad, KIX, Znuny, ConSol CM and a plain JSON endpoint use them), and how a
 * helpdesk's fuzzy search finds them: any stored number whose digits contain the searched ones.
 */

/** A person as the fake helpdesks store them. */
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
}

/** With the Düsseldorf rules: Anna and Carla have +492115551234, Bernd and Emil only its tail. */
export const DEFAULT_PEOPLE: readonly FakePerson[] = [
  {
    id: 1,
    firstName: 'Anna',
    lastName: 'Schmidt',
    company: 'ACME',
    email: 'anna@example.com',
    phone: '+49 211 5551234',
  },
  { id: 2, firstName: 'Bernd', lastName: 'Fuchs', company: 'Fuchs GmbH', mobile: '0172 5551234' },
  {
    id: 3,
    firstName: 'Carla',
    lastName: 'Nowak',
    department: 'Support',
    phone: '0211 555-1234',
    mobile: '0171 1234567',
  },
  { id: 4, firstName: 'Emil', lastName: 'Brown', phone: '+1 425 555 1234' },
  { id: 5, firstName: 'Frida', lastName: 'Kahn', phone: '+49 30 1234567' },
];

/** The people whose numbers contain `digits` (after dropping everything but digits). */
export function fuzzyMatches(people: readonly FakePerson[], digits: string): FakePerson[] {
  if (digits === '') return [];
  return people.filter((person) =>
    [person.phone, person.mobile, person.fax].some((number) =>
      (number ?? '').replace(/\D/g, '').includes(digits),
    ),
  );
}

/** The longest run of digits in a search term (`phone:*5551234 OR ...` → `5551234`). */
export function searchedDigits(term: string): string {
  return (term.match(/\d+/g) ?? []).reduce(
    (longest, run) => (run.length > longest.length ? run : longest),
    '',
  );
}

/** A Zammad user (GET /api/v1/users/search; `expand=true` adds the organization's name). */
export function zammadUser(person: FakePerson, expand: boolean): Record<string, unknown> {
  return {
    id: person.id,
    login: person.email ?? `user${person.id}`,
    firstname: person.firstName,
    lastname: person.lastName,
    email: person.email ?? '',
    phone: person.phone ?? '',
    mobile: person.mobile ?? '',
    fax: person.fax ?? '',
    department: person.department ?? '',
    organization_id: person.company === undefined ? null : person.id + 100,
    ...(expand ? { organization: person.company ?? null } : {}),
    active: true,
  };
}

/** A KIX 18 contact (GET /api/v1/contacts). */
export function kixContact(person: FakePerson): Record<string, unknown> {
  return {
    ID: person.id,
    Login: person.email ?? `user${person.id}`,
    Firstname: person.firstName,
    Lastname: person.lastName,
    Fullname: `${person.lastName}, ${person.firstName}`,
    Email: person.email ?? '',
    Phone: person.phone ?? '',
    Mobile: person.mobile ?? '',
    Fax: person.fax ?? '',
    Title: person.title ?? '',
    PrimaryOrganisationID: person.id + 100,
    ValidID: 1,
  };
}

/** A Znuny customer user, with the keys of Znuny's CustomerUserDataGet. */
export function znunyCustomerUser(person: FakePerson): Record<string, unknown> {
  return {
    UserLogin: person.email ?? `user${person.id}`,
    UserFirstname: person.firstName,
    UserLastname: person.lastName,
    UserEmail: person.email ?? '',
    UserPhone: person.phone ?? '',
    UserMobile: person.mobile ?? '',
    UserFax: person.fax ?? '',
    UserTitle: person.title ?? '',
    UserCustomerID: person.company ?? '',
    CustomerCompanyName: person.company ?? '',
    ValidID: 1,
  };
}

/** A ConSol CM contact as the preset maps it. */
export function consolContact(person: FakePerson): Record<string, unknown> {
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    company: person.company ?? null,
    email: person.email ?? null,
    phone: person.phone ?? null,
    mobile: person.mobile ?? null,
  };
}

/** A contact of the plain JSON endpoint: numbers as a list of {type, number}. */
export function jsonContact(person: FakePerson): Record<string, unknown> {
  const phones = [
    ['work', person.phone],
    ['mobile', person.mobile],
    ['fax', person.fax],
  ].flatMap(([type, number]) => (number === undefined ? [] : [{ type, number }]));
  return {
    id: `c-${person.id}`,
    name: `${person.firstName} ${person.lastName}`,
    company: person.company ?? null,
    email: person.email ?? null,
    department: person.department ?? null,
    title: person.title ?? null,
    url: person.url ?? `/contacts/c-${person.id}`,
    phones,
  };
}
