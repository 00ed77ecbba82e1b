/**
 * Reads a vCard file (2.1, 3.0, 4.0; one or many cards) into contacts. A card that cannot be
 * read is skipped with a warning naming the file and line.
 */
import type { DialingRules } from '../numbers/dialing-rules.js';
import { contactName, orNull, type Contact } from './contact.js';
import type { AddressBookContents, ReadOptions } from './csv-address-book.js';
import { completeStoredNumber, toPhone } from './stored-number.js';
import {
  parseVcards,
  splitStructured,
  unescapeText,
  type VcardCard,
  type VcardProperty,
} from './vcard-parser.js';

/** Reads vCard text into contacts. */
export function readVcardAddressBook(text: string, options: ReadOptions): AddressBookContents {
  const { cards, problems } = parseVcards(text);
  const warnings = problems.map((problem) => `${options.file}:${problem.line}: ${problem.message}`);
  const contacts: Contact[] = [];
  for (const card of cards) {
    const contact = readCard(card, options, warnings);
    if (contact === null)
      warnings.push(`${options.file}:${card.line}: vCard has no name, number or e-mail; skipped`);
    else contacts.push(contact);
  }
  return { contacts, warnings };
}

function readCard(card: VcardCard, options: ReadOptions, warnings: string[]): Contact | null {
  const first = (name: string) => card.properties.find((property) => property.name === name);
  const text = (name: string) => {
    const property = first(name);
    return property === undefined ? null : unescapeText(property.value);
  };
  const structured = (name: string) => {
    const property = first(name);
    return property === undefined ? [] : splitStructured(property.value);
  };
  const org = structured('ORG');
  const n = structured('N');
  const company = orNull(org[0]);
  const emails = card.properties.filter((property) => property.name === 'EMAIL');
  const email = emails.find((property) => isPreferred(property)) ?? emails[0];
  const phones = card.properties
    .filter((property) => property.name === 'TEL')
    .flatMap((property) => readPhone(property, card, options.rules, options.file, warnings));
  const name = contactName({
    formatted: text('FN'),
    first: n[1],
    last: n[0],
    company,
  });
  const emailValue = email === undefined ? null : orNull(unescapeText(email.value));
  const shown = name !== '' ? name : (emailValue ?? phones[0]?.raw ?? '');
  if (shown === '') return null;
  const uid = text('UID');
  return {
    name: shown,
    company,
    phones,
    email: emailValue,
    directory: options.directory,
    id: orNull(uid) ?? `line-${card.line}`,
    department: orNull(org[1]),
    title: orNull(text('TITLE')),
  };
}

function readPhone(
  property: VcardProperty,
  card: VcardCard,
  rules: DialingRules,
  file: string,
  warnings: string[],
) {
  const raw = unescapeText(property.value).trim();
  if (raw === '') return [];
  const number = completeStoredNumber(raw, rules);
  if (number.problem !== null)
    warnings.push(`${file}:${property.line}: number "${raw.slice(0, 40)}" ignored: ${number.problem}`);
  return [toPhone(phoneType(property, card), raw, number)];
}

/**
 * `TYPE=CELL` → `mobile`; Apple's `item1.X-ABLabel` names an untyped number: its built-in labels
 * (`_$!<HomeFAX>!$_`) by their type, a label the user typed as written, lower case.
 */
function phoneType(property: VcardProperty, card: VcardCard): string {
  const types = new Set(property.params.get('TYPE') ?? []);
  if (types.has('fax')) return 'fax';
  if (types.has('cell') || types.has('mobile') || types.has('iphone')) return 'mobile';
  if (types.has('pager')) return 'pager';
  if (types.has('main') || types.has('x-main')) return 'main';
  if (types.has('work')) return 'work';
  if (types.has('home')) return 'home';
  const label = card.properties.find(
    (other) => other.group !== null && other.group === property.group && other.name === 'X-ABLABEL',
  );
  if (label !== undefined) {
    const text = unescapeText(label.value).trim();
    const apple = APPLE_LABEL.exec(text);
    if (apple !== null) return appleLabelType((apple[1] as string).toLowerCase());
    if (text !== '') return text.toLowerCase() === 'cell' ? 'mobile' : text.toLowerCase();
  }
  return 'other';
}

/** Apple's built-in labels are written `_$!<HomeFAX>!$_`; a label the user typed is plain text. */
const APPLE_LABEL = /^_\$!<(.+)>!\$_$/;

/**
 * Apple's built-in phone labels (`Mobile`, `iPhone`, `Home`, `Work`, `Main`, `HomeFAX`,
 * `WorkFAX`, `OtherFAX`, `Pager`, `AssistantPhone`, `Other`, ...) as our phone types.
 */
function appleLabelType(label: string): string {
  if (label.includes('fax')) return 'fax';
  if (label === 'mobile' || label === 'iphone' || label === 'cell') return 'mobile';
  if (label.includes('assistant')) return 'assistant';
  if (label.includes('pager')) return 'pager';
  if (label.includes('main')) return 'main';
  if (label === 'work' || label === 'home') return label;
  return 'other';
}

function isPreferred(property: VcardProperty): boolean {
  return (property.params.get('TYPE') ?? []).includes('pref') || property.params.has('PREF');
}
