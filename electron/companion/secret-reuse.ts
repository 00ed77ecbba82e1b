/**
 * Which saved secrets a "Test" of unsaved settings may use. A test sends the line's or the
 * directory's credentials to the server the form names; if any reference to a stored secret
 * were filled in, whoever can run a test could point it at their own server and collect the
 * password. So a stored secret is used only at the place it was saved, for an entry that still
 * talks to the same addresses (hosts, URLs, ports, TLS settings); otherwise it must be typed
 * again.
 */

import { addressOf, leaves, isRecord } from '../settings/entry-address.js';

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
