/**
 * An environment for processes that must not touch the user's desktop: no desktop-session
 * variables (through which xdg-utils would pick a desktop's own tools, or a browser), and HOME
 * and the XDG data and config folders inside a throwaway folder, so registering a link handler
 * writes there and nowhere else.
 */
import path from 'node:path';

/** Variables through which xdg-utils picks a desktop's tools instead of its generic path. */
export const DESKTOP_VARIABLES: readonly string[] = [
  'XDG_CURRENT_DESKTOP',
  'DESKTOP_SESSION',
  'KDE_FULL_SESSION',
  'GNOME_DESKTOP_SESSION_ID',
  'MATE_DESKTOP_SESSION_ID',
  'LXQT_SESSION_CONFIG',
  'DESKTOP',
  'DE',
  'BROWSER',
  'RINGDESK_HOME',
  'RINGDESK_CONFIG',
];

/** `base` without the desktop variables, with HOME and XDG folders under `root`. */
export function isolatedDesktopEnv(root: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(base).filter(([name]) => !DESKTOP_VARIABLES.includes(name)));
  return {
    ...env,
    HOME: path.join(root, 'home'),
    XDG_DATA_HOME: path.join(root, 'data'),
    XDG_CONFIG_HOME: path.join(root, 'config'),
  };
}
