/**
 * The desktop entry (`ringdesk-link.desktop`) that makes `ringdesk link open` the Linux handler
 * for phone links when Ringdesk runs without its desktop app (the headless host).
 *
 * The launcher (GIO, KDE, xdg-open) replaces `%u` with the clicked link as one argument, and the
 * entry puts it after `--`, so a link can never become an option of `ringdesk` or of Node
 * (CVE-2018-1000006 was a link turned into Chromium switches). Every other argument is written
 * with the Desktop Entry Specification's quoting: reserved characters quoted, `"` `` ` `` `$` `\`
 * escaped inside quotes, `%` doubled, and backslashes escaped again for the string value. A path
 * that no quoting can carry (a control character) is refused rather than written.
 */

/** The file name under `applications/`. */
export const LINK_DESKTOP_FILE = 'ringdesk-link.desktop';

/** The schemes registered: the same as the desktop app's (shell/protocol-registration.ts). */
export const LINK_SCHEMES = ['tel', 'callto', 'phone'] as const;

/** The schemes to register: `sip` only when asked (a softphone usually owns it). */
export function linkSchemes(sip: boolean): string[] {
  return sip ? [...LINK_SCHEMES, 'sip'] : [...LINK_SCHEMES];
}

/** A value that cannot be written into a desktop entry. */
export class DesktopEntryError extends Error {
  override readonly name = 'DesktopEntryError';
}

// Reserved characters of the Exec key: an argument holding one must be quoted.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;
const CONTROL = /\p{Cc}/u;

/**
 * One argument of an Exec line, quoted and escaped as the Desktop Entry Specification says, as
 * it is written in the file (string-value escaping included).
 *
 * @throws DesktopEntryError for an empty argument or one with control characters.
 */
export function execArgument(argument: string): string {
  if (argument === '') throw new DesktopEntryError('an empty argument cannot be written in Exec');
  if (CONTROL.test(argument))
    throw new DesktopEntryError(`${JSON.stringify(argument)} holds a control character`);
  const percent = argument.replaceAll('%', '%%');
  const quoted = RESERVED.test(percent) ? `"${percent.replace(/["`$\\]/g, '\\$&')}"` : percent;
  // The string-value escape comes on top of the quoting: a literal backslash becomes four.
  return quoted.replaceAll('\\', '\\\\');
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
  for (const scheme of schemes) {
    if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) throw new DesktopEntryError(`"${scheme}" is no URI scheme`);
  }
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Ringdesk phone links',
    'Comment=Hands phone links to the running Ringdesk host, which dials them',
    `Exec=${linkOpenerExec(command)}`,
    'Terminal=false',
    'NoDisplay=true',
    `MimeType=${schemes.map((scheme) => `x-scheme-handler/${scheme};`).join('')}`,
    '',
  ].join('\n');
}
