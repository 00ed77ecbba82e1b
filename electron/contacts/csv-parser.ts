/**
 * A CSV reader for address book exports (RFC 4180 and what Excel and Outlook really write):
 * comma, semicolon or tab separated (detected from the header line), quoted fields with `""`
 * escapes and line breaks inside quotes, CRLF or LF. Each record remembers the line it started
 * on, so that a problem can be reported as `file:line`.
 */

/** One record and the line (1-based) where it starts. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A record that could not be read, with the reason. */
export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export interface CsvResult {
  readonly delimiter: string;
  readonly records: readonly CsvRecord[];
  readonly problems: readonly CsvProblem[];
}

/** Picks `,`, `;` or tab: whichever occurs most in the first line, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Reads every record of `text`. A malformed record is reported and skipped, never guessed at. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvResult {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let problem: string | null = null;
    let quoted = false;
    let wasQuoted = false;
    let ended = false;
    while (index < text.length && !ended) {
      const char = text[index] as string;
      if (quoted) {
        if (char === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index++;
          } else quoted = false;
        } else {
          if (char === '\n') line++;
          field += char;
        }
      } else if (char === '"') {
        if (field.trim() === '' && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
          field = '';
        } else problem ??= `stray quote in field ${fields.length + 1}`;
      } else if (char === delimiter) {
        fields.push(field);
        field = '';
        wasQuoted = false;
      } else if (char === '\n' || char === '\r') {
        if (char === '\r' && text[index + 1] === '\n') index++;
        line++;
        ended = true;
      } else if (wasQuoted) {
        if (char !== ' ' && char !== '\t')
          problem ??= `text after the closing quote of field ${fields.length + 1}`;
      } else field += char;
      index++;
    }
    if (quoted) problem = `quote opened in field ${fields.length + 1} is never closed`;
    fields.push(field);
    if (problem !== null) problems.push({ line: start, message: problem });
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { delimiter, records, problems };
}
