/** Which URLs Ringdesk ever opens or calls: the one check shared by popups, windows and helpdesk actions. */

/** True for an absolute http: or https: URL; anything else is never opened. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
