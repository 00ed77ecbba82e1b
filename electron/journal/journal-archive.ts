/**
 * The call journal's archive (`journal-archive.jsonl`): where records beyond the journal's
 * retention go, one JSON line each, appended and flushed before the journal drops them.
 *
 * Invariants:
 * - A record MUST be whole in the archive before the journal drops it; so a torn last line of
 *   the archive is always a copy of a record the journal still holds, and is cut.
 * - A record MUST NOT be archived twice, also after a roll a crash cut short.
 */
import { appendFile, open, stat, truncate } from 'node:fs/promises';
import type { JournalRecord } from '../contract/journal-record.js';

/** Appends the records of `old` the archive does not hold yet, and flushes the archive to disk. */
export async function archiveRecords(archiveFile: string, old: readonly JournalRecord[]): Promise<void> {
  // Read back at least as far as this roll could have written before a crash cut it short.
  const written = old.reduce((bytes, record) => bytes + Buffer.byteLength(JSON.stringify(record)) + 1, 0);
  const archived = await archiveTail(archiveFile, Math.max(256 * 1024, written + 8 * 1024));
  const fresh = old.filter((record) => !archived.ids.has(record.id));
  if (fresh.length === 0) return;
  // A torn last line is cut, and the records follow whole; a whole last line without its line
  // break gets one.
  if (archived.wholeBytes !== null) await truncate(archiveFile, archived.wholeBytes);
  const text = fresh.map((record) => `${JSON.stringify(record)}\n`).join('');
  await appendFile(archiveFile, archived.unended ? `\n${text}` : text, { mode: 0o600 });
  const archive = await open(archiveFile, 'r+');
  await archive.datasync();
  await archive.close();
}

/**
 * The ids of the whole records in the last `window` bytes of the archive (what a roll interrupted
 * by a crash already moved: the window is at least as large as that roll), and what to do with a last line that has no line break: when it is no
 * whole JSON value (a crash during the append) the length of the archive without it
 * (`wholeBytes`), else `unended`. A torn record MUST NOT count as archived: the journal keeps
 * every record until the archive holds it whole, so the torn copy is cut and archived again.
 */
async function archiveTail(
  archive: string,
  window: number,
): Promise<{ ids: Set<string>; wholeBytes: number | null; unended: boolean }> {
  const ids = new Set<string>();
  const tail = { wholeBytes: null as number | null, unended: false };
  try {
    const { size } = await stat(archive);
    const handle = await open(archive, 'r');
    try {
      const length = Math.min(size, window);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const lastBreak = buffer.lastIndexOf(0x0a);
      const whole = lastBreak + 1;
      const lines = buffer.subarray(0, whole).toString('utf8').split('\n');
      // A tail that is no whole line, within the window read (a record is a few KiB at most).
      if (whole < length && (lastBreak >= 0 || length === size)) {
        const last = buffer.subarray(whole).toString('utf8');
        if (parsesWhole(last)) {
          tail.unended = true;
          lines.push(last);
        } else tail.wholeBytes = size - length + whole;
      }
      for (const line of lines) {
        const id = /^\{"id":"([^"]+)"/.exec(line)?.[1];
        if (id !== undefined) ids.add(id);
      }
    } finally {
      await handle.close();
    }
  } catch {
    // no archive yet
  }
  return { ids, ...tail };
}

function parsesWhole(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
