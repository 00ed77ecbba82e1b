/**
 * The call log as CSV for a spreadsheet: one row per call, a header row, every cell quoted as
 * needed, and cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the
 * start) prefixed with `'`, so a caller ID like `=HYPERLINK(...)` stays text. A cell that is only
 * `+` and digits (an E.164 number) cannot be a formula and stays clean.
 *
 * The outcome column says what the line reported where it did ("Answered by Anna (7003)",
 * "Rejected: busy", "Abandoned in queue Support"), else missed / not answered / answered; a number
 * the line did not give reads "Number withheld" (or unavailable, unknown), never an empty cell.
 *
 * In German the columns are named in German and separated by `;` (German Excel's list
 * separator: with commas it reads one column); times are local, with their offset
 * (`2026-12-06T08:55:42+01:00`), because agents read local time.
 */
import { CALL_WORDS, outcomeText, presentationText } from '../contract/call-words.js';
import type { JournalRecord } from '../contract/journal-record.js';

const COLUMNS = [
  'started',
  'answered',
  'ended',
  'direction',
  'outcome',
  'handled',
  'handledAt',
  'handledBy',
  'number',
  'e164',
  'callerName',
  'contact',
  'company',
  'directory',
  'queue',
  'seconds',
  'note',
  'cause',
  'line',
  'id',
] as const;
type Column = (typeof COLUMNS)[number];

type Outcome = 'blocked' | 'missed' | 'not answered' | 'answered';

interface CsvWords {
  readonly separator: string;
  readonly columns: Readonly<Record<Column, string>>;
  readonly values: Readonly<Record<Outcome | 'incoming' | 'outgoing' | 'yes' | 'no', string>>;
}

const WORDS: Readonly<Record<'en' | 'de', CsvWords>> = {
  en: {
    separator: ',',
    columns: {
      started: 'started',
      answered: 'answered',
      ended: 'ended',
      direction: 'direction',
      outcome: 'outcome',
      handled: 'handled',
      handledAt: 'handled at',
      handledBy: 'handled by',
      number: 'number',
      e164: 'e164',
      callerName: 'caller ID name',
      contact: 'contact',
      company: 'company',
      directory: 'directory',
      queue: 'queue',
      seconds: 'seconds',
      note: 'note',
      cause: 'cause',
      line: 'line',
      id: 'id',
    },
    values: {
      incoming: 'incoming',
      outgoing: 'outgoing',
      blocked: 'blocked',
      missed: 'missed',
      'not answered': 'not answered',
      answered: 'answered',
      yes: 'yes',
      no: 'no',
    },
  },
  de: {
    separator: ';',
    columns: {
      started: 'Beginn',
      answered: 'Angenommen',
      ended: 'Ende',
      direction: 'Richtung',
      outcome: 'Ergebnis',
      handled: 'Erledigt',
      handledAt: 'Erledigt am',
      handledBy: 'Erledigt von Leitung',
      number: 'Nummer',
      e164: 'E.164',
      callerName: 'Anzeigename',
      contact: 'Kontakt',
      company: 'Firma',
      directory: 'Verzeichnis',
      queue: 'Warteschlange',
      seconds: 'Sekunden',
      note: 'Notiz',
      cause: 'Grund',
      line: 'Leitung',
      id: 'ID',
    },
    values: {
      incoming: 'eingehend',
      outgoing: 'ausgehend',
      blocked: 'gesperrt',
      missed: 'verpasst',
      'not answered': 'nicht angenommen',
      answered: 'angenommen',
      yes: 'ja',
      no: 'nein',
    },
  },
};

export interface CsvOptions {
  /** The UI language: column names, words and list separator (default English, `,`). */
  readonly language?: 'en' | 'de';
  /** Minutes east of UTC at a moment (default: this computer's time zone). */
  readonly offsetMinutes?: (epochMs: number) => number;
}

/** The outcome of a call, as the call log shows it. */
export function outcomeOf(record: JournalRecord): Outcome {
  if (record.blocked) return 'blocked';
  if (record.missed) return 'missed';
  return record.answeredAt === null ? 'not answered' : 'answered';
}

/** An ISO 8601 time as local time with its offset, to the second: `2026-12-06T08:55:42+01:00`. */
export function localTime(iso: string, offsetMinutes: (epochMs: number) => number): string {
  const epoch = Date.parse(iso);
  const offset = offsetMinutes(epoch);
  const shifted = new Date(epoch + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${shifted}${sign}${hours}:${minutes}`;
}

/** CSV text (UTF-8 with a BOM, so spreadsheets read umlauts right) for `records`. */
export function journalCsv(records: readonly JournalRecord[], options: CsvOptions = {}): string {
  const language = options.language ?? 'en';
  const words = WORDS[language];
  const offset = options.offsetMinutes ?? ((epochMs: number) => -new Date(epochMs).getTimezoneOffset());
  const time = (iso: string | null | undefined) => (iso == null ? '' : localTime(iso, offset));
  const separator = words.separator;
  const rows = records.map((record) => {
    const seconds =
      record.answeredAt === null
        ? ''
        : String(
            Math.max(0, Math.round((Date.parse(record.endedAt) - Date.parse(record.answeredAt)) / 1000)),
          );
    const cells: Record<Column, string> = {
      started: time(record.startedAt),
      answered: time(record.answeredAt),
      ended: time(record.endedAt),
      direction: words.values[record.direction],
      outcome:
        record.outcome === undefined
          ? words.values[outcomeOf(record)]
          : outcomeText(record.outcome, CALL_WORDS[language]),
      handled: record.missed ? words.values[record.handled ? 'yes' : 'no'] : '',
      handledAt: time(record.handledAt),
      handledBy: record.handledBy ?? '',
      number: numberCell(record, language),
      e164: record.number.e164 ?? '',
      callerName: record.remoteName ?? '',
      contact: record.contact?.name ?? '',
      company: record.contact?.company ?? '',
      directory: record.contact?.directory ?? '',
      queue: record.queue ?? '',
      seconds,
      note: record.note ?? '',
      cause: record.cause ?? '',
      line: record.line,
      id: record.id,
    };
    return COLUMNS.map((column) => cell(cells[column], separator)).join(separator);
  });
  const header = COLUMNS.map((column) => cell(words.columns[column], separator)).join(separator);
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

/** The number as shown, or what the line said instead of one, in the export's language. */
function numberCell(record: JournalRecord, language: 'en' | 'de'): string {
  const presentation = record.number.display === '' ? 'unknown' : record.presentation;
  return presentationText(presentation, CALL_WORDS[language]) ?? record.number.display;
}

function cell(value: string, separator: string): string {
  // Only `+` and digits is a number, never a formula: it stays clean for the E.164 column.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^\+\d+$/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
