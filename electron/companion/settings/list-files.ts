/**
 * "Show the files in this folder" for a browser, which has no file dialog that gives the host a
 * path: the files of one kind in the folder a settings path names (or in the folder of a file it
 * names), read as the settings read paths (`~` is the home folder, relative to the settings
 * file). Names only: no content, no other kind, no sub-folders; the API that asks has the host's
 * key, which may change the settings anyway.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileKind } from '../../contract/channels.js';
import { resolveUserPath } from '../../shared/user-path.js';

const EXTENSIONS: Readonly<Record<FileKind, readonly string[]>> = {
  csv: ['.csv', '.txt'],
  vcard: ['.vcf', '.vcard'],
};

/** At most this many names come back (`more` says there were others). */
export const MAX_FILES = 200;

export type FileList =
  | { readonly folder: string; readonly files: readonly string[]; readonly more: boolean }
  | { readonly error: string };

/** The matching files (full paths, sorted) in the folder `typed` names, or why there are none. */
export async function listFiles(settingsFolder: string, typed: string, kind: FileKind): Promise<FileList> {
  const named = resolveUserPath(settingsFolder, typed.trim() === '' ? '.' : typed.trim());
  const info = await stat(named).catch(() => null);
  const folder = info?.isDirectory() === true ? named : path.dirname(named);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error:
        code === 'ENOENT'
          ? `there is no folder ${folder}`
          : code === 'EACCES' || code === 'EPERM'
            ? `the folder ${folder} cannot be read`
            : `${folder} is not a folder`,
    };
  }
  const wanted = EXTENSIONS[kind];
  const files = entries
    .filter((entry) => entry.isFile() && wanted.includes(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.join(folder, entry.name))
    .sort((a, b) => a.localeCompare(b));
  return { folder, files: files.slice(0, MAX_FILES), more: files.length > MAX_FILES };
}
