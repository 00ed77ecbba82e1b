/**
 * Turns a helpdesk's JSON answer into contacts, as a mapping of simple JSON paths says: where
 * the list of results is, then per result where its id, name (or first and last name), company,
 * email, department, title, link and phone numbers are. Every stored number is completed with
 * the dialing rules, so contacts from a helpdesk match by exact E.164 like those from a file.
 *
 * Values are data, never markup: a name of `<b>Anna</b>` stays those characters (the popup
 * escapes them). Only http(s) links are kept.
 */
import type { DialingRules } from '../../numbers/dialing-rules.js';
import { contactName, orNull, type Contact, type ContactPhone } from '../contact.js';
import { completeStoredNumber, toPhone } from '../stored-number.js';
import { describeJsonPath, parseJsonPath, readJsonPath, type PathStep } from './json-path.js';

/** Where the numbers of a result are: one value, a list of values, or a list of objects. */
export interface PhoneMapping {
  /** Path within a result: `phone`, `phones`, `contact.mobile`. */
  readonly path: string;
  /** The type of these numbers (`work`, `mobile`, ...), or of those whose `typePath` is empty. */
  readonly type?: string | undefined;
  /** For a list of objects: the path of the number within each (`number`, `value`). */
  readonly numberPath?: string | undefined;
  /** For a list of objects: the path of the type within each (`type`, `label`). */
  readonly typePath?: string | undefined;
}

/** The mapping from an answer to contacts; paths as {@link parseJsonPath} reads them. */
export interface ResponseMapping {
  /** The list of results; `""` when the answer itself is the list. */
  readonly list: string;
  readonly id: string;
  /** A formatted name; when absent or empty, first and last name, then the company. */
  readonly name?: string | undefined;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly company?: string | undefined;
  readonly email?: string | undefined;
  readonly department?: string | undefined;
  readonly title?: string | undefined;
  /** A link to the contact in the helpdesk (relative links resolve against the base URL). */
  readonly link?: string | undefined;
  readonly phones: readonly PhoneMapping[];
  /** A path that, when present in an answer, holds the helpdesk's error message. */
  readonly error?: string | undefined;
}

/** A contact from a REST directory: a {@link Contact} plus its link in the helpdesk. */
export interface RestContact extends Contact {
  /** The contact's page in the helpdesk (http/https only), or null. */
  readonly link: string | null;
}

/** An answer whose shape the mapping cannot read (the list is not a list, ...). */
export class AnswerShapeError extends Error {
  override readonly name = 'AnswerShapeError';
}

/** What a mapping needs besides the answer. */
export interface MappingContext {
  /** The directory's name, given to every contact. */
  readonly directory: string;
  readonly rules: DialingRules;
  /** The helpdesk's address, for relative links; null when there is none. */
  readonly baseUrl: string | null;
}

/** The contacts an answer holds, and why some results were skipped. */
export interface MappedAnswer {
  readonly contacts: RestContact[];
  readonly skipped: string[];
}

type Field = 'id' | 'name' | 'firstName' | 'lastName' | 'company' | 'email' | 'department' | 'title' | 'link';
const FIELDS: readonly Field[] = [
  'id',
  'name',
  'firstName',
  'lastName',
  'company',
  'email',
  'department',
  'title',
  'link',
];

interface CompiledPhone {
  readonly path: PathStep[];
  readonly type: string;
  readonly numberPath: PathStep[] | null;
  readonly typePath: PathStep[] | null;
}

/** A mapping with its paths parsed once. */
export interface CompiledMapping {
  readonly list: PathStep[];
  readonly fields: Partial<Record<Field, PathStep[]>>;
  readonly phones: readonly CompiledPhone[];
  readonly error: PathStep[] | null;
}

/** Parses every path of `mapping`. @throws JsonPathError for a path that is not simple. */
export function compileMapping(mapping: ResponseMapping): CompiledMapping {
  const fields: Partial<Record<Field, PathStep[]>> = {};
  for (const field of FIELDS) {
    const path = mapping[field];
    if (path !== undefined) fields[field] = parseJsonPath(path);
  }
  return {
    list: parseJsonPath(mapping.list),
    fields,
    phones: mapping.phones.map((phone) => ({
      path: parseJsonPath(phone.path),
      type: normalType(phone.type) ?? 'work',
      numberPath: phone.numberPath === undefined ? null : parseJsonPath(phone.numberPath),
      typePath: phone.typePath === undefined ? null : parseJsonPath(phone.typePath),
    })),
    error: mapping.error === undefined ? null : parseJsonPath(mapping.error),
  };
}

