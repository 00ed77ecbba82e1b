/**
 * Secrets in the settings document are written `{"stored": "<id>"}` (a value in the secret
 * store) or `{"env": "NAME"}` (from the environment). These walk a document: `revealSecrets`
 * replaces stored references by their values when the settings are loaded (they stay in memory
 * only); `sealSecrets` moves values the UI sends as `{"secret": "..."}` into the store when the
 * settings are saved, so the file never holds one in clear text.
 *
 * Invariants (the secret's binding, see secret-store.ts):
 * - A stored secret MUST be revealed only in a secret field (one the schema marks, field-kinds.ts)
 *   and only at the place it was stored for, or in the same field of its entry when that entry
 *   moved within its list and still talks to the same addresses. Anywhere else the reference is
 *   refused with a problem at that path: moving a reference into `line.line` (shown by the
 *   status) or into a dial user name (sent to a server) never reveals it.
 * - A `{"secret": ...}` is stored only from a secret field.
 * - One stored secret stands in one place only.
 */
import { addressOf } from '../../settings/entry-address.js';
import { parsePathText, pathText, patternOf, schemaFields } from '../../shared/field-kinds.js';
import type { SecretStore } from '../../settings/secret-store.js';
import { settingsSchema } from './settings-schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

let secretPatterns: ReadonlySet<string> | null = null;

/** True when the schema marks `path` (`directories[2].bindPassword`) as a secret field. */
export function isSecretPath(path: readonly (string | number)[]): boolean {
  secretPatterns ??= new Set(
    schemaFields(settingsSchema)
      .filter((field) => field.field.kind === 'secret')
      .map((field) => field.path.join('.')),
  );
  return secretPatterns.has(patternOf(path));
}

function isOnly(value: unknown, key: string): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>)[key] === 'string'
  );
}

/** The list entry (a directory) a path lies in, and its address; '' outside lists. */
function entryAddress(document: unknown, path: readonly (string | number)[]): string {
  const index = path.findIndex((step) => typeof step === 'number');
  if (index < 0) return '';
  let value: unknown = document;
  for (const step of path.slice(0, index + 1))
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  return addressOf(value);
}

/** Options for {@link revealSecrets}. */
export interface RevealOptions {
  /** The settings file the document belongs to (absolute): only its secrets are revealed. */
  readonly owner: string;
  /**
   * Check where each reference stands (a whole settings document). Off for a test of one entry,
   * where the caller already matched each reference to the saved entry (secret-reuse.ts, revealForTest).
   */
  readonly placement?: boolean;
  /** Record the places found (older secrets' first place, moved entries) in the store. */
  readonly bind?: boolean;
}

/** Replaces every `{"stored": id}` by the secret; problems name where a secret could not be read. */
export async function revealSecrets(
  document: unknown,
  store: SecretStore | null,
  options: RevealOptions,
): Promise<{ document: unknown; problems: string[] }> {
  const problems: string[] = [];
  const places: { id: string; path: string; address?: string }[] = [];
  const used = new Set<string>();
  const placementProblem = (id: string, path: Path): string | null => {
    if (!isSecretPath(path)) return 'only a secret field (a password or token) can hold a stored secret';
    if (used.has(id)) return 'this stored secret already stands at another place: type it again here';
    used.add(id);
    const binding = store?.binding(id);
    if (binding === undefined || binding === null) return null;
    const address = entryAddress(document, path);
    const place = { id, path: pathText(path), ...(address === '' ? {} : { address }) };
    if (binding.path === undefined || binding.path === place.path) {
      if (binding.path === undefined || binding.address !== place.address) places.push(place);
      return null;
    }
    const moved =
      path.some((step) => typeof step === 'number') &&
      patternOf(parsePathText(binding.path)) === patternOf(path) &&
      binding.address !== undefined &&
      binding.address === address;
    if (!moved) return `this stored secret was saved for ${binding.path}: type it again here`;
    places.push(place);
    return null;
  };
  const walk = async (value: unknown, path: Path): Promise<unknown> => {
    if (isOnly(value, 'stored')) {
      if (store === null) {
        problems.push(
          `${pathText(path)}: a stored secret needs the secret store (the app or \`ringdesk serve\` reads it)`,
        );
        return value;
      }
      const misplaced = options.placement === false ? null : placementProblem(value.stored as string, path);
      if (misplaced !== null) {
        problems.push(`${pathText(path)}: ${misplaced}`);
        return value;
      }
      try {
        return await store.get(value.stored as string, options.owner);
      } catch (error) {
        problems.push(`${pathText(path)}: ${error instanceof Error ? error.message : String(error)}`);
        return value;
      }
    }
    if (Array.isArray(value)) return Promise.all(value.map((item, index) => walk(item, [...path, index])));
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(
        Object.entries(value).map(async ([key, item]) => [key, await walk(item, [...path, key])] as const),
      );
      return Object.fromEntries(entries);
    }
    return value;
  };
  const revealed = await walk(document, []);
  if (options.bind === true && problems.length === 0 && store !== null && places.length > 0)
    await store.bind(options.owner, places);
  return { document: revealed, problems };
}

