/**
 * The host file: one per profile (`host.json` in the user-data folder) and one for the demo
 * (`demo/host.json`), so the demo and a real profile never share a key or an address. It holds
 * the profile's API key for as long as the profile exists, and the URL and process of the host
 * while one runs; the CLI reads it to reach the host.
 *
 * Invariants:
 * - The file MUST be readable only by its user (0600, in a 0700 folder): whoever reads it drives
 *   the host. A file others could read is treated as leaked: its key is replaced and reported.
 * - The key MUST NOT change while the file is private, so a browser's cookie and a running CLI
 *   keep working across restarts of the host.
 */
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { isApiKey, newApiKey } from './api-key.js';

/** What the host file holds. */
export interface HostFileContents {
  /** The profile's API key. */
  readonly key: string;
  /** The running host's address (`http://127.0.0.1:5170/`), while one runs. */
  readonly url?: string;
  /** The running host's process id, while one runs. */
  readonly pid?: number;
}

/** The host file of the profile whose data folder is `dataDir` (the demo's data folder is `demo/`). */
export function hostFilePath(dataDir: string): string {
  return path.join(dataDir, 'host.json');
}

/** Reads a host file; null when it is missing, unreadable (another user's) or not a host file. */
export async function readHostFile(file: string): Promise<HostFileContents | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const { key, url, pid } = parsed as Record<string, unknown>;
  if (!isApiKey(key)) return null;
  return {
    key,
    ...(typeof url === 'string' ? { url } : {}),
    ...(typeof pid === 'number' ? { pid } : {}),
  };
}

/**
 * The profile's key: the one in its host file, or a new one (written at once, 0600). A host
 * file that others could read gets a new key, and `onWarning` says so.
 */
export async function ensureHostKey(file: string, onWarning: (message: string) => void): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const existing = await readHostFile(file);
  if (existing !== null && !(await readableByOthers(file))) return existing.key;
  if (existing !== null)
    onWarning(
      `${file} was readable by other users: Ringdesk made a new key, and the old one no longer works`,
    );
  const key = newApiKey();
  await writeHostFile(file, { key });
  return key;
}

/** Writes the host file (0600, atomically). */
export async function writeHostFile(file: string, contents: HostFileContents): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(contents, null, 2)}\n`, 0o600);
  if (process.platform !== 'win32') await chmod(file, 0o600);
}

async function readableByOthers(file: string): Promise<boolean> {
  if (process.platform === 'win32') return false;
  return ((await stat(file)).mode & 0o077) !== 0;
}
