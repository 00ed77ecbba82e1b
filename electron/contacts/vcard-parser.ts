/**
 * A vCard reader for 2.1, 3.0 and 4.0 as address books export them: folded lines (CRLF, LF or
 * iOS's CR CR LF, plus one space or tab), groups (`item1.TEL`), parameters in every spelling (`TYPE=WORK,VOICE`,
 * `type=WORK;type=pref`, 2.1's bare `TEL;WORK;VOICE`, quoted `TYPE="work,voice"`), 2.1's
 * quoted-printable values with their charset and soft line breaks, and backslash escapes.
 * Every property remembers its line, so that a problem can be reported as `file:line`.
 */

export interface VcardProperty {
  readonly line: number;
  readonly group: string | null;
  /** Upper case (`TEL`). */
  readonly name: string;
  /** Parameter names upper case; `TYPE` values lower case. */
  readonly params: ReadonlyMap<string, readonly string[]>;
  /** The value, decoded (quoted-printable) but not yet unescaped. */
  readonly value: string;
}

export interface VcardCard {
  readonly line: number;
  readonly properties: readonly VcardProperty[];
}

export interface VcardResult {
  readonly cards: readonly VcardCard[];
  readonly problems: readonly { line: number; message: string }[];
}

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/**
 * Reads every vCard in `text`. A card without END, or a line that is no property, is reported;
 * a file without any BEGIN:VCARD is reported once, as no vCard file.
 */
export function parseVcards(text: string): VcardResult {
  const cards: VcardCard[] = [];
  const problems: { line: number; message: string }[] = [];
  let card: { line: number; properties: VcardProperty[] } | null = null;
  let begun = false;
  for (const { line, text: content } of logicalLines(text)) {
    if (content.trim() === '') continue;
    const property = parseProperty(content, line);
    if (property === null) {
      problems.push({ line, message: 'not a vCard property (no ":")' });
      continue;
    }
    const value = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      begun = true;
      if (card !== null) problems.push({ line: card.line, message: 'vCard has no END:VCARD; skipped' });
      card = { line, properties: [] };
    } else if (property.name === 'END' && value === 'VCARD') {
      if (card === null) problems.push({ line, message: 'END:VCARD without BEGIN:VCARD' });
      else cards.push(card);
      card = null;
    } else if (card === null) {
      problems.push({ line, message: 'property outside of a vCard' });
    } else {
      card.properties.push(property);
    }
  }
  if (card !== null) problems.push({ line: card.line, message: 'vCard has no END:VCARD; skipped' });
  if (!begun && problems.length > 0) return { cards, problems: [NO_VCARD] };
  return { cards, problems };
}

/** A file with lines but no `BEGIN:VCARD` is one problem, not one per line. */
const NO_VCARD = { line: 1, message: 'not a vCard file: no line says BEGIN:VCARD' };

/** Undoes backslash escapes: `\n` `\N` → line break, `\,` `\;` `\\` → the character. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** Splits a structured value (`N`, `ORG`) on unescaped `;` and unescapes each part. */
export function splitStructured(value: string): string[] {
  return value.split(/(?<!\\);/).map(unescapeText);
}

/**
 * Ends of lines: CRLF, LF, CR, and the CR CR LF that iOS 5 and some Windows tools write (a CRLF
 * whose CR was doubled by a text-mode conversion). Read as one break, so that the space that
 * starts a folded line still follows its line: read as two, the empty line between would cut
 * `TEL:+49 211 555` from its fold ` 0600`.
 */
const LINE_END = /\r*\n|\r/;

/** Joins folded lines; a quoted-printable value ending in `=` continues on the next line. */
function* logicalLines(text: string): Generator<{ line: number; text: string }> {
  const physical = text.split(LINE_END);
  let current: { line: number; text: string } | null = null;
  for (let index = 0; index < physical.length; index++) {
    const raw = physical[index] as string;
    if (current !== null && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += raw.slice(1);
    } else if (current !== null && isSoftBreak(current.text)) {
      current.text = current.text.slice(0, -1) + raw;
    } else {
      if (current !== null) yield current;
      current = { line: index + 1, text: raw };
    }
  }
  if (current !== null) yield current;
}

function isSoftBreak(text: string): boolean {
  return text.endsWith('=') && /;(ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(text);
}

function parseProperty(content: string, line: number): VcardProperty | null {
  const colon = valueStart(content);
  if (colon < 0) return null;
  const [head = '', ...rawParams] = splitParams(content.slice(0, colon));
  const dot = head.lastIndexOf('.');
  const group = dot < 0 ? null : head.slice(0, dot);
  const name = head
    .slice(dot + 1)
    .trim()
    .toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = new Map<string, string[]>();
  for (const param of rawParams) {
    const equals = param.indexOf('=');
    let key = equals < 0 ? 'TYPE' : param.slice(0, equals).trim().toUpperCase();
    const rawValue = equals < 0 ? param : param.slice(equals + 1);
    if (equals < 0 && ENCODINGS.has(rawValue.trim().toUpperCase())) key = 'ENCODING';
    const values = rawValue
      .replace(/^"|"$/g, '')
      .split(',')
      .map((value) => (key === 'TYPE' ? value.trim().toLowerCase() : value.trim()))
      .filter((value) => value !== '');
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = content.slice(colon + 1);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE')
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
  return { line, group, name, params, value };
}

/** The index of the `:` that starts the value: the first one outside a quoted parameter. */
function valueStart(content: string): number {
  let quoted = false;
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return index;
  }
  return -1;
}

/** Splits `item1.TEL;TYPE="a;b";PREF=1` on `;` outside quotes. */
function splitParams(head: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of head) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    const hex = value.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      for (const byte of new TextEncoder().encode(char)) bytes.push(byte);
    }
  }
  try {
    return new TextDecoder(charset.toLowerCase()).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}