/** A problem for every `{"secret": value}` outside a secret field (what {@link sealSecrets} refuses). */
export function misplacedTypedSecrets(document: unknown): string[] {
  const problems: string[] = [];
  const check = (value: unknown, path: Path): void => {
    if (isOnly(value, 'secret')) {
      if (!isSecretPath(path))
        problems.push(`${pathText(path)}: only a secret field (a password or token) can hold a secret`);
    } else if (Array.isArray(value)) value.forEach((item, index) => check(item, [...path, index]));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) check(item, [...path, key]);
  };
  check(document, []);
  return problems;
}

/**
 * Stores every `{"secret": value}` for the settings file `owner`, bound to its place, and puts
 * `{"stored": id}` there. A typed secret outside a secret field is a problem, and then nothing
 * is stored.
 */
export async function sealSecrets(
  document: unknown,
  store: SecretStore,
  owner: string,
): Promise<{ document: Json; problems: string[] }> {
  const problems = misplacedTypedSecrets(document);
  if (problems.length > 0) return { document: document as Json, problems };
  const walk = async (value: unknown, path: Path): Promise<Json> => {
    if (isOnly(value, 'secret')) {
      const address = entryAddress(document, path);
      const place = { path: pathText(path), ...(address === '' ? {} : { address }) };
      return { stored: await store.put(value.secret as string, owner, place) };
    }
    if (Array.isArray(value)) return Promise.all(value.map((item, index) => walk(item, [...path, index])));
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(
        Object.entries(value).map(async ([key, item]) => [key, await walk(item, [...path, key])] as const),
      );
      return Object.fromEntries(entries);
    }
    return value as Json;
  };
  return { document: await walk(document, []), problems: [] };
}

/** The ids of every stored secret a document refers to. */
export function storedSecretIds(document: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (isOnly(value, 'stored')) ids.add(value.stored as string);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(document);
  return ids;
}

/**
 * What an answer shows instead of a secret written in clear text in the settings file: the UI
 * keeps it as it keeps a stored secret, and a save puts the file's value back at the same place.
 */
export const KEPT_IN_FILE = Object.freeze({ inFile: true });

function isKeptMarker(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    (value as { inFile?: unknown }).inFile === true
  );
}

/** `document` with every clear-text secret (a string in a secret field) replaced by {@link KEPT_IN_FILE}. */
export function maskClearSecrets(document: unknown, path: Path = []): unknown {
  if (typeof document === 'string') return isSecretPath(path) ? KEPT_IN_FILE : document;
  if (Array.isArray(document)) return document.map((item, index) => maskClearSecrets(item, [...path, index]));
  if (document !== null && typeof document === 'object')
    return Object.fromEntries(
      Object.entries(document).map(([key, item]) => [key, maskClearSecrets(item, [...path, key])]),
    );
  return document;
}

/**
 * `document` with each {@link KEPT_IN_FILE} put back to the clear-text secret `saved` holds at the
 * same place (`prefix` is where `document` sits in the whole settings document); a marker with
 * nothing to put back is a problem at its path.
 */
export function restoreClearSecrets(
  document: unknown,
  saved: unknown,
  prefix: readonly (string | number)[] = [],
): { document: unknown; problems: string[] } {
  const problems: string[] = [];
  const walk = (value: unknown, before: unknown, path: Path): unknown => {
    if (isKeptMarker(value)) {
      if (typeof before === 'string' && isSecretPath([...prefix, ...path])) return before;
      problems.push(
        `${pathText([...prefix, ...path])}: the secret written in the file is not there: type it again`,
      );
      return value;
    }
    const child = (key: string | number) =>
      before !== null && typeof before === 'object' ? (before as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(value)) return value.map((item, index) => walk(item, child(index), [...path, index]));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, walk(item, child(key), [...path, key])]),
      );
    return value;
  };
  return { document: walk(document, saved, []), problems };
}
