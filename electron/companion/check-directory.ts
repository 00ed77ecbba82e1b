/**
 * Checks one directory on its own: opens it (reads the file, binds and syncs, calls the API),
 * counts its contacts, optionally asks it for a number, closes it. `ringdesk directory test`
 * and the wizard's "Test" button both use it.
 */
import type { Settings } from '../settings/load-settings.js';
import type { DirectorySettings } from '../settings/settings-schema.js';
import { directoryName, openDirectory } from './open-directories.js';

export interface DirectoryCheck {
  readonly directory: string;
  readonly type: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly warnings: readonly string[];
}

export async function checkDirectory(
  entry: DirectorySettings,
  settings: Settings,
  env: Readonly<Record<string, string | undefined>>,
  e164: string | null = null,
): Promise<DirectoryCheck> {
  const name = directoryName(entry);
  const warnings: string[] = [];
  try {
    const opened = await openDirectory(entry, settings, {
      onWarning: (message) => warnings.push(message),
      watch: false,
      env,
    });
    try {
      const contacts = await opened.list();
      const found = e164 === null ? null : await opened.lookup(e164);
      const detail = `${contacts.length} contact${contacts.length === 1 ? '' : 's'}${found === null ? '' : `; ${found.length} with ${e164 ?? ''}`}`;
      return { directory: name, type: entry.type, ok: true, detail, warnings };
    } finally {
      await opened.close();
    }
  } catch (error) {
    return {
      directory: name,
      type: entry.type,
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
      warnings,
    };
  }
}
