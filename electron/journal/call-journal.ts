/**
 * The call journal: every finished call appended to a JSON-lines file in the data folder.
 *
 * Durability contract: `append()` resolves only once the record's line is written and flushed
 * to disk (fdatasync), so a call reported ended is in the journal even if the process dies the
 * next moment. Appends are serialised, so lines never interleave. On open, a line torn by a
 * crash mid-write is cut off (the file always parses afterwards) and a damaged line elsewhere is
 * skipped with a warning, never deleted.
 *
 * Marking a missed call as handled, and the agent's note on a call, append a small marker line
 * rather than rewriting (the last note counts). The file
 * keeps the newest `retention` calls; older ones are rolled into `<name>-archive.jsonl` (archive
 * first, then the journal is rewritten atomically, so a crash in between can only leave a call in
 * both files, which the next roll notices and never archives twice).
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { archiveRecords } from './journal-archive.js';
import {
  handledMarkerSchema,
  journalRecordSchema,
  noteMarkerSchema,
  type JournalRecord,
} from '../contract/journal-record.js';

export interface JournalOptions {
  readonly onWarning?: (message: string) => void;
  /** How many calls the journal keeps before rolling the oldest into the archive (default 300). */
  readonly retention?: number;
}

export class CallJournal {
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    private readonly records: JournalRecord[],
    private readonly retention: number,
  ) {}

  /** Opens (creating if needed) the journal at `file`, reading what it holds. */
  static async open(file: string, options: JournalOptions = {}): Promise<CallJournal> {
    const onWarning = options.onWarning ?? (() => undefined);
    const { records, keepBytes, needsNewline } = await readJournal(file, onWarning);
    // Callers' numbers and names: readable by the user only, from the start (and tightened when
    // an older version left it readable by others).
    const handle = await open(file, 'a+', 0o600);
    if (process.platform !== 'win32') await handle.chmod(0o600);
    const { size } = await handle.stat();
    if (keepBytes < size) {
      onWarning(
        `${path.basename(file)}: removed an incomplete last line (${size - keepBytes} bytes) left by a crash`,
      );
      await handle.truncate(keepBytes);
    }
    if (needsNewline) await handle.write('\n');
    await handle.datasync();
    await syncFolder(path.dirname(file));
    const journal = new CallJournal(file, handle, records, options.retention ?? 300);
    if (records.length > journal.retention) await journal.serialised(() => journal.roll());
    return journal;
  }

  /** The archive file beside the journal. */
  get archiveFile(): string {
    return this.file.replace(/(\.jsonl)?$/, '-archive.jsonl');
  }

  /** Appends `record`; resolves once it is on disk. */
  async append(record: JournalRecord): Promise<void> {
    const checked = journalRecordSchema.parse(record);
    await this.serialised(async () => {
      await this.write(`${JSON.stringify(checked)}\n`);
      this.records.push(checked);
      if (this.records.length > this.retention + Math.max(20, Math.ceil(this.retention / 10)))
        await this.roll();
    });
  }

  /**
   * Marks a call as handled (by the agent's line `by`, when given); resolves with the updated
   * record once the mark is on disk.
   */
  async markHandled(id: string, at: Date, by?: string): Promise<JournalRecord> {
    return this.serialised(async () => {
      const index = this.records.findIndex((record) => record.id === id);
      const record = this.records[index];
      if (record === undefined) throw new Error('no such call in the journal');
      if (record.handled) return record;
      const marker = handledMarkerSchema.parse({ handled: id, at: at.toISOString(), by });
      await this.write(`${JSON.stringify(marker)}\n`);
      const updated = withHandled(record, marker);
      this.records[index] = updated;
      return updated;
    });
  }

  /** Sets the agent's note on a call ('' removes it); resolves with the record once on disk. */
  async setNote(id: string, text: string, at: Date): Promise<JournalRecord> {
    return this.serialised(async () => {
      const index = this.records.findIndex((record) => record.id === id);
      const record = this.records[index];
      if (record === undefined) throw new Error('no such call in the journal');
      const marker = noteMarkerSchema.parse({ note: id, text: text.trim(), at: at.toISOString() });
      if ((record.note ?? '') === marker.text) return record;
      await this.write(`${JSON.stringify(marker)}\n`);
      const updated = withNote(record, marker.text);
      this.records[index] = updated;
      return updated;
    });
  }

  /** The newest `limit` records, newest first. */
  recent(limit = 200): JournalRecord[] {
    return this.records.slice(-limit).reverse();
  }

  /** Every record the journal holds, oldest first. */
  all(): readonly JournalRecord[] {
    return this.records;
  }

  /** The record with `id`, if any. */
  find(id: string): JournalRecord | undefined {
    return this.records.find((record) => record.id === id);
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    await this.queue;
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  private async write(line: string): Promise<void> {
    if (this.closed) throw new Error('the call journal is closed');
    await this.handle.write(line);
    await this.handle.datasync();
  }

  /** Moves the oldest records beyond `retention` to the archive, then rewrites the journal. */
  private async roll(): Promise<void> {
    const excess = this.records.length - this.retention;
    if (excess <= 0) return;
    const old = this.records.slice(0, excess);
    await archiveRecords(this.archiveFile, old);
    const kept = this.records.slice(excess);
    await this.handle.close();
    await writeFileAtomic(this.file, kept.map((record) => `${JSON.stringify(record)}\n`).join(''));
    this.handle = await open(this.file, 'a+', 0o600);
    this.records.splice(0, excess);
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const done = this.queue.then(task);
    this.queue = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }
}

