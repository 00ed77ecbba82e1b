/**
 * Which CSV column means what, for the exports people really have: Outlook in English and
 * German (`Business Phone` / `Telefon geschäftlich`, `Mobile Phone` / `Mobiltelefon`, ...),
 * Outlook.com, Google Contacts (`Phone 1 - Type` + `Phone 1 - Value`), and plain hand-made
 * sheets (`name`, `phone`, `email`). Headers are compared without case, spaces or punctuation,
 * so `Assistant's Phone` and the mangled `Assistant s Phone` are the same column.
 */

/** A column's role in a contact. */
export type FieldKind = 'name' | 'first' | 'last' | 'company' | 'department' | 'title' | 'email' | 'id';

export type ColumnRole =
  | { readonly kind: FieldKind }
  | { readonly kind: 'phone'; readonly type: string }
  | { readonly kind: 'phone-type' | 'phone-value'; readonly group: string };

/** `Telefon geschäftlich` → `telefongeschäftlich`. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const FIELDS: Record<string, FieldKind> = {
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  anzeigename: 'name',
  firstname: 'first',
  givenname: 'first',
  vorname: 'first',
  lastname: 'last',
  familyname: 'last',
  surname: 'last',
  nachname: 'last',
  company: 'company',
  organization: 'company',
  organisation: 'company',
  organizationname: 'company',
  organization1name: 'company',
  firma: 'company',
  department: 'department',
  organization1department: 'department',
  abteilung: 'department',
  jobtitle: 'title',
  organization1title: 'title',
  position: 'title',
  emailaddress: 'email',
  email: 'email',
  email1value: 'email',
  emailadresse: 'email',
  id: 'id',
  uid: 'id',
};

const PHONES: Record<string, string> = {
  // Outlook (English)
  businessphone: 'work',
  businessphone2: 'work',
  companymainphone: 'main',
  mobilephone: 'mobile',
  mobilephone2: 'mobile',
  homephone: 'home',
  homephone2: 'home',
  otherphone: 'other',
  primaryphone: 'primary',
  assistantsphone: 'assistant',
  callback: 'callback',
  carphone: 'car',
  isdn: 'isdn',
  radiophone: 'radio',
  ttytddphone: 'tty',
  pager: 'pager',
  businessfax: 'fax',
  homefax: 'fax',
  otherfax: 'fax',
  // Outlook (German)
  telefongeschäftlich: 'work',
  telefongeschäftlich2: 'work',
  telefonfirma: 'main',
  mobiltelefon: 'mobile',
  mobiltelefon2: 'mobile',
  telefonprivat: 'home',
  telefonprivat2: 'home',
  weiterestelefon: 'other',
  haupttelefon: 'primary',
  telefonassistent: 'assistant',
  rückmeldung: 'callback',
  autotelefon: 'car',
  funktelefon: 'radio',
  telefonfürhörbehinderte: 'tty',
  faxgeschäftlich: 'fax',
  faxprivat: 'fax',
  weiteresfax: 'fax',
  // hand-made sheets
  phone: 'work',
  telephone: 'work',
  telefon: 'work',
  tel: 'work',
  work: 'work',
  mobile: 'mobile',
  mobil: 'mobile',
  handy: 'mobile',
  cell: 'mobile',
  home: 'home',
  fax: 'fax',
};

const GOOGLE_PHONE = /^phone(\d+)(type|label|value)$/;

/** The role of a column, or null for columns Ringdesk does not use (addresses, Telex, ...). */
export function columnRole(header: string): ColumnRole | null {
  const key = normalizeHeader(header);
  const field = FIELDS[key];
  if (field !== undefined) return { kind: field };
  const phone = PHONES[key];
  if (phone !== undefined) return { kind: 'phone', type: phone };
  const google = GOOGLE_PHONE.exec(key);
  if (google !== null) {
    return { kind: google[2] === 'value' ? 'phone-value' : 'phone-type', group: google[1] as string };
  }
  return null;
}

/** A Google Contacts phone label (`Mobile`, `Work Fax`, `* Main`) as a phone type. */
export function phoneTypeOfLabel(label: string): string {
  const key = normalizeHeader(label);
  if (key.includes('fax')) return 'fax';
  if (key.includes('mobile') || key.includes('mobil') || key.includes('cell')) return 'mobile';
  if (key.includes('home') || key.includes('privat')) return 'home';
  if (key.includes('main')) return 'main';
  if (key.includes('pager')) return 'pager';
  if (key.includes('work') || key.includes('business') || key.includes('geschäftlich')) return 'work';
  return 'other';
}
