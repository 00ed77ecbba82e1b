/**
 * Outbound caller-ID rules as Zammad applies them for sipgate.io and Placetel: the first rule
 * whose destination matches (`41*` a prefix, else the exact digits) names the caller ID, else the
 * default caller ID; with neither, the PBX's own setting stays.
 */
import type { CallerIdRule } from './action-url-settings.js';

/** The caller ID for a call to `destination` (digits, `+` ignored), or null for none. */
export function callerIdFor(
  destination: string,
  outbound: readonly CallerIdRule[],
  defaultCallerId: string | undefined,
): string | null {
  const digits = destination.replace(/^\+/, '');
  if (digits === '') return null;
  const rule = outbound.find((each) =>
    // `41*` needs at least one digit after the prefix (Zammad turns `*` into `.+?`).
    each.dest.endsWith('*')
      ? digits.length >= each.dest.length && digits.startsWith(each.dest.slice(0, -1))
      : digits === each.dest,
  );
  return rule?.callerId ?? defaultCallerId ?? null;
}
