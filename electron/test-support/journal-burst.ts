/**
 * A process that appends a burst of calls to a journal and prints `ack <id>` after each append
 * resolved: the crash test kills it at any moment and checks that every acknowledged call
 * survived. Usage: node --import tsx journal-burst.ts FILE COUNT RETENTION PREFIX
 */
import { CallJournal } from '../journal/call-journal.js';

const [file, count, retention, prefix] = process.argv.slice(2);
const journal = await CallJournal.open(file ?? 'journal.jsonl', { retention: Number(retention ?? 300) });
for (let i = 0; i < Number(count ?? 100); i++) {
  const id = `${prefix ?? 'r'}-${i}`;
  await journal.append({
    id,
    callId: `sim-${i}`,
    direction: 'incoming',
    line: '12',
    number: {
      raw: '0211 5551234',
      e164: '+492115551234',
      display: '0211 5551234',
      kind: 'local',
      dialable: '05551234',
    },
    contact: null,
    startedAt: new Date().toISOString(),
    answeredAt: null,
    endedAt: new Date().toISOString(),
    missed: true,
    blocked: false,
    handled: false,
    cause: 'normalClearing',
  });
  process.stdout.write(`ack ${id}\n`);
}
await journal.close();
