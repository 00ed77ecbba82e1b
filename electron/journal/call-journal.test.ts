import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';
import { CallJournal } from './call-journal.js';
import type { JournalRecord } from '../contract/journal-record.js';
import { journalRecord } from '../test-support/journal-records.js';

const tempDir = useTempDir();

function record(id: string, missed = false): JournalRecord {
  return journalRecord({
    id,
    callId: `sim-${id}`,
    contact: missed ? null : { name: 'Ann', company: null, directory: 'Book', id: '1' },
    answeredAt: missed ? null : '2026-11-23T09:00:05.000Z',
    missed,
  });
}

const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

/** The records `ids` as journal lines, each ended by a line break. */
const jsonLines = (...ids: string[]) => ids.map((id) => `${JSON.stringify(record(id))}\n`).join('');

/** The twelve calls a..l: with a retention of 10, a and b roll into the archive. */
const TWELVE = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];

describe('CallJournal', () => {
  it('appends one JSON line per call and reads them back after a restart, newest first', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const journal = await CallJournal.open(file);
    await Promise.all([
      journal.append(record('a')),
      journal.append(record('b', true)),
      journal.append(record('c')),
    ]);
    expect(linesOf(file).map((line) => (JSON.parse(line) as JournalRecord).id)).toEqual(['a', 'b', 'c']);
    await journal.close();

    const again = await CallJournal.open(file);
    expect(again.recent().map((each) => each.id)).toEqual(['c', 'b', 'a']);
    expect(again.find('b')?.missed).toBe(true);
    await again.close();
  });

  it('cuts off a line torn by a crash, so the file parses and new lines stay whole', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    writeFileSync(file, `${JSON.stringify(record('a'))}\n{"id":"b","callId":"si`);
    const warnings: string[] = [];
    const journal = await CallJournal.open(file, { onWarning: (message) => warnings.push(message) });
    await journal.append(record('c'));
    await journal.close();
    expect(linesOf(file).map((line) => (JSON.parse(line) as JournalRecord).id)).toEqual(['a', 'c']);
    expect(warnings[0]).toMatch(/incomplete last line/);
  });

  it('keeps a complete last line that only lacks its newline', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    writeFileSync(file, JSON.stringify(record('a')));
    const journal = await CallJournal.open(file);
    await journal.append(record('b'));
    await journal.close();
    expect(linesOf(file).map((line) => (JSON.parse(line) as JournalRecord).id)).toEqual(['a', 'b']);
  });

  it('skips a damaged line in the middle with a warning and never deletes it', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    writeFileSync(file, `${JSON.stringify(record('a'))}\nnot json\n`);
    appendFileSync(
      file,
      `${JSON.stringify({ ...record('b'), direction: 'sideways' })}\n${JSON.stringify(record('c'))}\n`,
    );
    const warnings: string[] = [];
    const journal = await CallJournal.open(file, { onWarning: (message) => warnings.push(message) });
    expect(journal.recent().map((each) => each.id)).toEqual(['c', 'a']);
    expect(warnings).toEqual([
      'journal.jsonl:2: not a journal record; skipped',
      'journal.jsonl:3: not a journal record; skipped',
    ]);
    await journal.close();
    expect(linesOf(file)).toHaveLength(4);
  });

  it('refuses a malformed record instead of writing it', async () => {
    const journal = await CallJournal.open(path.join(tempDir(), 'j.jsonl'));
    await expect(journal.append({ ...record('a'), startedAt: 'yesterday' })).rejects.toThrow();
    expect(journal.recent()).toEqual([]);
    await journal.close();
  });
});

