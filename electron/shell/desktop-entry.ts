/**
 * Freedesktop desktop entries as Ringdesk writes them on Linux (the desktop app's AppImage entry,
 * the headless host's link opener, the autostart entry): where they live (XDG base directories),
 * how an `Exec` argument is quoted, the entry that names Ringdesk the handler of URI schemes, and
 * how such files are read and written. One home, so every entry follows the Desktop Entry
 * Specification the same way.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A value that cannot be written into a desktop entry, in plain words. */
export class DesktopEntryError extends Error {
  override readonly name = 'DesktopEntryError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_DATA_HOME`, else `~/.local/share` (the XDG spec: an unset or relative value is ignored). */
export function xdgDataHome(env: Env, homedir: string): string {
  const value = env.XDG_DATA_HOME;
  return value !== undefined && path.posix.isAbsolute(value)
    ? value
    : path.posix.join(homedir, '.local', 'share');
}

/** `$XDG_CONFIG_HOME`, else `~/.config` (likewise). */
export function xdgConfigHome(env: Env, homedir: string): string {
  const value = env.XDG_CONFIG_HOME;
  return value !== undefined && path.posix.isAbsolute(value) ? value : path.posix.join(homedir, '.config');
}

// Reserved characters of the Exec key: an argument holding one must be quoted.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;
const CONTROL = /\p{Cc}/u;

/**
 * One argument of an Exec line, quoted and escaped as the Desktop Entry Specification says, as
 * it is written in the file (string-value escaping included): quoted when it holds a reserved
 * character (`"`, `` ` ``, `$`, `\` escaped inside), `%` doubled (field codes).
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

/** What a scheme handler's entry says and runs. */
export interface SchemeHandlerEntry {
  readonly name: string;
  readonly comment: string;
  /** The whole Exec value, arguments already quoted (see {@link execArgument}). */
  readonly exec: string;
  readonly schemes: readonly string[];
}

/**
 * An entry that opens `schemes` (`x-scheme-handler/<scheme>`), hidden from menus (`NoDisplay`).
 *
 * @throws DesktopEntryError for a scheme that is not a plain URI scheme.
 */
export function schemeHandlerEntry(entry: SchemeHandlerEntry): string {
  for (const scheme of entry.schemes) {
    if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) throw new DesktopEntryError(`"${scheme}" is no URI scheme`);
  }
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${entry.name}`,
    `Comment=${entry.comment}`,
    `Exec=${entry.exec}`,
    'Terminal=false',
    'NoDisplay=true',
    `MimeType=${entry.schemes.map((scheme) => `x-scheme-handler/${scheme};`).join('')}`,
    '',
  ].join('\n');
}

/** A file's text, or null when there is none. */
export async function readTextIfAny(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a desktop entry or `mimeapps.list` whole or not at all (readable by the desktop, 0644). */
export async function writeDesktopFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.${String(process.pid)}.tmp`;
  await writeFile(temporary, text, { mode: 0o644 });
  await rename(temporary, file);
}
