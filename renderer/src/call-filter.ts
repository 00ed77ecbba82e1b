/** Which calls the call log shows: a filter (missed, incoming, outgoing) and a search. */
import type { JournalRecord } from '../../electron/contract/models.js';

export type Filter = 'all' | 'missed' | 'incoming' | 'outgoing';
export const FILTERS: readonly Filter[] = ['all', 'missed', 'incoming', 'outgoing'];

/** Does the record match the filter and the search text (name, company, note or any form of the number)? */
export function matches(record: JournalRecord, filter: Filter, search: string): boolean {
  if (filter === 'missed' && !record.missed) return false;
  if ((filter === 'incoming' || filter === 'outgoing') && record.direction !== filter) return false;
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  const digits = needle.replace(/[^\d+]/g, '');
  const texts = [record.contact?.name, record.contact?.company, record.note].map((text) =>
    (text ?? '').toLowerCase(),
  );
  const numbers = [record.number.raw, record.number.e164 ?? '', record.number.display].map((text) =>
    text.replace(/[^\d+]/g, ''),
  );
  return (
    texts.some((text) => text.includes(needle)) ||
    (digits.length >= 3 && numbers.some((number) => number.includes(digits)))
  );
}
