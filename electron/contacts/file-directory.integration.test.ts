/** A real address book file on disk, watched for changes as a user edits it. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DUESSELDORF } from '../test-support/rules.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { FileDirectory, MAX_ADDRESS_BOOK_BYTES, readAddressBookFile } from './file-directory.js';

const tempDir = useTempDir();
const opened: FileDirectory[] = [];
afterEach(async () => {
  for (const directory of opened.splice(0)) await directory.close();
});

async function open(file: string, type: 'csv' | 'vcard', warnings: string[] = []) {
  const directory = await new FileDirectory({
    type,
    path: file,
    rules: DUESSELDORF,
    debounceMs: 20,
    onWarning: (message) => warnings.push(message),
  }).open();
  opened.push(directory);
  return directory;
}

function nextReload(directory: FileDirectory): Promise<number> {
  return new Promise((resolve) => {
    const stop = directory.onReload((count) => {
      stop();
      resolve(count);
    });
  });
}

const names = async (directory: FileDirectory, e164: string) =>
  (await directory.lookup(e164)).map((contact) => contact.name);

describe('FileDirectory', () => {
  it('answers from the file and re-reads it when it changes', async () => {
    const dir = tempDir({ 'book.csv': 'Name,Phone\nAnna,0211 5551234\n' });
    const file = path.join(dir, 'book.csv');
    const directory = await open(file, 'csv');
    expect(directory.name).toBe('book.csv');
    expect(await names(directory, '+492115551234')).toEqual(['Anna']);

    const reloaded = nextReload(directory);
    writeFileSync(file, 'Name,Phone\nAnna,0211 5551234\nBerta,0211 5551234\n');
    expect(await reloaded).toBe(2);
    expect(await names(directory, '+492115551234')).toEqual(['Anna', 'Berta']);
  });

  it('follows an editor that replaces the file by renaming a new one over it', async () => {
    const dir = tempDir({ 'book.vcf': 'BEGIN:VCARD\nFN:Old\nTEL:0211 1\nEND:VCARD\n' });
    const file = path.join(dir, 'book.vcf');
    const directory = await open(file, 'vcard');
    const reloaded = nextReload(directory);
    writeFileSync(path.join(dir, '.book.vcf.tmp'), 'BEGIN:VCARD\nFN:New\nTEL:0211 1\nEND:VCARD\n');
    renameSync(path.join(dir, '.book.vcf.tmp'), file);
    await reloaded;
    expect(await names(directory, '+492111')).toEqual(['New']);
  });

  it('keeps the last good contacts when the file disappears, and warns', async () => {
    const dir = tempDir({ 'book.csv': 'Name,Phone\nAnna,0211 5551234\n' });
    const file = path.join(dir, 'book.csv');
    const warnings: string[] = [];
    const directory = await open(file, 'csv', warnings);
    rmSync(file);
    await expect.poll(() => warnings.join('\n'), { timeout: 3000 }).toMatch(/kept the previous contacts/);
    expect(await names(directory, '+492115551234')).toEqual(['Anna']);
  });

  it('refuses to open a file that cannot be read', async () => {
    const dir = tempDir();
    await expect(
      new FileDirectory({ type: 'csv', path: path.join(dir, 'none.csv'), rules: DUESSELDORF }).open(),
    ).rejects.toThrow(/ENOENT/);
  });

  it('refuses a device that never ends and a file over the size cap, without reading it whole', async () => {
    await expect(
      new FileDirectory({ type: 'csv', path: '/dev/zero', rules: DUESSELDORF, watch: false }).open(),
    ).rejects.toThrow(/zero is not a regular file/);
    const dir = tempDir();
    const big = path.join(dir, 'big.csv');
    writeFileSync(big, `Name,Phone\n${'Anna,0211 5551234\n'.repeat(4000)}`);
    await expect(
      readAddressBookFile({ type: 'csv', path: big, rules: DUESSELDORF }, 64 * 1024),
    ).rejects.toThrow(/big\.csv is larger than 64 KiB: split it, or use a directory server/);
    const read = await readAddressBookFile({ type: 'csv', path: big, rules: DUESSELDORF }, 1024 * 1024);
    expect(read.contacts).toHaveLength(4000);
    expect(MAX_ADDRESS_BOOK_BYTES).toBe(64 * 1024 * 1024);
  });
});
