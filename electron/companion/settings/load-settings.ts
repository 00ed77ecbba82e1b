/**
 * Reads and checks the settings document and stand-alone dialing-rules files.
 *
 * Every problem is reported with its path in the document (`directories[1].path: file not
 * found`), all at once, so that a user fixes the file in one go. Relative paths are resolved
 * against the settings file's folder. Missing dialing-rule fields are completed for the
 * country (see `resolveDialingRules`).
 */
import { resolveUserPath } from '../../shared/user-path.js';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { complete } from '../../numbers/complete.js';
import { resolveDialingRules, type DialingRules } from '../../numbers/dialing-rules.js';
import { NumberError } from '../../numbers/number-error.js';
import type { SecretStore } from '../../settings/secret-store.js';
import { SettingsError } from '../../settings/settings-error.js';
import { revealSecrets } from './stored-secrets.js';
import { formatIssues, parseJson, readText } from './settings-file.js';
import { applySite, type SiteSettings } from './site-settings.js';
import {
  settingsSchema,
  type ActionSettings,
  type AppSettings,
  type DirectorySettings,
  type LinkSettings,
  type PopupSettings,
  type LineSettings,
  type SettingsDocument,
} from './settings-schema.js';

/** Settings ready for use: rules complete, paths absolute. */
export interface Settings {
  /** The file they came from; null when no file exists and defaults apply. */
  readonly source: string | null;
  readonly dialingRules: DialingRules;
  readonly line: LineSettings;
  readonly directories: readonly DirectorySettings[];
  readonly actions: ActionSettings;
  /** Blocked callers, completed to E.164. */
  readonly blocklist: readonly { readonly e164: string; readonly note: string | null }[];
  /** Absolute path of the file line events are recorded to, or null. */
  readonly recordLine: string | null;
  readonly lookup: SettingsDocument['lookup'];
  readonly journal: SettingsDocument['journal'];
  /** Absolute folder of template overrides, or null for the default place. */
  readonly templatesFolder: string | null;
  readonly popup: Omit<PopupSettings, 'templatesFolder'>;
  readonly links: LinkSettings;
  readonly app: AppSettings;
}

export { SettingsError };

/** Options for {@link loadSettings}. */
export interface LoadOptions {
  /** Region whose prefixes complete rules that name no country (the OS locale's, "DE"). */
  readonly defaultRegion: string;
  /** When false, a missing file means defaults; when true, it is an error. */
  readonly required: boolean;
  /** Where `{"stored": id}` secrets are read; without it, such a secret is a problem. */
  readonly secrets?: SecretStore | null;
  /**
   * Record in the store where each stored secret stands (older secrets carry only their owner):
   * on a load from the file and on a save, not for a look at the document.
   */
  readonly bindSecrets?: boolean;
  /** The site settings the user's apply over; none by default. */
  readonly site?: SiteSettings | null;
}

/**
 * Reads, validates and completes the settings file at `file`, over the site settings when there
 * are any (site-settings.ts: the user's values over the site's unlocked ones).
 */
export async function loadSettings(file: string, options: LoadOptions): Promise<Settings> {
  const absolute = path.resolve(file);
  const text = await readText(absolute, options.required);
  const site = options.site ?? null;
  if (text === null) {
    if (site === null) return defaultSettings(options.defaultRegion);
    // No file of the user's yet (the wizard runs), but the site's settings apply.
    return { ...(await checkSettings(applySite({}, site), absolute, options)), source: null };
  }
  const document = parseJson(absolute, text);
  return checkSettings(site === null ? document : applySite(document, site), absolute, {
    bindSecrets: true,
    ...options,
  });
}

/**
 * Checks a settings document as if it were in `file` (relative paths resolve against its
 * folder): the schema, the files it names, the blocklist's numbers, the stored secrets.
 * @throws SettingsError with every problem.
 */
export async function checkSettings(
  document: unknown,
  file: string,
  options: Omit<LoadOptions, 'required'>,
): Promise<Settings> {
  const absolute = path.resolve(file);
  const revealed = await revealSecrets(document, options.secrets ?? null, {
    owner: absolute,
    bind: options.bindSecrets === true,
  });
  if (revealed.problems.length > 0) throw new SettingsError(absolute, revealed.problems);
  const result = settingsSchema.safeParse(revealed.document);
  if (!result.success) throw new SettingsError(absolute, formatIssues(result.error.issues));
  const folder = path.dirname(absolute);
  // File paths are relative to the settings file; servers and APIs have none to check here.
  const directories = result.data.directories.map((directory) =>
    'path' in directory ? { ...directory, path: resolveUserPath(folder, directory.path) } : directory,
  );
  const missing = await Promise.all(
    directories.map(async (directory, index) =>
      !('path' in directory) || (await exists(directory.path))
        ? null
        : `directories[${index}].path: file not found (${directory.path})`,
    ),
  );
  const base = fromDocument(result.data, options.defaultRegion);
  const blocklist = completeBlocklist(result.data.blocklist, base.dialingRules);
  const problems = [
    ...missing.filter((problem): problem is string => problem !== null),
    ...blocklist.problems,
  ];
  if (problems.length > 0) throw new SettingsError(absolute, problems);
  const folderOf = result.data.popup.templatesFolder;
  return {
    ...base,
    line: withAbsolutePaths(base.line, folder),
    source: absolute,
    directories,
    blocklist: blocklist.numbers,
    recordLine: result.data.recordLine === undefined ? null : resolveUserPath(folder, result.data.recordLine),
    templatesFolder: folderOf === undefined ? null : resolveUserPath(folder, folderOf),
  };
}

function fromDocument(document: SettingsDocument, defaultRegion: string): Settings {
  return {
    source: null,
    dialingRules: resolveDialingRules(document.dialingRules, defaultRegion),
    line: document.line,
    directories: document.directories,
    actions: document.actions,
    blocklist: completeBlocklist(
      document.blocklist,
      resolveDialingRules(document.dialingRules, defaultRegion),
    ).numbers,
    recordLine: null,
    lookup: document.lookup,
    journal: document.journal,
    templatesFolder: null,
    popup: {
      contactTemplate: document.popup.contactTemplate,
      corner: document.popup.corner,
      autoCloseSeconds: document.popup.autoCloseSeconds,
    },
    links: document.links,
    app: document.app,
  };
}

/** The settings that apply when no file exists. */
export function defaultSettings(defaultRegion: string): Settings {
  return fromDocument(settingsSchema.parse({}), defaultRegion);
}

/** The blocklist's numbers in E.164, and a problem for each that is no phone number. */
function completeBlocklist(entries: SettingsDocument['blocklist'], rules: DialingRules) {
  const numbers: { e164: string; note: string | null }[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    try {
      const { e164 } = complete(entry.number, rules);
      if (e164 === null) problems.push(`blocklist[${index}].number: "${entry.number}" has no E.164 form`);
      else numbers.push({ e164, note: entry.note ?? null });
    } catch (error) {
      if (!(error instanceof NumberError)) throw error;
      problems.push(`blocklist[${index}].number: ${error.message}`);
    }
  });
  return { numbers, problems };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** A line's file settings (a TLS CA) resolved against the settings file's folder. */
/** The line with its file paths resolved against the settings file's folder. */
export function withAbsolutePaths(line: LineSettings, folder: string): LineSettings {
  if (line.provider === 'ami' && line.tls !== false && line.tls.caFile !== undefined) {
    return { ...line, tls: { ...line.tls, caFile: resolveUserPath(folder, line.tls.caFile) } };
  }
  return line;
}
