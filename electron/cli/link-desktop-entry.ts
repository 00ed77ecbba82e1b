/**
 * The desktop entry (`ringdesk-link.desktop`) that makes `ringdesk link open` the Linux handler
 * for phone links when Ringdesk runs without its desktop app (the headless host).
 *
 * The launcher (GIO, KDE, xdg-open) replaces `%u` with the clicked link as one argument, and the
 * entry puts it after `--`, so a link can never become an option of `ringdesk` or of Node
 * (CVE-2018-1000006 was a link turned into Chromium switches). Every other argument is written
 * with the Desktop Entry Specification's quoting: reserved characters quoted, `"` `` ` `` `$` `\`
 * escaped inside quotes, `%` doubled, and backslashes escaped again for the string value. A path
 * that no quoting can carry (a control character) is refused rather than written
 * (shell/desktop-entry.ts).
 */
import { DesktopEntryError, execArgument, schemeHandlerEntry } from '../shell/desktop-entry.js';

/** The file name under `applications/`. */
export const LINK_DESKTOP_FILE = 'ringdesk-link.desktop';

/** The schemes registered: the same as the desktop app's (shell/protocol-registration.ts). */
export const LINK_SCHEMES = ['tel', 'callto', 'phone'] as const;

/** The schemes to register: `sip` only when asked (a softphone usually owns it). */
export function linkSchemes(sip: boolean): string[] {
  return sip ? [...LINK_SCHEMES, 'sip'] : [...LINK_SCHEMES];
}

/** What the link opener runs. */
export interface LinkOpenerCommand {
  /** The Node executable, absolute. */
  readonly node: string;
  /** The `ringdesk` script (bin/ringdesk.js), absolute. */
  readonly script: string;
  /** Environment to set for the opener (e.g. `RINGDESK_HOME`), or none. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The Exec value: `[env NAME=VALUE...] NODE SCRIPT link open -- %u`.
 *
 * @throws DesktopEntryError for relative paths or values no quoting can carry.
 */
export function linkOpenerExec(command: LinkOpenerCommand): string {
  for (const file of [command.node, command.script]) {
    if (!file.startsWith('/')) throw new DesktopEntryError(`"${file}" is not an absolute path`);
  }
  const env = Object.entries(command.env ?? {}).map(([name, value]) => {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new DesktopEntryError(`"${name}" is no variable name`);
    return `${name}=${value}`;
  });
  // GLib checks that the program exists before it expands `%%`: a program path with a `%` in it
  // is therefore started through env, where the path is an argument like any other.
  const prefix = env.length > 0 || command.node.includes('%') ? ['/usr/bin/env', ...env] : [];
  const argv = [...prefix, command.node, command.script, 'link', 'open', '--'];
  return `${argv.map(execArgument).join(' ')} %u`;
}

/**
 * The whole `ringdesk-link.desktop`: hidden from menus (`NoDisplay`), one `MimeType` per scheme.
 *
 * @throws DesktopEntryError for a scheme that is not a plain URI scheme, or a bad command.
 */
export function linkDesktopEntry(command: LinkOpenerCommand, schemes: readonly string[]): string {
  return schemeHandlerEntry({
    name: 'Ringdesk phone links',
    comment: 'Hands phone links to the running Ringdesk host, which dials them',
    exec: linkOpenerExec(command),
    schemes,
  });
}
