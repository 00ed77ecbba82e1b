/**
 * The listener's endpoints: the one table the provider routes by (and tests walk, so that a
 * new endpoint is fuzzed the day it is added). `:name` segments are path parameters; the
 * token travels in the path (`:token`) or, for KIX, in the query (`token=`).
 */

export type EndpointKind = 'zammad' | 'kix' | 'phone' | 'sipgate' | 'placetel' | 'ha-sip';

export interface Endpoint {
  readonly kind: EndpointKind;
  /** The only method accepted, or null for any (KIX servers send GET or POST). */
  readonly method: 'GET' | 'POST' | null;
  /** The path, `/`-separated, with `:token` and `:event` parameters. */
  readonly path: string;
  /** How replies, errors included, are written: JSON, or XML for the PBXs that expect it. */
  readonly reply?: 'xml';
}

export const ACTION_URL_ENDPOINTS: readonly Endpoint[] = [
  { kind: 'zammad', method: 'POST', path: '/api/v1/cti/:token' },
  { kind: 'kix', method: null, path: '/cti.pl' },
  { kind: 'kix', method: null, path: '/cti' },
  { kind: 'phone', method: null, path: '/phone/:token/:event' },
  { kind: 'sipgate', method: 'POST', path: '/api/v1/sipgate/:token/in', reply: 'xml' },
  { kind: 'sipgate', method: 'POST', path: '/api/v1/sipgate/:token/out', reply: 'xml' },
  { kind: 'placetel', method: 'POST', path: '/api/v1/placetel/:token', reply: 'xml' },
  { kind: 'ha-sip', method: 'POST', path: '/api/v1/ha-sip/:token' },
];

/** The endpoint for the decoded path `segments`, with its parameters; null when none matches. */
export function matchEndpoint(
  segments: readonly string[],
): { endpoint: Endpoint; values: Map<string, string> } | null {
  for (const endpoint of ACTION_URL_ENDPOINTS) {
    const pattern = endpoint.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const values = new Map<string, string>();
    const matches = pattern.every((part, index) => {
      const segment = segments[index] as string;
      if (part.startsWith(':')) {
        values.set(part.slice(1), segment);
        return true;
      }
      return part === segment;
    });
    if (matches) return { endpoint, values };
  }
  return null;
}
