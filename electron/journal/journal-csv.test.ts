import { describe, expect, it } from 'vitest';
import { journalCsv } from './journal-csv.js';
import type { JournalRecord } from '../contract/journal-record.js';

const base: JournalRecord = {
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
  contact: { name: 'Müller, Hans', company: 'ACME "Tools"', directory: 'Book', id: '1' },
  startedAt: '2026-11-23T09:00:00.000Z',
  answeredAt: '2026-11-23T09:00:05.000Z',
  endedAt: '2026-11-23T09:01:35.000Z',
  missed: false,
  blocked: false,
  handled: false,
  cause: 'normalClearing',
};

describe('journalCsv', () => {
  it('writes a header and one quoted row per call, with the outcome and duration', () => {
    const lines = journalCsv([
      base,
      { ...base, id: 'r2', missed: true, answeredAt: null, handled: true, contact: null },
    ]).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFstarted,answered,ended,direction,outcome,handled,number,e164,contact,company,directory,seconds,cause,line,id',
    );
    expect(lines[1]).toBe(
      '2026-11-23T09:00:00.000Z,2026-11-23T09:00:05.000Z,2026-11-23T09:01:35.000Z,incoming,answered,,0211 5551234,\'+492115551234,"Müller, Hans","ACME ""Tools""",Book,90,normalClearing,12,r1',
    );
    expect(lines[2]).toContain(',missed,yes,');
  });

  it('keeps a hostile caller ID text in spreadsheets', () => {
    const csv = journalCsv([{ ...base, number: { ...base.number, display: '=HYPERLINK("http://evil")' } }]);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil"")"');
  });
});
