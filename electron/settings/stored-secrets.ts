/**
 * Secrets in the settings document are written `{"stored": "<id>"}` (a value in the secret
 * store) or `{"env": "NAME"}` (from the environment). These walk a document: `revealSecrets`
 * replaces stored references by their values when the settings are loaded (they stay in memory
 * only); `sealSecrets` moves values the UI sends as `{"secret": "..."}` into the store when the
 * settings are saved, so the file never holds one in clear text.
 */
import type { SecretStore } from './secret-store.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isOnly(value: unknown, key: string): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>)[key] === 'string'
  );
}

function pathOf(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${key}`))
    .join('');
}

/** Replaces every `{"stored": id}` by the secret; problems name where a secret could not be read. */
export async function revealSecrets(
  document: unknown,
  store: SecretStore | null,
): Promise<{ document: unknown; problems: string[] }> {
  const problems: string[] = [];
  const walk = async (value: unknown, path: (string | number)[]): Promise<unknown> => {
    if (isOnly(value, 'stored')) {
      if (store === null) {
        problems.push(
          `${pathOf(path)}: a stored secret needs the secret store (the app or \`ringdesk serve\` reads it)`,
        );
        return value;
      }
      try {
        return await store.get(value.stored as string);
      } catch (error) {
        problems.push(`${pathOf(path)}: ${error instanceof Error ? error.message : String(error)}`);
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
  return { document: revealed, problems };
}

/** Stores every `{"secret": value}` for the settings file `owner` and puts `{"stored": id}` in its place. */
export async function sealSecrets(document: unknown, store: SecretStore, owner: string): Promise<Json> {
  const walk = async (value: unknown): Promise<Json> => {
    if (isOnly(value, 'secret')) return { stored: await store.put(value.secret as string, owner) };
    if (Array.isArray(value)) return Promise.all(value.map(walk));
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(
        Object.entries(value).map(async ([key, item]) => [key, await walk(item)] as const),
      );
      return Object.fromEntries(entries);
    }
    return value as Json;
  };
  return walk(document);
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
