/**
 * Registration as the OS handler for phone links: `tel`, `callto` and `phone` always, `sip`
 * when the settings ask for it. The arguments registered always end in `--`, so the OS appends
 * the link after the guard (see link-from-argv.ts).
 *
 * What counts is who really opens a link, not whether a registration call returned true. On
 * Windows `setAsDefaultProtocolClient` only writes `HKCU\Software\Classes\<scheme>` (and
 * `isDefaultProtocolClient` only reads it back), but since Windows 8 the user's choice in Default
 * Apps decides, and Chromium follows it: with Teams chosen for `tel:` the registration "succeeds"
 * and the click opens Teams. `getApplicationNameForProtocol` asks the shell, which follows the
 * user's choice; a scheme is Ringdesk's only when both say so. On Linux `xdg-mime` is asked
 * (linux-link-entry.ts).
 */
import type { App } from 'electron';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import type { CommandResult, LinkHandlerStep, SchemeStatus } from '../contract/channels.js';
import { linuxSchemeStatus, registerLinuxLinks, unregisterLinuxLinks } from './linux-link-entry.js';
import type { ProgramRunner } from './xdg-default-handler.js';

export const PHONE_PROTOCOLS = ['tel', 'callto', 'phone'] as const;

/** The protocols to register. */
export function protocolsToRegister(options: { sip: boolean }): string[] {
  return options.sip ? [...PHONE_PROTOCOLS, 'sip'] : [...PHONE_PROTOCOLS];
}

/**
 * The arguments the OS passes before the link. Run as `electron path/to/app` (development,
 * `process.defaultApp`), Electron must be told which app to run, by its resolved path as
 * Electron's deep-link tutorial does (the OS starts it from another folder); a packaged app needs
 * only the guard.
 */
export function protocolClientArgs(defaultApp: boolean, argv: readonly string[]): string[] {
  const appPath = argv[1];
  return defaultApp && appPath !== undefined ? [path.resolve(appPath), '--'] : ['--'];
}

/** What the Electron app offers for links (`app` and its process facts, injected for tests). */
export type LinkApp = Pick<
  App,
  | 'setAsDefaultProtocolClient'
  | 'removeAsDefaultProtocolClient'
  | 'isDefaultProtocolClient'
  | 'getApplicationNameForProtocol'
  | 'getName'
>;

/** What registering as the link handler needs of the app and the OS. */
export interface LinkHandlerDeps {
  readonly app: LinkApp;
  readonly execPath: string;
  readonly argv: readonly string[];
  /** `process.defaultApp`: run as `electron .` in development. */
  readonly defaultApp: boolean;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  /** Runs `xdg-mime` on Linux; by default the real one. */
  readonly run?: ProgramRunner;
}

/** Registers every protocol with Electron; returns those the OS refused outright. */
export function registerProtocols(deps: LinkHandlerDeps, schemes: readonly string[]): string[] {
  const args = protocolClientArgs(deps.defaultApp, deps.argv);
  return schemes.filter((protocol) => !deps.app.setAsDefaultProtocolClient(protocol, deps.execPath, args));
}

/**
 * The names under which the OS may report Ringdesk itself: the program's description (the
 * product name, as electron-builder writes it into the .exe), the app's name, the program file.
 */
function ownNames(deps: LinkHandlerDeps): Set<string> {
  const program = path.win32.basename(deps.execPath).replace(/\.exe$/i, '');
  return new Set(['ringdesk', deps.app.getName().toLowerCase(), program.toLowerCase()]);
}

/**
 * Who opens `scheme`'s links now (Windows and macOS): Ringdesk when the OS names it and the
 * registered command is Ringdesk's; another application when the OS names another one.
 */
export function electronSchemeStatus(deps: LinkHandlerDeps, scheme: string): SchemeStatus {
  const owner = deps.app.getApplicationNameForProtocol(`${scheme}://`).trim();
  if (owner === '') return { scheme, state: 'none' };
  const args = protocolClientArgs(deps.defaultApp, deps.argv);
  const ours = deps.app.isDefaultProtocolClient(scheme, deps.execPath, args);
  if (ours && ownNames(deps).has(owner.toLowerCase())) return { scheme, state: 'handled' };
  return { scheme, state: 'other', app: owner };
}

