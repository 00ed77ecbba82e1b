import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir.js';
import { listFiles, MAX_FILES } from './list-files.js';

const tempDir = useTempDir();

describe('listFiles', () => {
  it('lists the address books of one kind in the folder typed, or in the folder of a file typed', async () => {
    const dir = tempDir({ 'b.csv': '', 'A.CSV': '', 'people.vcf': '', 'notes.md': '', 'c.txt': '' });
    mkdirSync(path.join(dir, 'sub.csv'));
    expect(await listFiles('/', dir, 'csv')).toEqual({
      folder: dir,
      files: [path.join(dir, 'A.CSV'), path.join(dir, 'b.csv'), path.join(dir, 'c.txt')],
      more: false,
    });
    expect(await listFiles('/', path.join(dir, 'b.csv'), 'vcard')).toEqual({
      folder: dir,
      files: [path.join(dir, 'people.vcf')],
      more: false,
    });
  });

  it('reads relative paths from the settings file’s folder, as the settings do', async () => {
    const dir = tempDir({ 'book.csv': '' });
    expect(await listFiles(dir, '', 'csv')).toMatchObject({
      folder: dir,
      files: [path.join(dir, 'book.csv')],
    });
    expect(await listFiles(dir, 'book.csv', 'csv')).toMatchObject({ folder: dir });
  });

  it('says plainly when there is no such folder, and caps a long list', async () => {
    const dir = tempDir(
      Object.fromEntries(
        Array.from({ length: MAX_FILES + 5 }, (_, index) => [`${String(index).padStart(3, '0')}.csv`, '']),
      ),
    );
    expect(await listFiles('/', path.join(dir, 'gone', 'x.csv'), 'csv')).toEqual({
      error: `there is no folder ${path.join(dir, 'gone')}`,
    });
    const long = await listFiles('/', dir, 'csv');
    expect('files' in long && long.files.length).toBe(MAX_FILES);
    expect('more' in long && long.more).toBe(true);
  });
});
