/**
 * The journal survives a crash: a process appending a burst of calls is killed (SIGKILL) at
 * arbitrary moments, restarted each time, and afterwards every call it had acknowledged is there,
 * every line parses, and nothing is duplicated — with the journal rolling into its archive while
 * the kills happen.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';
import { CallJournal } from './call-journal.js';

const script = fileURLToPath(new URL('../test-support/journal-burst.ts', import.meta.url));
const tempDir = useTempDir();

/** Runs a burst and kills it after `killAfterAcks` acknowledgements; returns the acknowledged ids. */
function burstAndKill(file: string, prefix: string, killAfterAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, file, '400', '50', prefix], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffer = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length >= killAfterAcks) child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(acked);
      else reject(new Error(`burst exited with ${String(code)}: ${errors}`));
    });
  });
}

function idsIn(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .flatMap((line) => {
      const value = JSON.parse(line) as { id?: string };
      return value.id === undefined ? [] : [value.id];
    });
}

describe('the journal after a crash', () => {
  it('keeps every acknowledged call, parses, and holds nothing twice', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const acknowledged: string[] = [];
    for (const [round, killAfter] of [7, 61, 13, 120, 2, 88].entries()) {
      acknowledged.push(...(await burstAndKill(file, `round${round}`, killAfter)));
      const journal = await CallJournal.open(file, { retention: 50 });
      const all = [...idsIn(journal.archiveFile), ...journal.all().map((record) => record.id)];
      expect(new Set(all).size, `round ${round}: no duplicates`).toBe(all.length);
      for (const id of acknowledged) expect(all, `round ${round}`).toContain(id);
      await journal.close();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(7 + 61 + 13 + 120 + 2 + 88);
  }, 120_000);
});
