/**
 * Registration as the OS handler for phone links: `tel`, `callto` and `phone` always, `sip`
 * when the settings ask for it. The arguments registered always end in `--`, so the OS appends
 * the link after the guard (see link-from-argv.ts).
 */
import type { App } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.js';
import type { CommandResult, LinkHandlerStep } from '../contract/channels.js';
import { makeDefaultSchemeHandler } from './xdg-default-handler.js';

export const PHONE_PROTOCOLS = ['tel', 'callto', 'phone'] as const;

/** The protocols to register. */
export function protocolsToRegister(options: { sip: boolean }): string[] {
  return options.sip ? [...PHONE_PROTOCOLS, 'sip'] : [...PHONE_PROTOCOLS];
}

/**
 * The arguments the OS passes before the link: in development Electron must be told which app
 * to run (`electron path/to/app -- link`); a packaged app needs only the guard.
 */
export function protocolClientArgs(isPackaged: boolean, argv: readonly string[]): string[] {
  const appPath = argv[1];
  return !isPackaged && appPath !== undefined ? [appPath, '--'] : ['--'];
}

/** Registers every protocol; returns those the OS refused. */
export function registerProtocols(
  app: Pick<App, 'setAsDefaultProtocolClient' | 'isPackaged'>,
  execPath: string,
  argv: readonly string[],
  options: { sip: boolean },
): string[] {
  const args = protocolClientArgs(app.isPackaged, argv);
  return protocolsToRegister(options).filter(
    (protocol) => !app.setAsDefaultProtocolClient(protocol, execPath, args),
  );
}

/** What registering as the link handler needs of the app and the OS. */
export interface LinkHandlerDeps {
  readonly app: Pick<App, 'setAsDefaultProtocolClient' | 'isPackaged'>;
  readonly execPath: string;
  readonly argv: readonly string[];
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `xdg-mime default` for Linux (see xdg-default-handler.ts); injected for tests. */
  readonly xdgDefault?: typeof makeDefaultSchemeHandler;
}

/**
 * Registers the protocols and says what the user must still do: Windows 10/11 lets an app
 * register but asks the user to pick it in Default Apps; every browser asks once before it
 * hands a link to an app. On Linux the app's desktop entry (`CHROME_DESKTOP`, which Electron
 * sets from `desktopName`) becomes the default with `xdg-mime`, not Electron's `xdg-settings`,
 * which in xdg-utils before 1.2 also takes over web pages.
 */
export async function registerLinkHandler(
  deps: LinkHandlerDeps,
  options: { sip: boolean },
): Promise<CommandResult<'registerLinkHandler'>> {
  const schemes = protocolsToRegister(options);
  if (deps.platform === 'linux') {
    const desktopFile = deps.env.CHROME_DESKTOP ?? 'ringdesk.desktop';
    const { registered, refused } = await (deps.xdgDefault ?? makeDefaultSchemeHandler)(
      desktopFile,
      schemes,
      deps.env,
    );
    return { registered, refused, steps: ['browser-confirm'] };
  }
  const refused = registerProtocols(deps.app, deps.execPath, deps.argv, options);
  const registered = schemes.filter((protocol) => !refused.includes(protocol));
  const steps: LinkHandlerStep[] =
    deps.platform === 'win32' ? ['windows-default-apps', 'browser-confirm'] : ['browser-confirm'];
  return { registered, refused, steps };
}

/** The file that says the user made Ringdesk the link handler (the wizard's button). */
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

/** Whether the user once asked for the links (see {@link rememberLinkRegistration}). */
export function linkRegistrationRemembered(userData: string): boolean {
  return existsSync(linkRegistrationFile(userData));
}
