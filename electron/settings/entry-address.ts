/**
 * Where an entry of the settings (the line, one directory) sends credentials: its address fields
 * (hosts, URLs, ports, TLS settings) in a comparable form. A stored secret may follow its entry
 * when the entry moves (a directory above it was removed), but never to an entry that talks to
 * other addresses.
 */

export type Path = readonly (string | number)[];

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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function leaves(value: unknown, path: Path, visit: (path: Path, value: unknown) => void): void {
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
