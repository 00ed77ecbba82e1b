/**
 * Makes `ringdesk link open` the Linux handler for phone links, for Ringdesk without its desktop
 * app (the headless host; the desktop app registers itself through Electron and its packages).
 * `ringdesk link register` and the host's `registerLinkHandler` command both call
 * {@link registerLinkOpener}; `ringdesk link unregister` calls {@link unregisterLinkOpener}.
 *
 * Registration writes `ringdesk-link.desktop` into `$XDG_DATA_HOME/applications` and names it the
 * default for each `x-scheme-handler/<scheme>` with `xdg-mime` (see xdg-default-handler.ts).
 * Everything is checked before the first file is written, so a refused registration changes
 * nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FaceActions } from '../companion/companion-api.js';
import type { CommandResult } from '../contract/channels.js';
import type { PathEnvironment } from '../settings/settings-paths.js';
import { appRoot } from './app-paths.js';
import {
  LINK_DESKTOP_FILE,
  linkDesktopEntry,
  linkSchemes,
  type LinkOpenerCommand,
} from './link-desktop-entry.js';
import { readTextIfAny, writeDesktopFile, xdgConfigHome, xdgDataHome } from '../shell/desktop-entry.js';
import { withoutHandler } from '../shell/mimeapps-list.js';
import { linuxSchemeStatus } from '../shell/linux-link-entry.js';
import {
  LinkRegistrationError,
  makeDefaultSchemeHandler,
  runProgram,
  xdgMime,
  type ProgramRunner,
} from '../shell/xdg-default-handler.js';

export { LinkRegistrationError, type ProgramRunner };

export interface LinkRegistrationOptions extends PathEnvironment {
  /** Also register `sip:` (settings `links.sip`). */
  readonly sip: boolean;
  /** Runs `xdg-mime`; by default the real one. */
  readonly run?: ProgramRunner;
  /** What the entry runs; by default this Node and this package's `bin/ringdesk.js`. */
  readonly command?: LinkOpenerCommand;
}

/** What registration did: the contract's answer, plus where the entry is and what it runs. */
export interface LinkRegistration extends CommandResult<'registerLinkHandler'> {
  readonly desktopFile: string;
  readonly exec: string;
}

/** Where user-level desktop entries live: `$XDG_DATA_HOME/applications` (absolute only). */
export function applicationsDir({ env, homeDir }: PathEnvironment): string {
  return path.join(xdgDataHome(env, homeDir), 'applications');
}

/** The `mimeapps.list` that `xdg-mime default` writes: `$XDG_CONFIG_HOME` (absolute only). */
export function mimeappsListFile({ env, homeDir }: PathEnvironment): string {
  return path.join(xdgConfigHome(env, homeDir), 'mimeapps.list');
}

/** The opener this installation runs: this Node, this package's script, this `RINGDESK_HOME`. */
export function defaultOpenerCommand(environment: PathEnvironment): LinkOpenerCommand {
  const home = environment.env.RINGDESK_HOME;
  return {
    node: process.execPath,
    script: path.join(appRoot(), 'bin', 'ringdesk.js'),
    ...(home !== undefined && home !== '' ? { env: { RINGDESK_HOME: path.resolve(home) } } : {}),
  };
}

/**
 * Registers the link opener for `tel`, `callto`, `phone` (and `sip` when asked).
 *
 * @returns which schemes now open with it (`registered`) and which `xdg-mime` still answers with
 *   another handler for (`refused`); `steps`: browsers ask once before handing a link over.
 * @throws LinkRegistrationError off Linux, or when xdg-mime is missing; DesktopEntryError when
 *   the paths cannot be written into an entry. Nothing is changed then.
 */
