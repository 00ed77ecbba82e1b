import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';
import { CallJournal } from './call-journal.js';
import type { JournalRecord } from './journal-record.js';

const tempDir = useTempDir();

function record(id: string, missed = false): JournalRecord {
  return {
    id,
    callId: `sim-${id}`,
    direction: 'incoming',
    line: '12',
    number: {
      raw: '0211 5551234',
      e164: '+492115551234',
      display: '0211 5551234',
      kind: 'local',
      dialable: '05551234',
    },
    contact: missed ? null : { name: 'Ann', company: null, directory: 'Book', id: '1' },
    startedAt: '2026-11-23T09:00:00.000Z',
    answeredAt: missed ? null : '2026-11-23T09:00:05.000Z',
    endedAt: '2026-11-23T09:01:00.000Z',
    missed,
    blocked: false,
    cause: 'normalClearing',
  };
}

const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

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
    const journal = await CallJournal.open(file, (message) => warnings.push(message));
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
    const journal = await CallJournal.open(file, (message) => warnings.push(message));
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
