/**
 * How a document from the wizard or the settings window becomes the settings file: the checks
 * that refuse it (locked site keys, secrets kept in the file, paths the API may not set), the
 * secrets moved into the secret store before anything is written (so the file never holds one in
 * clear text), the atomic write, and putting the old file back when the new settings cannot
 * start. The settings service (settings-service.ts) owns the reading, live tests and previews;
 * this is the one place the settings file is written, so a change to how saving works is made
 * here only.
 *
 * Invariants:
 * - A refused document changes nothing: no file written, no secret stored or dropped.
 * - Stored secrets the new file no longer names are dropped only once the new settings run.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import type { SecretStore } from '../settings/secret-store.js';
import { CompanionDownError } from './companion-runtime.js';
import { splitProblem, type FieldProblem } from './field-problem.js';
import { unsealTyped } from './secret-reuse.js';
import type { Settings } from './settings/load-settings.js';
import { checkSettings, SettingsError } from './settings/load-settings.js';
import { confinePaths } from './settings/path-confinement.js';
import { applySite, lockedChanges, userPart, type SiteSettings } from './settings/site-settings.js';
import {
  misplacedTypedSecrets,
  restoreClearSecrets,
  sealSecrets,
  storedSecretIds,
} from './settings/stored-secrets.js';

/** What saving needs: the file, where the API may point files, the secret store, the restart. */
export interface SettingsSaveOptions {
  readonly file: string;
  /** The user-data folder: the only place the API may point files the host writes to. */
  readonly dataDir: string;
  readonly defaultRegion: string;
  readonly secrets: SecretStore;
  /** Called with the new settings after a successful save (the runtime restarts the Companion). */
  readonly onSaved: (settings: Settings) => Promise<void>;
  /** The site settings the user's apply over (site-settings.ts); none by default. */
  readonly site?: SiteSettings | null;
}

/** A save's or a check's answer: done, or the problems per field (and nothing changed). */
export type SaveAnswer = { ok: true } | { ok: false; problems: FieldProblem[] };

/**
 * Checks and saves `document`; problems are returned per field and nothing is saved then. When
 * `onSaved` fails (settings that pass every check can still fail to start: a port taken, a bridge
 * that will not run), the previous file is put back, so the next start is not broken either.
 */
export async function saveSettings(options: SettingsSaveOptions, document: unknown): Promise<SaveAnswer> {
  const owner = path.resolve(options.file);
  const before = await savedDocument(options);
  const restored = restoreClearSecrets(document, before ?? {});
  const refused = await refusals(options, document, before, restored.problems);
  if (refused.length > 0) return { ok: false, problems: refused.map(splitProblem) };
  const { document: sealed, problems } = await sealSecrets(restored.document, options.secrets, owner);
  if (problems.length > 0) return { ok: false, problems: problems.map(splitProblem) };
  let settings: Settings;
  try {
    settings = await checkSettings(sealed, options.file, {
      defaultRegion: options.defaultRegion,
      secrets: options.secrets,
      bindSecrets: true,
    });
  } catch (error) {
    if (error instanceof SettingsError) return { ok: false, problems: error.problems.map(splitProblem) };
    throw error;
  }
  const previous = await readFile(options.file, 'utf8').catch(() => null);
  if (previous !== null && !parsesAsJson(previous))
    await writeFileAtomic(`${options.file}.broken`, previous, 0o600);
  // The user's file keeps what the user chose; the site's values stay the site's (site-settings.ts).
  const own = options.site == null ? sealed : userPart(sealed, options.site);
  await writeFileAtomic(options.file, `${JSON.stringify(own, null, 2)}\n`, 0o600);
  try {
    await options.onSaved(settings);
  } catch (error) {
    return { ok: false, problems: [await putBack(options.file, previous, error)] };
  }
  // Only now: until the new settings run, the old ones may still need their secrets.
  await options.secrets.keepOnly(path.resolve(options.file), storedSecretIds(sealed));
  return { ok: true };
}

/**
 * Checks `document` as {@link saveSettings} would (schema, files, numbers, stored secrets in
 * their places, secrets kept in the file, paths the API may set) without saving or storing
 * anything: typed secrets are checked as plain values.
 */
export async function checkUnsaved(options: SettingsSaveOptions, document: unknown): Promise<SaveAnswer> {
  const before = await savedDocument(options);
  const restored = restoreClearSecrets(document, before ?? {});
  const refused = [
    ...(await refusals(options, document, before, restored.problems)),
    ...misplacedTypedSecrets(restored.document),
  ];
  if (refused.length > 0) return { ok: false, problems: refused.map(splitProblem) };
  try {
    await checkSettings(unsealTyped(restored.document), options.file, {
      defaultRegion: options.defaultRegion,
      secrets: options.secrets,
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof SettingsError) return { ok: false, problems: error.problems.map(splitProblem) };
    throw error;
  }
}

/**
 * The settings as saved, over the site's (what is in force and what the UI showed), or null
 * (no file and no site, or not JSON).
 */
export async function savedDocument(options: Pick<SettingsSaveOptions, 'file' | 'site'>): Promise<unknown> {
  const text = await readFile(options.file, 'utf8').catch(() => 'null');
  const saved = parsesAsJson(text) ? (JSON.parse(text.replace(/^\uFEFF/, '')) as unknown) : null;
  return options.site == null ? saved : applySite(saved ?? {}, options.site);
}

/** `document` over the site settings, when there are any (what is in force and what the UI shows). */
export function withSite(document: unknown, site: SiteSettings | null | undefined): unknown {
  return site == null ? document : applySite(document, site);
}

/**
 * Why `document` may not be saved before its secrets are looked at: a locked key it changes (only
 * a hand-made request does), a secret kept in the file that it moves (`restoreProblems`), a path
 * the API may not set.
 */
async function refusals(
  options: SettingsSaveOptions,
  document: unknown,
  before: unknown,
  restoreProblems: readonly string[],
): Promise<string[]> {
  return [
    ...(options.site == null ? [] : lockedChanges(document, before ?? {}, options.site)),
    ...restoreProblems,
    ...(await confinePaths(document, before, { file: options.file, dataDir: options.dataDir })),
  ];
}

/** Puts `previous` back as the settings file (none: removes it); the problem saying why. */
async function putBack(file: string, previous: string | null, error: unknown): Promise<FieldProblem> {
  if (previous === null) await rm(file, { force: true });
  else await writeFileAtomic(file, previous, 0o600);
  const reason = error instanceof Error ? error.message : String(error);
  const message =
    error instanceof CompanionDownError
      ? `these settings cannot start, and nothing runs now (${reason}): fix them and save again`
      : `these settings cannot start (${reason}); the previous ones are running`;
  return { path: '', message };
}

/** True when `text` (a byte order mark allowed) is JSON. */
function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}