export async function registerLinkOpener(options: LinkRegistrationOptions): Promise<LinkRegistration> {
  requireLinux(options.platform);
  const run = options.run ?? runProgram;
  const schemes = linkSchemes(options.sip);
  const entry = linkDesktopEntry(options.command ?? defaultOpenerCommand(options), schemes);
  await xdgMime(run, options.env, ['--version']);

  const dir = applicationsDir(options);
  const file = path.join(dir, LINK_DESKTOP_FILE);
  await mkdir(dir, { recursive: true });
  await writeDesktopFile(file, entry);
  const { registered, refused } = await makeDefaultSchemeHandler(
    LINK_DESKTOP_FILE,
    schemes,
    options.env,
    run,
  );
  const exec = /^Exec=(.*)$/m.exec(entry)?.[1] ?? '';
  const schemesNow =
    refused.length === 0
      ? registered.map((scheme) => ({ scheme, state: 'handled' as const }))
      : await linkOpenerStatus({ ...options, run });
  return { registered, refused, steps: ['browser-confirm'], schemes: schemesNow, desktopFile: file, exec };
}

/**
 * Who opens each scheme now, as `xdg-mime` answers: the opener (`handled`), another entry, or none.
 *
 * @throws LinkRegistrationError off Linux, or when xdg-mime is missing.
 */
export async function linkOpenerStatus(
  options: PathEnvironment & { readonly sip: boolean; readonly run?: ProgramRunner },
): Promise<CommandResult<'registerLinkHandler'>['schemes']> {
  requireLinux(options.platform);
  return linuxSchemeStatus(
    { env: options.env, homedir: options.homeDir, run: options.run ?? runProgram },
    linkSchemes(options.sip),
    { ours: LINK_DESKTOP_FILE },
  );
}

/** What unregistering did. */
export interface LinkUnregistration {
  /** The schemes whose association named the opener. */
  readonly unregistered: readonly string[];
  /** The desktop entry, and whether there was one to remove. */
  readonly desktopFile: string;
  readonly removed: boolean;
}

/**
 * Removes the opener's entry and its associations (for every scheme it may have registered,
 * `sip` included); other applications' associations stay as they were.
 *
 * @throws LinkRegistrationError off Linux.
 */
export async function unregisterLinkOpener(options: PathEnvironment): Promise<LinkUnregistration> {
  requireLinux(options.platform);
  const file = path.join(applicationsDir(options), LINK_DESKTOP_FILE);
  const list = mimeappsListFile(options);
  const unregistered: string[] = [];
  const before = await readTextIfAny(list);
  if (before !== null) {
    let text = before;
    for (const scheme of linkSchemes(true)) {
      const next = withoutHandler(text, LINK_DESKTOP_FILE, [`x-scheme-handler/${scheme}`]);
      if (next !== text) unregistered.push(scheme);
      text = next;
    }
    if (text !== before) await writeDesktopFile(list, text);
  }
  const removed = (await readTextIfAny(file)) !== null;
  await rm(file, { force: true });
  return { unregistered, desktopFile: file, removed };
}

function requireLinux(platform: NodeJS.Platform): void {
  if (platform === 'linux') return;
  throw new LinkRegistrationError(
    `on ${platform} the Ringdesk desktop app registers itself for phone links when it is installed ` +
      '(or from its settings); the command line registers a link handler only on Linux',
  );
}

/**
 * The headless host's phone links (`ringdesk serve`): on Linux the opener is registered, checked
 * and removed as `ringdesk link register`/`unregister` do; there is no Default Apps page to open.
 * Off Linux registration refuses with the reason (the desktop app registers itself there).
 */
export function hostLinkFace(environment: PathEnvironment, sip: () => boolean): FaceActions {
  const status = async () => ({
    schemes: environment.platform === 'linux' ? await linkOpenerStatus({ ...environment, sip: sip() }) : [],
    defaultApps: false,
    remembered: existsSync(path.join(applicationsDir(environment), LINK_DESKTOP_FILE)),
  });
  return {
    registerLinkHandler: async () => {
      const { registered, refused, steps, schemes } = await registerLinkOpener({
        ...environment,
        sip: sip(),
      });
      return { registered, refused, steps, schemes };
    },
    linkStatus: status,
    unregisterLinkHandler: async () => {
      await unregisterLinkOpener(environment);
      return status();
    },
    openDefaultApps: () => Promise.resolve({ opened: false }),
  };
}
