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
      '\uFEFFstarted,answered,ended,direction,outcome,handled,handled at,handled by,number,e164,caller ID name,contact,company,directory,queue,seconds,note,cause,line,id',
    );
    expect(lines[1]).toBe(
      '2026-11-23T10:00:00+01:00,2026-11-23T10:00:05+01:00,2026-11-23T10:01:35+01:00,incoming,answered,,,,0211 5551234,+492115551234,,"Müller, Hans","ACME ""Tools""",Book,,90,,normalClearing,12,r1',
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
      '\uFEFFBeginn;Angenommen;Ende;Richtung;Ergebnis;Erledigt;Erledigt am;Erledigt von Leitung;Nummer;E.164;Anzeigename;Kontakt;Firma;Verzeichnis;Warteschlange;Sekunden;Notiz;Grund;Leitung;ID',
    );
    expect(row).toBe(
      '2026-11-23T10:00:00+01:00;;2026-11-23T10:01:35+01:00;eingehend;verpasst;ja;2026-07-01T14:30:00+02:00;12;0211 5551234;+492115551234;;Müller, Hans;"ACME ""Tools""";Book;;;"Ruft wegen Rechnung an; bitte zurückrufen";normalClearing;12;r1',
    );
  });

  it('says what the line reported became of a call, who called by name, the queue, and a withheld number', () => {
    const number = { raw: '', e164: null, display: 'Number withheld', kind: 'unknown', dialable: '' };
    const call = { ...base, contact: null }; // no quoted cells: the test splits rows at the separator
    const records: JournalRecord[] = [
      {
        ...call,
        id: 'a',
        answeredAt: null,
        outcome: { kind: 'answeredElsewhere', by: { name: 'Anna', number: '7003' } },
      },
      {
        ...call,
        id: 'b',
        answeredAt: null,
        outcome: { kind: 'rejected', reason: 'busy' },
        remoteName: 'ACME Hotline',
      },
      {
        ...call,
        id: 'c',
        answeredAt: null,
        outcome: { kind: 'abandoned', queue: 'Support' },
        queue: 'Support',
      },
      { ...call, id: 'd', answeredAt: null, missed: true, contact: null, number, presentation: 'withheld' },
    ];
    const column = (csv: string, name: string, separator: string) => {
      const [header = '', ...rows] = csv.replace('\uFEFF', '').trim().split('\r\n');
      const at = header.split(separator).indexOf(name);
      return rows.map((row) => row.split(separator)[at]);
    };
    const english = journalCsv(records);
    expect(column(english, 'outcome', ',')).toEqual([
      'Answered by Anna (7003)',
      'Rejected: busy',
      'Abandoned in queue Support',
      'missed',
    ]);
    expect(column(english, 'caller ID name', ',')).toEqual(['', 'ACME Hotline', '', '']);
    expect(column(english, 'queue', ',')).toEqual(['', '', 'Support', '']);
    expect(column(english, 'number', ',')[3]).toBe('Number withheld');
    expect(column(english, 'e164', ',')[3]).toBe('');
    const german = journalCsv(records, { language: 'de' });
    expect(column(german, 'Ergebnis', ';')).toEqual([
      'Angenommen von Anna (7003)',
      'Abgewiesen: besetzt',
      'In Warteschlange Support aufgelegt',
      'verpasst',
    ]);
    expect(column(german, 'Nummer', ';')[3]).toBe('Rufnummer unterdrückt');
  });

  it('writes negative offsets too', () => {
    expect(localTime('2026-01-05T02:00:00.000Z', () => -300)).toBe('2026-01-04T21:00:00-05:00');
    expect(localTime('2026-01-05T02:00:00.000Z', () => 330)).toBe('2026-01-05T07:30:00+05:30');
  });
});
