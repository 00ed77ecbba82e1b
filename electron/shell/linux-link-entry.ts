/**
 * Phone links on Linux for the desktop app. The deb installs `ringdesk.desktop` into
 * `/usr/share/applications`, and Ringdesk names it the default handler with `xdg-mime`. An
 * AppImage has no installed entry: the `ringdesk.desktop` inside the image is invisible to the
 * desktop, so naming it leaves a dangling `mimeapps.list` line and clicks do nothing. For an
 * AppImage Ringdesk therefore writes its own entry, `ringdesk-appimage.desktop` in
 * `$XDG_DATA_HOME/applications`, whose Exec runs the AppImage file itself (`$APPIMAGE`, as the
 * start-at-login entry does, never the image's temporary mount) with the link after `--`.
 *
 * `xdg-open` before xdg-utils 1.2 (Debian 12, Ubuntu 22.04; Chromium opens external links with
 * it) takes the program as the Exec line's first word, unquoted: an AppImage whose path holds a
 * space or a quote could not be started from there. Such an AppImage is started through a link
 * with a plain path in Ringdesk's data folder (`$XDG_DATA_HOME/ringdesk/Ringdesk.AppImage`); the
 * AppImage runtime follows it to the real file.
 *
 * Unregistering removes Ringdesk's lines from `mimeapps.list` (other applications' stay), the
 * AppImage's entry and its link.
 */
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { SchemeStatus } from '../contract/channels.js';
import { withoutHandler } from './mimeapps-list.js';
import {
  execArgument,
  readTextIfAny,
  schemeHandlerEntry,
  writeDesktopFile,
  xdgConfigHome,
  xdgDataHome,
} from './desktop-entry.js';
import { makeDefaultSchemeHandler, runProgram, xdgMime, type ProgramRunner } from './xdg-default-handler.js';

/** The entry Ringdesk writes for an AppImage. */
export const APPIMAGE_DESKTOP_FILE = 'ringdesk-appimage.desktop';

/** Where the desktop app runs on Linux, and how to reach `xdg-mime`. */
export interface LinuxLinkDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  /** Runs `xdg-mime`; by default the real one. */
  readonly run?: ProgramRunner;
}

/** The desktop entry whose name the OS must answer for Ringdesk's schemes. */
export function linuxDesktopFile(env: LinuxLinkDeps['env']): string {
  if (isAppImage(env)) return APPIMAGE_DESKTOP_FILE;
  return env.CHROME_DESKTOP ?? 'ringdesk.desktop';
}

function isAppImage(env: LinuxLinkDeps['env']): boolean {
  const file = env.APPIMAGE;
  return file !== undefined && path.posix.isAbsolute(file);
}

function dataHome(deps: LinuxLinkDeps): string {
  return xdgDataHome(deps.env, deps.homedir);
}

const PLAIN_PATH = /^\/[\w\-./+,=:@]+$/;

function appImageLink(deps: LinuxLinkDeps): string {
  return path.posix.join(dataHome(deps), 'ringdesk', 'Ringdesk.AppImage');
}

/** The path the entry runs: the AppImage itself when xdg-open can start it, else a plain link to it. */
async function launchablePath(deps: LinuxLinkDeps, appImage: string): Promise<string> {
  if (PLAIN_PATH.test(appImage)) return appImage;
  const link = appImageLink(deps);
  await mkdir(path.posix.dirname(link), { recursive: true });
  await rm(link, { force: true });
  await symlink(appImage, link);
  return link;
}

/** The AppImage's own entry: hidden from menus, one MimeType per scheme, the link after `--`. */
export function appImageEntry(appImage: string, schemes: readonly string[]): string {
  return schemeHandlerEntry({
    name: 'Ringdesk',
    comment: 'Dials the phone links you click, on your phone line',
    exec: `${execArgument(appImage)} -- %u`,
    schemes,
  });
}

/**
 * Makes Ringdesk the default for `schemes`: for an AppImage its own entry is written first.
 *
 * @throws LinkRegistrationError when xdg-mime is missing or fails (nothing is written then).
 */
export async function registerLinuxLinks(
  deps: LinuxLinkDeps,
  schemes: readonly string[],
): Promise<{ registered: string[]; refused: string[] }> {
  const run = deps.run ?? runProgram;
  await xdgMime(run, deps.env, ['--version']);
  const appImage = deps.env.APPIMAGE;
  if (appImage !== undefined && isAppImage(deps.env)) {
    const folder = path.posix.join(dataHome(deps), 'applications');
    await mkdir(folder, { recursive: true });
    const entry = appImageEntry(await launchablePath(deps, appImage), schemes);
    await writeDesktopFile(path.posix.join(folder, APPIMAGE_DESKTOP_FILE), entry);
  }
  return makeDefaultSchemeHandler(linuxDesktopFile(deps.env), schemes, deps.env, run);
}

/** Who opens each scheme now, as `xdg-mime` answers (what xdg-open and GIO follow). */
export async function linuxSchemeStatus(
  deps: LinuxLinkDeps,
  schemes: readonly string[],
  options: {
    /** Ringdesk's entry (default: the desktop app's, see {@link linuxDesktopFile}). */
    readonly ours?: string;
    /** A person's name for another application's entry. */
    readonly nameOf?: (desktopFile: string, scheme: string) => string;
  } = {},
): Promise<SchemeStatus[]> {
  const run = deps.run ?? runProgram;
  const ours = options.ours ?? linuxDesktopFile(deps.env);
  const nameOf = options.nameOf ?? ((desktopFile: string) => desktopFile);
  const result: SchemeStatus[] = [];
  for (const scheme of schemes) {
    const handler = (await xdgMime(run, deps.env, ['query', 'default', `x-scheme-handler/${scheme}`])).trim();
    if (handler === ours) result.push({ scheme, state: 'handled' });
    else if (handler === '') result.push({ scheme, state: 'none' });
    else result.push({ scheme, state: 'other', app: nameOf(handler, scheme) || handler });
  }
  return result;
}

/** Removes Ringdesk's associations for `schemes` and the AppImage's entry; others stay. */
export async function unregisterLinuxLinks(deps: LinuxLinkDeps, schemes: readonly string[]): Promise<void> {
  const list = path.posix.join(xdgConfigHome(deps.env, deps.homedir), 'mimeapps.list');
  const before = await readTextIfAny(list);
  const ours = linuxDesktopFile(deps.env);
  if (before !== null) {
    const after = withoutHandler(
      before,
      ours,
      schemes.map((scheme) => `x-scheme-handler/${scheme}`),
    );
    if (after !== before) await writeDesktopFile(list, after);
  }
  if (isAppImage(deps.env)) {
    await rm(path.posix.join(dataHome(deps), 'applications', APPIMAGE_DESKTOP_FILE), { force: true });
    await rm(appImageLink(deps), { force: true });
  }
}
