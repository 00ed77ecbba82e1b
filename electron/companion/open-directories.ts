/**
 * Opens the directories the settings list: each by its type, each on its own, so that one that
 * cannot be opened (a missing file, an unreachable server) is reported and the others still
 * work.
 */
import type { Clock } from '../shared/clock.js';
import path from 'node:path';
import type { Directory } from '../contacts/directory.js';
import { FileDirectory } from '../contacts/file-directory.js';
import { createLdapDirectory } from '../contacts/ldap/ldap-directory.js';
import { ldapDirectoryName } from '../contacts/ldap/ldap-settings.js';
import { createRestDirectory } from '../contacts/rest/create-rest-directory.js';
import { resolveRestSettings, restDirectoryName } from '../contacts/rest/rest-settings.js';
import type { ActionTemplates } from '../shared/action-templates.js';
import type { Settings } from './settings/load-settings.js';
import type { DirectorySettings } from './settings/settings-schema.js';

export interface OpenOptions {
  readonly onWarning: (message: string) => void;
  /** The clock for file watching and request timeouts (default: the system's). */
  readonly clock?: Clock;
  /** Re-read files and re-sync servers on change/schedule (default true; false for one-shot commands). */
  readonly watch?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The name a directory is shown with. */
export function directoryName(entry: DirectorySettings): string {
  switch (entry.type) {
    case 'csv':
    case 'vcard':
      return entry.name ?? path.basename(entry.path);
    case 'rest':
      return restDirectoryName(entry);
    case 'ldap':
      return ldapDirectoryName(entry);
  }
}

/** The popup actions for a directory's contacts, if it has its own (a helpdesk preset's, or the entry's). */
export function directoryActions(entry: DirectorySettings): ActionTemplates | undefined {
  if (entry.type !== 'rest') return entry.actions;
  const { actions } = resolveRestSettings(entry);
  return Object.keys(actions).length > 0 ? actions : undefined;
}

/** Opens one directory. @throws Error naming the directory and the problem. */
export async function openDirectory(
  entry: DirectorySettings,
  settings: Settings,
  options: OpenOptions,
): Promise<Directory> {
  switch (entry.type) {
    case 'csv':
    case 'vcard':
      return new FileDirectory({
        ...entry,
        rules: settings.dialingRules,
        onWarning: options.onWarning,
        watch: options.watch ?? true,
        ...(options.clock === undefined ? {} : { clock: options.clock }),
      }).open();
    case 'rest':
      return createRestDirectory(entry, {
        rules: settings.dialingRules,
        env: options.env ?? {},
        onWarning: options.onWarning,
        baseDir: settings.source === null ? undefined : path.dirname(settings.source),
        clock: options.clock,
      });
    case 'ldap':
      return createLdapDirectory(entry, {
        rules: settings.dialingRules,
        env: options.env ?? {},
        onWarning: options.onWarning,
        baseDir: settings.source === null ? undefined : path.dirname(settings.source),
        resync: options.watch ?? true,
        ...(options.clock === undefined ? {} : { clock: options.clock }),
      }).open();
  }
}

/** Opens every configured directory; one that cannot be opened is reported and left out. */
export async function openDirectories(settings: Settings, options: OpenOptions): Promise<Directory[]> {
  const opened = await Promise.all(
    settings.directories.map(async (entry) => {
      try {
        return await openDirectory(entry, settings, options);
      } catch (error) {
        options.onWarning(
          `directory ${directoryName(entry)} not available: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      }
    }),
  );
  return opened.filter((directory) => directory !== null);
}