/** The error message an answer carries at the mapping's error path, or null when it has none. */
export function reportedError(answer: unknown, mapping: CompiledMapping): string | null {
  if (mapping.error === null) return null;
  const found = readJsonPath(answer, mapping.error);
  if (found === undefined || found === null || found === '' || found === false) return null;
  return typeof found === 'string' ? found : JSON.stringify(found);
}

/**
 * The contacts in `answer`. An answer of `{}` has none.
 * @throws AnswerShapeError when the list is missing or not a list, or numbers are shaped in a
 *   way the mapping cannot read. A single result without an id is skipped and reported instead.
 */
export function mapAnswer(answer: unknown, mapping: CompiledMapping, context: MappingContext): MappedAnswer {
  const list = readJsonPath(answer, mapping.list);
  const listName = describeJsonPath(mapping.list);
  // Znuny's GenericInterface answers a search without results with an empty object.
  if (list === undefined && isEmptyObject(answer)) return { contacts: [], skipped: [] };
  if (!Array.isArray(list)) {
    const what = list === undefined ? 'is missing' : 'is not a list';
    throw new AnswerShapeError(`${listName} ${what}`);
  }
  const contacts: RestContact[] = [];
  const skipped: string[] = [];
  list.forEach((item: unknown, index) => {
    const where = `${mapping.list.length === 0 ? '' : listName}[${index}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      skipped.push(`${where} is not an object`);
      return;
    }
    const text = (field: Field) => {
      const steps = mapping.fields[field];
      return steps === undefined ? null : textOf(readJsonPath(item, steps));
    };
    const id = text('id');
    if (id === null) {
      skipped.push(`${where} has no id`);
      return;
    }
    const company = text('company');
    const email = text('email');
    const name = contactName({
      formatted: text('name'),
      first: text('firstName'),
      last: text('lastName'),
      company,
    });
    contacts.push({
      name: name === '' ? (email ?? id) : name,
      company,
      phones: mapping.phones.flatMap((phone) => phonesOf(item, phone, where, context.rules)),
      email,
      directory: context.directory,
      id,
      department: text('department'),
      title: text('title'),
      link: webLink(text('link'), context.baseUrl),
    });
  });
  return { contacts, skipped };
}

function phonesOf(item: object, mapping: CompiledPhone, where: string, rules: DialingRules): ContactPhone[] {
  const value = readJsonPath(item, mapping.path);
  const entries = Array.isArray(value) ? (value as unknown[]) : [value];
  return entries.flatMap((entry, index) => {
    let raw: string | null;
    let type = mapping.type;
    if (entry !== null && typeof entry === 'object') {
      const at = `${where}.${describeJsonPath(mapping.path)}${Array.isArray(value) ? `[${index}]` : ''}`;
      if (mapping.numberPath === null)
        throw new AnswerShapeError(`${at} is an object, not a number (the mapping needs a numberPath)`);
      raw = textOf(readJsonPath(entry, mapping.numberPath));
      if (mapping.typePath !== null) type = normalType(textOf(readJsonPath(entry, mapping.typePath))) ?? type;
    } else {
      raw = textOf(entry);
    }
    return raw === null ? [] : [toPhone(type, raw, completeStoredNumber(raw, rules))];
  });
}

/** A string or number as trimmed text; anything else (objects, lists, booleans) as null. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return orNull(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function isEmptyObject(value: unknown): boolean {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

function normalType(type: string | null | undefined): string | null {
  const trimmed = type?.trim().toLowerCase() ?? '';
  return trimmed === '' ? null : trimmed;
}

function webLink(link: string | null, baseUrl: string | null): string | null {
  if (link === null) return null;
  try {
    const url = baseUrl === null ? new URL(link) : new URL(link, `${baseUrl}/`);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}
