/**
 * Checks one directory on its own: opens it (reads the file, binds and syncs, calls the API),
 * counts its contacts, optionally asks it for a number, closes it. `ringdesk directory test`
 * and the wizard's "Test" button both use it.
 */
import type { Settings } from './settings/load-settings.js';
import type { DirectorySettings } from './settings/settings-schema.js';
import { directoryName, openDirectory } from './open-directories.js';

export interface DirectoryCheck {
  readonly directory: string;
  readonly type: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly warnings: readonly string[];
}

/**
 * Checks one directory. An address book file that gives no contact and only problems fails
 * (a text file that is no vCard, a CSV without a usable row): "ok, 0 contacts" would hide it.
 * An empty file without problems is an empty book, and passes.
 */
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
      if (isAddressBook(entry) && contacts.length === 0 && warnings.length > 0)
        return { directory: name, type: entry.type, ok: false, detail: unreadable(warnings), warnings };
      const found = e164 === null ? null : await opened.lookup(e164);
      warnings.push(...((await opened.notes?.()) ?? []));
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

function isAddressBook(entry: DirectorySettings): boolean {
  return entry.type === 'csv' || entry.type === 'vcard';
}

function unreadable(warnings: readonly string[]): string {
  const count = warnings.length === 1 ? 'one problem' : `${warnings.length} problems`;
  return `no contact could be read, ${count}; the first: ${warnings[0] ?? ''}`;
}
