/**
 * Reads the public test material in `testdata/` (copied verbatim from the team's shared
 * folder; see testdata/README.md): tab-separated tables whose `#` lines are source notes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `testdata/` folder. */
export const TESTDATA_DIR = fileURLToPath(new URL('../../testdata/', import.meta.url));

/** The rows of a TSV table (without its `#` note lines), each a list of cells. */
export function readTsv(relativePath: string): string[][] {
  const text = readFileSync(path.join(TESTDATA_DIR, relativePath), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** A file of the test material as text. */
export function readTestdata(relativePath: string): string {
  return readFileSync(path.join(TESTDATA_DIR, relativePath), 'utf8');
}
