/**
 * Which saved secrets a "Test" of unsaved settings may use. A test sends the line's or the
 * directory's credentials to the server the form names; if any reference to a stored secret
 * were filled in, whoever can run a test could point it at their own server and collect the
 * password. So a stored secret is used only at the place it was saved, for an entry that still
 * talks to the same addresses (hosts, URLs, ports, TLS settings); otherwise it must be typed
 * again.
 */

type Path = readonly (string | number)[];

/** Keys whose values say where credentials go, or how they are protected on the way. */
const ADDRESS_KEYS = new Set([
  'provider',
  'type',
  'preset',
  'url',
  'baseUrl',
  'webUrl',
  'host',
  'port',
  'listen',
  'phone',
  'bridgePath',
  'caFile',
  'tls',
  'startTls',
  'verify',
  'rejectUnauthorized',
  'serverName',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function leaves(value: unknown, path: Path, visit: (path: Path, value: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((item, index) => leaves(item, [...path, index], visit));
  else if (isRecord(value))
    for (const [key, item] of Object.entries(value)) {
      if (Object.keys(item ?? {}).length === 1 && isRecord(item) && typeof item.stored === 'string')
        visit([...path, key], item);
      else leaves(item, [...path, key], visit);
    }
  else visit(path, value);
}

/** Where an entry sends credentials: its address fields, in a comparable form. */
export function addressOf(entry: unknown): string {
  const found: string[] = [];
  leaves(entry, [], (path, value) => {
    const key = path.findLast((step) => typeof step === 'string');
    if (key !== undefined && ADDRESS_KEYS.has(key)) found.push(JSON.stringify([path, value]));
  });
  return found.sort().join('\n');
}

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