describe('CallJournal: handled calls and retention', () => {
  it('marks a missed call handled with an appended line, kept across a restart', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const journal = await CallJournal.open(file);
    await journal.append(record('a', true));
    expect(await journal.markHandled('a', new Date('2026-11-23T10:00:00Z'))).toMatchObject({
      id: 'a',
      handled: true,
    });
    await expect(journal.markHandled('nope', new Date())).rejects.toThrow(/no such call/);
    await journal.close();
    expect(linesOf(file)).toHaveLength(2);
    const again = await CallJournal.open(file);
    expect(again.find('a')?.handled).toBe(true);
    await again.close();
  });

  it('records who handled a missed call and when, kept across a restart', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const journal = await CallJournal.open(file);
    await journal.append(record('a', true));
    await journal.markHandled('a', new Date('2026-11-23T10:00:00Z'), '12');
    await journal.close();
    const again = await CallJournal.open(file);
    expect(again.find('a')).toMatchObject({
      handled: true,
      handledAt: '2026-11-23T10:00:00.000Z',
      handledBy: '12',
    });
    await again.close();
  });

  it('keeps the agent’s note on a call in an appended line; the last one counts, empty removes it', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const journal = await CallJournal.open(file);
    await journal.append(record('a'));
    await journal.append(record('b'));
    expect(await journal.setNote('a', '  Wants a quote for 40 licences ', new Date())).toMatchObject({
      note: 'Wants a quote for 40 licences',
    });
    await journal.setNote('b', 'first', new Date());
    await journal.setNote('b', '', new Date());
    await expect(journal.setNote('nope', 'x', new Date())).rejects.toThrow(/no such call/);
    await expect(journal.setNote('a', 'x'.repeat(2001), new Date())).rejects.toThrow();
    await journal.close();
    expect(linesOf(file)).toHaveLength(5);

    const again = await CallJournal.open(file, { retention: 10 });
    expect(again.find('a')?.note).toBe('Wants a quote for 40 licences');
    expect(again.find('b')).not.toHaveProperty('note');
    await again.close();
  });

  it('keeps notes and handled marks when older calls roll into the archive', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const journal = await CallJournal.open(file, { retention: 10 });
    for (let i = 0; i < 3; i++) await journal.append(record(`old${i}`));
    await journal.append(record('m', true));
    await journal.setNote('m', 'call back after lunch', new Date());
    await journal.markHandled('m', new Date('2026-11-23T10:00:00Z'), '12');
    for (let i = 0; i < 8; i++) await journal.append(record(`new${i}`));
    await journal.close();
    // Opening rolls the two oldest calls out and rewrites the journal without the marker lines.
    const rolled = await CallJournal.open(file, { retention: 10 });
    await rolled.close();
    expect(linesOf(file)).toHaveLength(10);
    const reopened = await CallJournal.open(file, { retention: 10 });
    expect(reopened.find('m')).toMatchObject({
      note: 'call back after lunch',
      handled: true,
      handledBy: '12',
    });
    await reopened.close();
  });

  it('keeps the newest calls and rolls older ones into the archive, once each', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'journal.jsonl');
    const journal = await CallJournal.open(file, { retention: 10 });
    for (let i = 0; i < 35; i++) await journal.append(record(`r${String(i).padStart(2, '0')}`));
    await journal.markHandled('r34', new Date());
    await journal.close();
    const reopened = await CallJournal.open(file, { retention: 10 });
    const kept = reopened.all().map((each) => each.id);
    expect(kept).toHaveLength(10);
    expect(kept.at(-1)).toBe('r34');
    const archived = linesOf(reopened.archiveFile).map((line) => (JSON.parse(line) as JournalRecord).id);
    expect([...archived, ...kept]).toEqual(
      Array.from({ length: 35 }, (_, i) => `r${String(i).padStart(2, '0')}`),
    );
    await reopened.close();
  });

  it('cuts a record a crash tore in the archive, and archives it again whole', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'journal.jsonl');
    // A crash in the middle of the archive's append: a whole, then half of b, no line break.
    const archive = path.join(dir, 'journal-archive.jsonl');
    const torn = JSON.stringify(record('b')).slice(0, 30);
    writeFileSync(archive, `${jsonLines('a')}${torn}`);
    writeFileSync(file, jsonLines(...TWELVE));
    const journal = await CallJournal.open(file, { retention: 10 });
    expect(journal.all().map((each) => each.id)).toEqual(['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']);
    // Every line of the archive is whole again: a, then b.
    expect(readFileSync(archive, 'utf8')).toBe(jsonLines('a', 'b'));
    await journal.close();
  });

  it('keeps a whole last record of the archive that only lacks its line break', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'journal.jsonl');
    const archive = path.join(dir, 'journal-archive.jsonl');
    writeFileSync(archive, JSON.stringify(record('x')));
    writeFileSync(file, jsonLines(...TWELVE.slice(0, 11)));
    const journal = await CallJournal.open(file, { retention: 10 });
    expect(readFileSync(archive, 'utf8')).toBe(jsonLines('x', 'a'));
    await journal.close();
  });

  it('never archives a call twice after a large roll was interrupted', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'journal.jsonl');
    // Lowered retention: one roll moves 1,200 calls (about twice the 256 KiB read by default),
    // and a crash came after the archive held them all, before the journal was rewritten.
    const ids = Array.from({ length: 1210 }, (_, i) => `call-${String(i).padStart(4, '0')}`);
    writeFileSync(path.join(dir, 'journal-archive.jsonl'), jsonLines(...ids.slice(0, 1200)));
    writeFileSync(file, jsonLines(...ids));
    expect(Buffer.byteLength(jsonLines(...ids.slice(0, 1200)))).toBeGreaterThan(256 * 1024);
    const journal = await CallJournal.open(file, { retention: 10 });
    expect(journal.all().map((each) => each.id)).toEqual(ids.slice(1200));
    expect(linesOf(journal.archiveFile).map((line) => (JSON.parse(line) as JournalRecord).id)).toEqual(
      ids.slice(0, 1200),
    );
    await journal.close();
  });

  it('never archives a call twice after a roll was interrupted', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'journal.jsonl');
    // A roll cut short: the archive already holds a and b, the journal still does too.
    writeFileSync(path.join(dir, 'journal-archive.jsonl'), jsonLines('a', 'b'));
    writeFileSync(file, jsonLines(...TWELVE));
    const journal = await CallJournal.open(file, { retention: 10 });
    expect(journal.all().map((each) => each.id)).toEqual(['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']);
    expect(linesOf(journal.archiveFile).map((line) => (JSON.parse(line) as JournalRecord).id)).toEqual([
      'a',
      'b',
    ]);
    await journal.close();
  });
});
