/** `ringdesk journal export`: the call journal (and, with --archive, its archive) as a CSV file. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { journalCsv } from '../../journal/journal-csv.js';
import { journalRecordSchema, type JournalRecord } from '../../contract/journal-record.js';
import { userDataDir } from '../../settings/settings-paths.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const journal: Command = {
  summary: 'export the call journal as CSV (journal export --output FILE)',
  usage: 'journal export --output FILE [--archive] [--demo | --data DIR]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      output: { type: 'string' },
      archive: { type: 'boolean' },
      demo: { type: 'boolean' },
      data: { type: 'string' },
    });
    if (positionals[0] !== 'export' || positionals.length > 1) throw new UsageError('say "journal export"');
    if (values.output === undefined) throw new UsageError('--output FILE is required');
    const home = userDataDir(context.io);
    const dataDir = values.data ?? (values.demo === true ? path.join(home, 'demo') : home);
    const file = path.join(dataDir, 'journal.jsonl');
    const records = [
      ...(values.archive === true ? await readRecords(file.replace(/\.jsonl$/, '-archive.jsonl')) : []),
      ...(await readRecords(file)),
    ];
    await writeFile(values.output, journalCsv(records), { mode: 0o600 });
    context.emit({ file: path.resolve(values.output), records: records.length });
    return 0;
  },
};

/** The records of a journal file (handled marks applied; damaged lines skipped). */
async function readRecords(file: string): Promise<JournalRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const records: JournalRecord[] = [];
  const handled = new Set<string>();
  for (const line of text.split('\n')) {
    try {
      const value = JSON.parse(line) as unknown;
      const record = journalRecordSchema.safeParse(value);
      if (record.success) records.push(record.data);
      else if (
        value !== null &&
        typeof value === 'object' &&
        'handled' in value &&
        typeof value.handled === 'string'
      )
        handled.add(value.handled);
    } catch {
      // a torn or damaged line: the journal itself reports it when it opens
    }
  }
  return records.map((record) => (handled.has(record.id) ? { ...record, handled: true } : record));
}

export default journal;
