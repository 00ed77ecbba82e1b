/**
 * One call as the journal records it, for tests of what reads the journal (the journal itself,
 * its CSV, the call log's filter, the missed-call notification): an answered incoming call from a
 * known contact in Düsseldorf, with `overrides` on top.
 */
import type { JournalRecord } from '../contract/journal-record.js';

export function journalRecord(overrides: Partial<JournalRecord> = {}): JournalRecord {
  return {
    id: 'r1',
    callId: 'c1',
    direction: 'incoming',
    line: '12',
    number: {
      raw: '0211 5551234',
      e164: '+492115551234',
      display: '0211 5551234',
      kind: 'local',
      dialable: '05551234',
    },
    contact: { name: 'Anna Becker', company: 'ACME', directory: 'Book', id: 'a' },
    startedAt: '2026-11-23T09:00:00.000Z',
    answeredAt: '2026-11-23T09:00:05.000Z',
    endedAt: '2026-11-23T09:01:00.000Z',
    missed: false,
    blocked: false,
    handled: false,
    cause: 'normalClearing',
    ...overrides,
  };
}

/** The same call, missed: not answered, no cause. */
export function missedRecord(overrides: Partial<JournalRecord> = {}): JournalRecord {
  return journalRecord({ answeredAt: null, missed: true, cause: null, ...overrides });
}