async function readJournal(file: string, onWarning: (message: string) => void) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { records: [], keepBytes: 0, needsNewline: false };
    throw error;
  }
  const records: JournalRecord[] = [];
  const handled = new Map<string, HandledMarker>();
  const notes = new Map<string, string>();
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  let keepBytes = Buffer.byteLength(text);
  let needsNewline = false;
  const name = path.basename(file);
  const take = (line: string): boolean => {
    const parsed = parseLine(line);
    if (parsed === null) return false;
    if ('id' in parsed) records.push(parsed);
    else if ('handled' in parsed) handled.set(parsed.handled, parsed);
    else notes.set(parsed.note, parsed.text);
    return true;
  };
  lines.forEach((line, index) => {
    if (line.trim() !== '' && !take(line)) onWarning(`${name}:${index + 1}: not a journal record; skipped`);
  });
  if (last !== '') {
    if (take(last)) needsNewline = true;
    else keepBytes -= Buffer.byteLength(last);
  }
  return {
    records: records.map((record) => {
      const marker = handled.get(record.id);
      const note = notes.get(record.id);
      const done = marker === undefined ? record : withHandled(record, marker);
      return note === undefined ? done : withNote(done, note);
    }),
    keepBytes,
    needsNewline,
  };
}

type HandledMarker = z.infer<typeof handledMarkerSchema>;
type NoteMarker = z.infer<typeof noteMarkerSchema>;

function parseLine(line: string): JournalRecord | HandledMarker | NoteMarker | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const record = journalRecordSchema.safeParse(value);
  if (record.success) return record.data;
  const marker = handledMarkerSchema.safeParse(value);
  if (marker.success) return marker.data;
  const note = noteMarkerSchema.safeParse(value);
  return note.success ? note.data : null;
}

function withHandled(record: JournalRecord, marker: HandledMarker): JournalRecord {
  return {
    ...record,
    handled: true,
    handledAt: marker.at,
    ...(marker.by === undefined ? {} : { handledBy: marker.by }),
  };
}

/** The record with `note` ('' removes the note). */
function withNote(record: JournalRecord, note: string): JournalRecord {
  const rest: JournalRecord = { ...record };
  delete rest.note;
  return note === '' ? rest : { ...rest, note };
}

/** Makes a newly created file's directory entry durable too (no-op where unsupported). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for syncing; its metadata journal covers this.
  }
}
