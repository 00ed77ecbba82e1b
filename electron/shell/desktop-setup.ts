/**
 * The desktop app's start, in the parts `main.ts` lists: where the app's files are, the one boot
 * with the OS's secret storage, the windows from the secure factory, and the IPC router. Electron's
 * objects are passed in (main.ts is the only place that imports them), so the stand-in and the
 * tests run the same code.
 */
import { siteCandidates, siteSource } from '../companion/settings/site-source.js';
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  SafeStorage,
  Screen,
  Session,
  Shell,
} from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { boot, type Booted } from '../companion/boot.js';
import { companionApi } from '../companion/companion-api.js';
import type { WindowKind } from '../contract/windows.js';
import { regionOfLocale } from '../numbers/region-of-locale.js';
import { AppWindows } from './app-windows.js';
import type { LinkActions } from './desktop-links.js';
import { pickFileWithDialog } from './file-dialog.js';
import { registerIpcRouter } from './ipc-router.js';
import { shellLanguage } from './shell-text.js';
import { openDesktopSecretStore } from './open-secret-store.js';
import { hardenSession } from './secure-window.js';

/** Where the desktop app's own files and the user's are. */
export interface DesktopPaths {
  readonly root: string;
  readonly userData: string;
  readonly configFile: string;
  /** The installed program's folder, where an installer may put the site settings (site.json). */
  readonly programDir: string;
  readonly rendererUrl: string;
  readonly templatesDir: string;
  readonly icon: string;
  preload(kind: WindowKind): string;
  trayIcon(state: string): string;
}

export function desktopPaths(app: Pick<App, 'getAppPath' | 'getPath'>): DesktopPaths {
  const root = app.getAppPath();
  const userData = app.getPath('userData');
  return {
    root,
    userData,
    configFile: path.join(userData, 'config.json'),
    programDir: path.dirname(app.getPath('exe')),
    rendererUrl: pathToFileURL(path.join(root, 'dist', 'renderer', 'index.html')).href,
    templatesDir: path.join(root, 'templates'),
    icon: path.join(root, 'build', 'icons', 'icon.png'),
    preload: (kind) => path.join(root, 'dist', 'preload', `${kind}-preload.cjs`),
    trayIcon: (state) => path.join(root, 'build', 'icons', `tray-${state}.png`),
  };
}

/** The one boot (companion/boot.ts) with the desktop's secret storage and the user's settings file. */
export function bootDesktop(
  electron: { app: Pick<App, 'getLocale'>; safeStorage: SafeStorage },
  paths: DesktopPaths,
  warn: (message: string) => void,
): Promise<Booted> {
  return boot({
    configFile: paths.configFile,
    required: false,
    editable: true,
    profileDir: paths.userData,
    dataDir: paths.userData,
    templatesDir: paths.templatesDir,
    locale: electron.app.getLocale(),
    defaultRegion: regionOfLocale(electron.app.getLocale()),
    env: process.env,
    openSecrets: () => openDesktopSecretStore(paths.userData, electron.safeStorage, process.platform, warn),
    onWarning: warn,
    siteSource: siteSource(process.env, siteCandidates(process.platform, paths.programDir)),
  });
}

/** The windows, from the secure factory, in a hardened session. */
export function setupWindows(
  electron: {
    BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
    screen: Pick<Screen, 'getPrimaryDisplay'>;
    session: { defaultSession: Session };
    shell: Pick<Shell, 'openExternal'>;
  },
  paths: DesktopPaths,
  booted: Booted,
): AppWindows {
  hardenSession(electron.session.defaultSession);
  const { runtime } = booted;
  return new AppWindows({
    createWindow: (options) => new electron.BrowserWindow(options),
    openExternal: (url) => void electron.shell.openExternal(url),
    rendererUrl: paths.rendererUrl,
    preloads: {
      popup: paths.preload('popup'),
      calls: paths.preload('calls'),
      settings: paths.preload('settings'),
      confirm: paths.preload('confirm'),
    },
    workArea: () => electron.screen.getPrimaryDisplay().workArea,
    corner: () => booted.current().popup.corner,
    // The agent closed the confirmation window with its ×: whatever waits is cancelled.
    onConfirmClosed: () => {
      for (const { id } of runtime.companion.snapshot().confirmations) {
        try {
          runtime.companion.cancelDial(id);
        } catch {
          // answered or expired meanwhile
        }
      }
    },
    icon: paths.icon,
  });
}

/** The IPC router between the windows and the Companion. */
export function setupIpc(
  electron: {
    app: Pick<App, 'getLocale'>;
    ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
    shell: Pick<Shell, 'openExternal'>;
    dialog: Pick<Dialog, 'showOpenDialog'>;
  },
  paths: DesktopPaths,
  booted: Booted,
  windows: AppWindows,
  links: LinkActions,
): void {
  registerIpcRouter({
    ipcMain: electron.ipcMain,
    api: companionApi(booted.runtime, booted.settings, {
      registerLinkHandler: () => links.registerLinkHandler(),
      linkStatus: () => links.linkStatus(),
      unregisterLinkHandler: () => links.unregisterLinkHandler(),
      openDefaultApps: () => links.openDefaultApps(),
      pickFile: (kind) =>
        pickFileWithDialog(
          electron.dialog,
          windows.windowOf('settings'),
          kind,
          shellLanguage(booted.current().app.language, electron.app.getLocale()),
        ),
      openSettings: () => windows.showSettings(),
    }),
    rendererUrl: paths.rendererUrl,
    windowKindOf: (event) => windows.kindOf(event.sender),
    openExternal: (url) => electron.shell.openExternal(url),
  });
}
