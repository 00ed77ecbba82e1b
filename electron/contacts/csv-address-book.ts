/**
 * Reads a CSV address book (Outlook in English or German, Outlook.com, Google Contacts, or a
 * hand-made sheet) into contacts. A row that cannot be read is skipped with a warning naming
 * the file and line; a number that cannot be completed stays on the contact without an E.164
 * form, with a warning.
 */
import type { DialingRules } from '../numbers/dialing-rules.js';
import { contactName, orNull, type Contact } from './contact.js';
import { columnRole, phoneTypeOfLabel, type ColumnRole, type FieldKind } from './csv-columns.js';
import { parseCsv } from './csv-parser.js';
import { completeStoredNumber, toPhone } from './stored-number.js';

/** Contacts read from a file, and what was wrong with it. */
export interface AddressBookContents {
  readonly contacts: Contact[];
  /** `contacts.csv:12: ...` for every skipped row or unusable number. */
  readonly warnings: string[];
}

export interface ReadOptions {
  /** Shown in warnings (`contacts.csv`). */
  readonly file: string;
  /** The directory's name, put on every contact. */
  readonly directory: string;
  readonly rules: DialingRules;
}

/** Reads CSV text into contacts. */
export function readCsvAddressBook(text: string, options: ReadOptions): AddressBookContents {
  const { file } = options;
  const warnings: string[] = [];
  const { records, problems } = parseCsv(text);
  for (const problem of problems) warnings.push(`${file}:${problem.line}: ${problem.message}; row skipped`);
  const [header, ...rows] = records;
  if (header === undefined) return { contacts: [], warnings };
  const roles = header.fields.map(columnRole);
  if (!roles.some((role) => role?.kind === 'phone' || role?.kind === 'phone-value')) {
    warnings.push(`${file}:${header.line}: no phone column found in the header`);
  }
  const contacts: Contact[] = [];
  for (const row of rows) {
    if (
      row.fields.length > header.fields.length &&
      row.fields.slice(header.fields.length).some((f) => f.trim() !== '')
    ) {
      warnings.push(
        `${file}:${row.line}: ${row.fields.length} fields but the header has ${header.fields.length}; row skipped`,
      );
      continue;
    }
    const contact = readRow(row.fields, roles, row.line, options, warnings);
    if (contact === null) warnings.push(`${file}:${row.line}: no name, number or e-mail; row skipped`);
    else contacts.push(contact);
  }
  return { contacts, warnings };
}

function readRow(
  fields: readonly string[],
  roles: readonly (ColumnRole | null)[],
  line: number,
  options: ReadOptions,
  warnings: string[],
): Contact | null {
  const values: Partial<Record<FieldKind, string>> = {};
  const phones: { type: string; raw: string }[] = [];
  const googleTypes = new Map<string, string>();
  roles.forEach((role, column) => {
    const value = fields[column]?.trim() ?? '';
    if (role === null || value === '') return;
    if (role.kind === 'phone') phones.push({ type: role.type, raw: value });
    else if (role.kind === 'phone-type') googleTypes.set(role.group, phoneTypeOfLabel(value));
    else if (role.kind === 'phone-value') {
      // Google writes several numbers of one label as "a ::: b".
      for (const raw of value.split(':::')) phones.push({ type: `google:${role.group}`, raw: raw.trim() });
    } else values[role.kind] ??= value;
  });
  const completed = phones.map(({ type, raw }) => {
    const number = completeStoredNumber(raw, options.rules);
    if (number.problem !== null)
      warnings.push(`${options.file}:${line}: number "${raw.slice(0, 40)}" ignored: ${number.problem}`);
    const shownType = type.startsWith('google:') ? (googleTypes.get(type.slice(7)) ?? 'other') : type;
    return toPhone(shownType, raw, number);
  });
  const name = contactName({
    formatted: values.name,
    first: values.first,
    last: values.last,
    company: values.company,
  });
  const shown = name !== '' ? name : (values.email ?? completed[0]?.raw ?? '');
  if (shown === '') return null;
  return {
    name: shown,
    company: orNull(values.company),
    phones: completed,
    email: orNull(values.email),
    directory: options.directory,
    id: values.id ?? `line-${line}`,
    department: orNull(values.department),
    title: orNull(values.title),
  };
}
