/**
 * The call log as CSV for a spreadsheet: one row per call, a header row, every cell quoted as
 * needed, and cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the
 * start) prefixed with `'`, so a caller ID like `=HYPERLINK(...)` stays text.
 */
import type { JournalRecord } from '../contract/journal-record.js';

const COLUMNS = [
  'started',
  'answered',
  'ended',
  'direction',
  'outcome',
  'handled',
  'number',
  'e164',
  'contact',
  'company',
  'directory',
  'seconds',
  'cause',
  'line',
  'id',
] as const;

/** The outcome of a call, as the call log shows it. */
export function outcomeOf(record: JournalRecord): string {
  if (record.blocked) return 'blocked';
  if (record.missed) return 'missed';
  return record.answeredAt === null ? 'not answered' : 'answered';
}

/** CSV text (UTF-8 with a BOM, so spreadsheets read umlauts right) for `records`. */
export function journalCsv(records: readonly JournalRecord[]): string {
  const rows = records.map((record) => {
    const seconds =
      record.answeredAt === null
        ? ''
        : String(
            Math.max(0, Math.round((Date.parse(record.endedAt) - Date.parse(record.answeredAt)) / 1000)),
          );
    const cells: Record<(typeof COLUMNS)[number], string> = {
      started: record.startedAt,
      answered: record.answeredAt ?? '',
      ended: record.endedAt,
      direction: record.direction,
      outcome: outcomeOf(record),
      handled: record.missed ? (record.handled ? 'yes' : 'no') : '',
      number: record.number.display,
      e164: record.number.e164 ?? '',
      contact: record.contact?.name ?? '',
      company: record.contact?.company ?? '',
      directory: record.contact?.directory ?? '',
      seconds,
      cause: record.cause ?? '',
      line: record.line,
      id: record.id,
    };
    return COLUMNS.map((column) => cell(cells[column])).join(',');
  });
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