/** Who opens each of `schemes` now, as the OS answers. */
export async function schemeStatus(
  deps: LinkHandlerDeps,
  schemes: readonly string[],
): Promise<SchemeStatus[]> {
  if (deps.platform === 'linux')
    return linuxSchemeStatus({ env: deps.env, homedir: deps.homedir, ...runOf(deps) }, schemes, {
      nameOf: (file, scheme) => deps.app.getApplicationNameForProtocol(`${scheme}://`).trim() || file,
    });
  return schemes.map((scheme) => electronSchemeStatus(deps, scheme));
}

function runOf(deps: LinkHandlerDeps): { run?: ProgramRunner } {
  return deps.run === undefined ? {} : { run: deps.run };
}

/**
 * Registers the protocols, then asks the OS who opens each one and says what the user must
 * still do: on Windows choose Ringdesk in Default Apps for every scheme another app keeps; in
 * a browser allow Ringdesk (remembered only on https or localhost pages, see docs). On Linux
 * `xdg-mime` names the entry (an AppImage's own, see linux-link-entry.ts), never Electron's
 * `xdg-settings`, which in xdg-utils before 1.2 also takes over web pages.
 */
export async function registerLinkHandler(
  deps: LinkHandlerDeps,
  options: { sip: boolean },
): Promise<CommandResult<'registerLinkHandler'>> {
  const schemes = protocolsToRegister(options);
  await registerSchemes(deps, schemes);
  const status = await schemeStatus(deps, schemes);
  const registered = status.filter((each) => each.state === 'handled').map((each) => each.scheme);
  const refused = status.filter((each) => each.state !== 'handled').map((each) => each.scheme);
  const steps: LinkHandlerStep[] =
    deps.platform === 'win32' && refused.length > 0
      ? ['windows-default-apps', 'browser-confirm']
      : ['browser-confirm'];
  return { registered, refused, steps, schemes: status };
}

/** Registers exactly `schemes` (xdg-mime on Linux, Electron elsewhere), without checking after. */
export async function registerSchemes(deps: LinkHandlerDeps, schemes: readonly string[]): Promise<void> {
  if (schemes.length === 0) return;
  if (deps.platform === 'linux')
    await registerLinuxLinks({ env: deps.env, homedir: deps.homedir, ...runOf(deps) }, schemes);
  else registerProtocols(deps, schemes);
}

/**
 * Gives `schemes` back: Electron removes a scheme only where its command is still Ringdesk's; on
 * Linux Ringdesk's `mimeapps.list` lines (and an AppImage's entry) go.
 */
export async function unregisterLinkHandler(
  deps: LinkHandlerDeps,
  schemes: readonly string[],
): Promise<void> {
  if (deps.platform === 'linux') {
    await unregisterLinuxLinks({ env: deps.env, homedir: deps.homedir, ...runOf(deps) }, schemes);
    return;
  }
  const args = protocolClientArgs(deps.defaultApp, deps.argv);
  for (const scheme of schemes) deps.app.removeAsDefaultProtocolClient(scheme, deps.execPath, args);
}

/** The file that says the user made Ringdesk the link handler (the wizard's or settings' button). */
export function linkRegistrationFile(userData: string): string {
  return path.join(userData, 'links-registered.json');
}

/**
 * Remembers that the user asked for the links, so that each start renews the registration (the
 * app may have moved) without ever taking links from another app the user never gave up.
 */
export async function rememberLinkRegistration(
  userData: string,
  registered: readonly string[],
): Promise<void> {
  await writeFileAtomic(linkRegistrationFile(userData), `${JSON.stringify({ registered })}\n`, 0o600);
}

/** The user gave the links back: starts no longer renew them. */
export async function forgetLinkRegistration(userData: string): Promise<void> {
  await rm(linkRegistrationFile(userData), { force: true });
}

/** Whether the user once asked for the links (see {@link rememberLinkRegistration}). */
export function linkRegistrationRemembered(userData: string): boolean {
  return existsSync(linkRegistrationFile(userData));
}
