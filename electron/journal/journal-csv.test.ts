import { describe, expect, it } from 'vitest';
import { journalCsv, localTime } from './journal-csv.js';
import type { JournalRecord } from '../contract/journal-record.js';
import { journalRecord } from '../test-support/journal-records.js';

const base: JournalRecord = journalRecord({
  contact: { name: 'Müller, Hans', company: 'ACME "Tools"', directory: 'Book', id: '1' },
  endedAt: '2026-11-23T09:01:35.000Z',
});

/** Central European time: +1 h in November, +2 h in summer. */
const berlin = (epochMs: number) =>
  new Date(epochMs).getUTCMonth() >= 3 && new Date(epochMs).getUTCMonth() < 9 ? 120 : 60;

describe('journalCsv', () => {
  it('writes a header and one quoted row per call, local times with their offset', () => {
    const lines = journalCsv(
      [base, { ...base, id: 'r2', missed: true, answeredAt: null, handled: true, contact: null }],
      { offsetMinutes: berlin },
    ).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFstarted,answered,ended,direction,outcome,handled,handled at,handled by,number,e164,contact,company,directory,seconds,note,cause,line,id',
    );
    expect(lines[1]).toBe(
      '2026-11-23T10:00:00+01:00,2026-11-23T10:00:05+01:00,2026-11-23T10:01:35+01:00,incoming,answered,,,,0211 5551234,+492115551234,"Müller, Hans","ACME ""Tools""",Book,90,,normalClearing,12,r1',
    );
    expect(lines[2]).toContain(',missed,yes,');
  });

  it('keeps the E.164 column clean: only + and digits cannot be a formula', () => {
    const austrian = { ...base, number: { ...base.number, e164: '+4321158800', display: '+43 2115 8800' } };
    const [, row] = journalCsv([austrian]).split('\r\n');
    expect(row).toContain(",'+43 2115 8800,+4321158800,");
  });

  it('keeps a hostile caller ID text in spreadsheets', () => {
    const csv = journalCsv([{ ...base, number: { ...base.number, display: '=HYPERLINK("http://evil")' } }]);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil"")"');
    const plus = journalCsv([{ ...base, note: '+1+cmd|calc' }]);
    expect(plus).toContain(",'+1+cmd|calc,");
  });

  it('speaks German with semicolons, and carries who handled a missed call, when, and the note', () => {
    const missed: JournalRecord = {
      ...base,
      missed: true,
      answeredAt: null,
      handled: true,
      handledAt: '2026-07-01T12:30:00.000Z',
      handledBy: '12',
      note: 'Ruft wegen Rechnung an; bitte zurückrufen',
    };
    const [header, row] = journalCsv([missed], { language: 'de', offsetMinutes: berlin }).split('\r\n');
    expect(header).toBe(
      '\uFEFFBeginn;Angenommen;Ende;Richtung;Ergebnis;Erledigt;Erledigt am;Erledigt von Leitung;Nummer;E.164;Kontakt;Firma;Verzeichnis;Sekunden;Notiz;Grund;Leitung;ID',
    );
    expect(row).toBe(
      '2026-11-23T10:00:00+01:00;;2026-11-23T10:01:35+01:00;eingehend;verpasst;ja;2026-07-01T14:30:00+02:00;12;0211 5551234;+492115551234;Müller, Hans;"ACME ""Tools""";Book;;"Ruft wegen Rechnung an; bitte zurückrufen";normalClearing;12;r1',
    );
  });

  it('writes negative offsets too', () => {
    expect(localTime('2026-01-05T02:00:00.000Z', () => -300)).toBe('2026-01-04T21:00:00-05:00');
    expect(localTime('2026-01-05T02:00:00.000Z', () => 330)).toBe('2026-01-05T07:30:00+05:30');
  });
});
