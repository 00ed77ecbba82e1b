/**
 * Which saved secrets a "Test" of unsaved settings may use. A test sends the line's or the
 * directory's credentials to the server the form names; if any reference to a stored secret
 * were filled in, whoever can run a test could point it at their own server and collect the
 * password. So a stored secret is used only at the place it was saved, for an entry that still
 * talks to the same addresses (hosts, URLs, ports, TLS settings); otherwise it must be typed
 * again.
 */

import type { SecretStore } from '../settings/secret-store.js';
import { addressOf, leaves, isRecord } from '../settings/entry-address.js';
import { splitProblem, type FieldProblem } from './field-problem.js';
import { restoreClearSecrets, revealSecrets } from './settings/stored-secrets.js';

export { addressOf };

/** `{"stored": id}` references of an entry, by path. */
export function storedReferences(entry: unknown): Map<string, string> {
  const found = new Map<string, string>();
  leaves(entry, [], (path, value) => {
    if (isRecord(value) && typeof value.stored === 'string') found.set(JSON.stringify(path), value.stored);
  });
  return found;
}

/**
 * The stored-secret ids a test of `entry` may use: each at the same path as in one of the saved
 * entries that talks to the same addresses.
 */
export function usableStoredIds(entry: unknown, saved: readonly unknown[]): Set<string> {
  const usable = new Set<string>();
  const address = addressOf(entry);
  const wanted = storedReferences(entry);
  for (const candidate of saved) {
    if (addressOf(candidate) !== address) continue;
    for (const [path, id] of storedReferences(candidate)) if (wanted.get(path) === id) usable.add(id);
  }
  return usable;
}

/** The secret store and the settings file whose secrets it may reveal. */
export interface SecretAccess {
  readonly secrets: SecretStore;
  /** The settings file, absolute: the store checks that its secrets belong to it. */
  readonly owner: string;
}

/**
 * An entry (a line or a directory, unsaved) ready for a test: `{"secret": v}` as the value
 * itself, `{"stored": id}` from the store only when the saved settings use it in the same place
 * for the same server; otherwise a problem asking to type it again.
 */
export async function revealForTest(
  given: unknown,
  saved: readonly unknown[],
  prefix: readonly (string | number)[],
  access: SecretAccess,
): Promise<{ value: unknown; problems: FieldProblem[] }> {
  // A secret written in the file comes back only for an entry that talks to the same addresses.
  const same = saved.find((candidate) => addressOf(candidate) === addressOf(given));
  const kept = restoreClearSecrets(given, same ?? {}, prefix);
  if (kept.problems.length > 0)
    return {
      value: given,
      problems: kept.problems.map((problem) => {
        const split = splitProblem(problem);
        return { ...split, path: split.path.replace(/^line\.|^directories\[0\]\./, '') };
      }),
    };
  const value = kept.document;
  const usable = usableStoredIds(value, saved);
  const problems: FieldProblem[] = [];
  for (const [where, id] of storedReferences(value)) {
    if (usable.has(id)) continue;
    const path = (JSON.parse(where) as (string | number)[])
      .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${key}`))
      .join('');
    problems.push({
      path,
      message: 'a saved secret is only sent to the server it was saved for: type it again to test this one',
    });
  }
  if (problems.length > 0) return { value, problems };
  const unsealed = unsealTyped(value);
  // Each reference was matched to its saved place above; the store still checks the owner.
  const revealed = await revealSecrets(unsealed, access.secrets, { owner: access.owner, placement: false });
  return {
    value: revealed.document,
    problems: revealed.problems.map(splitProblem),
  };
}

/** A document with typed secrets (`{"secret": "..."}`) as plain values, for a check. */
export function unsealTyped(document: unknown): unknown {
  return JSON.parse(JSON.stringify(document ?? null), (_key, item: unknown) =>
    item !== null &&
    typeof item === 'object' &&
    !Array.isArray(item) &&
    Object.keys(item).length === 1 &&
    typeof (item as { secret?: unknown }).secret === 'string'
      ? (item as { secret: string }).secret
      : item,
  ) as unknown;
}
