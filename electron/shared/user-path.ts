/**
 * A file path as a person writes it in the settings: relative to the settings file's folder, or
 * starting with `~` for the home folder (`~/Documents/book.csv`), as people type it on Linux and
 * macOS and as Windows' PowerShell understands it too. `~user` (another user's home) is not
 * expanded: it stays a name relative to the folder.
 */
import os from 'node:os';
import path from 'node:path';

/** True when `value` starts at the home folder (`~`, `~/…`, `~\…`). */
export function startsAtHome(value: string): boolean {
  return value === '~' || value.startsWith('~/') || value.startsWith('~\\');
}

/** The absolute path `value` names, from `folder` (relative) or the home folder (`~`). */
export function resolveUserPath(folder: string, value: string, home: string = os.homedir()): string {
  if (startsAtHome(value)) return path.join(home, value.slice(2));
  return path.resolve(folder, value);
}
