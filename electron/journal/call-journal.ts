/**
 * The call journal: every finished call appended to a JSON-lines file in the data folder.
 *
 * Durability contract: `append()` resolves only once the record's line is written and flushed
 * to disk (fdatasync), so a call reported ended is in the journal even if the process dies the
 * next moment. Appends are serialised, so lines never interleave. On open, a line torn by a
 * crash mid-write is cut off (the file always parses afterwards) and a damaged line elsewhere is
 * skipped with a warning, never deleted.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { journalRecordSchema, type JournalRecord } from './journal-record.js';

export class CallJournal {
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly records: JournalRecord[],
  ) {}

  /** Opens (creating if needed) the journal at `file`, reading what it holds. */
  static async open(
    file: string,
    onWarning: (message: string) => void = () => undefined,
  ): Promise<CallJournal> {
    const { records, keepBytes, needsNewline } = await readJournal(file, onWarning);
    const handle = await open(file, 'a+');
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
    return new CallJournal(handle, records);
  }

  /** Appends `record`; resolves once it is on disk. */
  async append(record: JournalRecord): Promise<void> {
    const line = `${JSON.stringify(journalRecordSchema.parse(record))}\n`;
    const done = this.queue.then(async () => {
      if (this.closed) throw new Error('the call journal is closed');
      await this.handle.write(line);
      await this.handle.datasync();
      this.records.push(record);
    });
    this.queue = done.catch(() => undefined);
    await done;
  }

  /** The newest `limit` records, newest first. */
  recent(limit = 200): JournalRecord[] {
    return this.records.slice(-limit).reverse();
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
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  let keepBytes = Buffer.byteLength(text);
  let needsNewline = false;
  const name = path.basename(file);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = parseRecord(line);
    if (record === null) onWarning(`${name}:${index + 1}: not a journal record; skipped`);
    else records.push(record);
  });
  if (last !== '') {
    const record = parseRecord(last);
    if (record === null) keepBytes -= Buffer.byteLength(last);
    else {
      records.push(record);
      needsNewline = true;
    }
  }
  return { records, keepBytes, needsNewline };
}

function parseRecord(line: string): JournalRecord | null {
  try {
    const result = journalRecordSchema.safeParse(JSON.parse(line));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
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
