/**
 * The desktop app's phone links: what the wizard's and the settings' buttons run (register,
 * status per scheme, give back, open Windows' Default Apps), what a save changes (`links.sip`
 * on or off takes effect at once), and what each start does once the user asked for the links
 * (renew the registration, as the app may have moved, and check who really opens each scheme).
 * Nothing is ever registered that the user did not ask for.
 */
import type { Shell } from 'electron';
import type { Booted } from '../companion/boot.js';
import type { FaceActions } from '../companion/companion-api.js';
import type { CommandResult, LinkStatus } from '../contract/channels.js';
import {
  forgetLinkRegistration,
  linkRegistrationRemembered,
  protocolsToRegister,
  registerLinkHandler,
  registerSchemes,
  rememberLinkRegistration,
  schemeStatus,
  unregisterLinkHandler,
  type LinkApp,
  type LinkHandlerDeps,
} from './protocol-registration.js';

/**
 * The product name (build/electron-builder.json `productName`): the installer names Ringdesk so
 * under `HKCU\Software\RegisteredApplications`, and the Windows program's description is it.
 */
export const PRODUCT_NAME = 'Ringdesk';

/** The link actions a face offers its windows (see FaceActions). */
export type LinkActions = Pick<
  FaceActions,
  'registerLinkHandler' | 'linkStatus' | 'unregisterLinkHandler' | 'openDefaultApps'
>;

/**
 * The Default Apps page of Windows' Settings. On Windows 11 (build 22000 and later) the
 * `registeredAppUser` parameter opens Ringdesk's own page there, named by its value under
 * `HKCU\Software\RegisteredApplications` (the installer writes it, build/installer.nsh), as
 * Microsoft's "Launch the Default Apps settings page" documents; Windows 10 gets the list.
 */
export function defaultAppsUrl(systemVersion: string, registeredName: string): string {
  const build = Number(/^\d+\.\d+\.(\d+)/.exec(systemVersion)?.[1] ?? 0);
  return build >= 22000
    ? `ms-settings:defaultapps?registeredAppUser=${encodeURIComponent(registeredName)}`
    : 'ms-settings:defaultapps';
}

export interface DesktopLinksDeps extends LinkHandlerDeps {
  readonly userData: string;
  /** `process.getSystemVersion()` (Windows: `10.0.22631`). */
  readonly systemVersion: string;
  readonly openExternal: (url: string) => Promise<void>;
  readonly links: () => { readonly sip: boolean };
  readonly warn: (message: string) => void;
}

export class DesktopLinks implements LinkActions {
  constructor(private readonly deps: DesktopLinksDeps) {}

  async registerLinkHandler(): Promise<CommandResult<'registerLinkHandler'>> {
    const result = await registerLinkHandler(this.deps, this.deps.links());
    // The user asked: each start renews it, whether or not the OS gave every scheme yet.
    await rememberLinkRegistration(this.deps.userData, result.registered);
    return result;
  }

  async linkStatus(): Promise<LinkStatus> {
    return {
      schemes: await schemeStatus(this.deps, protocolsToRegister(this.deps.links())),
      defaultApps: this.deps.platform === 'win32',
      remembered: linkRegistrationRemembered(this.deps.userData),
    };
  }

  async unregisterLinkHandler(): Promise<LinkStatus> {
    await unregisterLinkHandler(this.deps, protocolsToRegister({ sip: true }));
    await forgetLinkRegistration(this.deps.userData);
    return this.linkStatus();
  }

  async openDefaultApps(): Promise<CommandResult<'openDefaultApps'>> {
    if (this.deps.platform !== 'win32') return { opened: false };
    await this.deps.openExternal(defaultAppsUrl(this.deps.systemVersion, PRODUCT_NAME));
    return { opened: true };
  }

  /** `links.sip` changed in a save: sip is registered or given back now, if the user has the links. */
  async applySip(sip: boolean): Promise<void> {
    if (!linkRegistrationRemembered(this.deps.userData)) return;
    if (sip) await registerSchemes(this.deps, ['sip']);
    else await unregisterLinkHandler(this.deps, ['sip']);
  }

  /**
   * At start, once the user asked: renew the schemes that are still Ringdesk's or nobody's (the
   * app may have moved), never one another app took since, and say which ones another app has.
   */
  async renewAtStart(): Promise<void> {
    if (!linkRegistrationRemembered(this.deps.userData)) return;
    const schemes = protocolsToRegister(this.deps.links());
    const before = await schemeStatus(this.deps, schemes);
    await registerSchemes(
      this.deps,
      before.filter((each) => each.state !== 'other').map((each) => each.scheme),
    );
    for (const each of await schemeStatus(this.deps, schemes)) {
      if (each.state === 'other')
        this.deps.warn(`${each.scheme}: links open in ${each.app ?? '?'}, not Ringdesk`);
      if (each.state === 'none') this.deps.warn(`${each.scheme}: no application opens these links`);
    }
  }
}

/**
 * Phone links for the Electron face: the actions for the windows, the start-up renewal, and
 * `links.sip` applied after every save.
 */
export function setupLinkRegistration(
  electron: { app: LinkApp; shell: Pick<Shell, 'openExternal'> },
  paths: { readonly userData: string },
  booted: Booted,
  warn: (message: string) => void,
  process: Pick<NodeJS.Process, 'execPath' | 'argv' | 'platform' | 'env' | 'defaultApp'> & {
    getSystemVersion?: () => string;
  },
  homedir: string,
): DesktopLinks {
  const links = new DesktopLinks({
    app: electron.app,
    execPath: process.execPath,
    argv: process.argv,
    defaultApp: process.defaultApp,
    platform: process.platform,
    env: process.env,
    homedir,
    userData: paths.userData,
    systemVersion: process.getSystemVersion?.() ?? '',
    openExternal: (url) => electron.shell.openExternal(url),
    links: () => booted.current().links,
    warn,
  });
  links.renewAtStart().catch((error: unknown) => warn(`phone links: ${String(error)}`));
  let sip = booted.current().links.sip;
  booted.onSaved(async (saved) => {
    if (saved.links.sip === sip) return;
    sip = saved.links.sip;
    await links.applySip(sip);
  });
  return links;
}
