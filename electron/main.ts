/**
 * The Electron face: one composition root that reads like a table of contents. It builds the
 * Companion from the settings, registers the IPC router, creates the windows and the tray, and
 * hands phone links to the Companion. Every decision lives in Electron-free modules with unit
 * tests (shell/, companion/); this file only wires Electron objects to them.
 *
 * The Electron binary cannot be downloaded where this project is built, so this file is
 * type-checked against Electron's typings but has never been launched there.
 */
import { app, BrowserWindow, ipcMain, Menu, nativeImage, screen, session, shell, Tray } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { companionApi } from './companion/companion-api.js';
import type { Companion } from './companion/companion.js';
import { createCompanion } from './companion/create-companion.js';
import { EVENT_CHANNEL } from './contract/windows.js';
import { regionOfLocale } from './numbers/dialing-rules.js';
import { loadSettings } from './settings/load-settings.js';
import { AppWindows } from './shell/app-windows.js';
import { isRendererUrl, registerIpcRouter } from './shell/ipc-router.js';
import { linkFromArgv } from './shell/link-from-argv.js';
import { registerProtocols } from './shell/protocol-registration.js';
import { hardenSession } from './shell/secure-window.js';
import { trayMenu, trayState } from './shell/tray-state.js';

const warn = (message: string) => process.stderr.write(`ringdesk: ${message}\n`);
const pendingLinks: string[] = [];
let companion: Companion | null = null;
let stopped = false;

function handleLink(link: string | null): void {
  if (link === null) return;
  if (companion === null) pendingLinks.push(link);
  else companion.dialLink(link).catch((error: unknown) => warn(String(error)));
}

async function onReady(): Promise<void> {
  const root = app.getAppPath();
  const userData = app.getPath('userData');
  const settings = await loadSettings(path.join(userData, 'config.json'), {
    defaultRegion: regionOfLocale(app.getLocale()),
    required: false,
  });
  const parts = await createCompanion(settings, {
    dataDir: userData,
    templatesDir: path.join(root, 'templates'),
    locale: app.getLocale(),
    env: process.env,
    onWarning: warn,
  });
  companion = parts.companion;

  hardenSession(session.defaultSession);
  const rendererUrl = pathToFileURL(path.join(root, 'dist', 'renderer', 'index.html')).href;
  const windows = new AppWindows({
    createWindow: (options) => new BrowserWindow(options),
    openExternal: (url) => void shell.openExternal(url),
    rendererUrl,
    preloads: {
      popup: path.join(root, 'dist', 'preload', 'popup-preload.cjs'),
      calls: path.join(root, 'dist', 'preload', 'calls-preload.cjs'),
    },
    workArea: () => screen.getPrimaryDisplay().workArea,
    corner: 'bottom-right',
    icon: path.join(root, 'build', 'icons', 'icon.png'),
  });
  registerIpcRouter({
    ipcMain,
    api: companionApi(parts.companion),
    isTrustedSender: (event) =>
      windows.kindOf(event.sender) !== null && isRendererUrl(event.senderFrame?.url ?? '', rendererUrl),
    windowKindOf: (event) => windows.kindOf(event.sender),
    openExternal: (url) => shell.openExternal(url),
  });

  let doNotDisturb = false;
  const icon = (name: string) =>
    nativeImage.createFromPath(path.join(root, 'build', 'icons', `tray-${name}.png`));
  const tray = new Tray(icon('disconnected'));
  const refreshTray = () => {
    const snapshot = parts.companion.snapshot();
    const state = trayState(snapshot.line, snapshot.popups, doNotDisturb);
    tray.setImage(icon(state.icon));
    tray.setToolTip(state.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenu(doNotDisturb, {
          showCalls: () => windows.showCalls(),
          showSettings: () => windows.showCalls(),
          toggleDoNotDisturb: (on) => {
            doNotDisturb = on;
            refreshTray();
          },
          showAbout: () => app.showAboutPanel(),
          quit: () => app.quit(),
        }),
      ),
    );
  };

  parts.companion.onEvent((event) => {
    windows.broadcast(EVENT_CHANNEL, event);
    if (event.channel === 'popup' && event.payload.state === 'ringing' && !doNotDisturb) windows.showPopup();
    if (event.channel === 'popupClosed' && parts.companion.snapshot().popups.length === 0)
      windows.hidePopup();
    refreshTray();
  });
  const refused = registerProtocols(app, process.execPath, process.argv, { sip: false });
  if (refused.length > 0) warn(`the OS did not make Ringdesk the handler for ${refused.join(', ')}`);

  await parts.companion.start();
  refreshTray();
  for (const link of pendingLinks.splice(0)) handleLink(link);

  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void parts.companion.stop().finally(() => {
      stopped = true;
      windows.destroyAll();
      tray.destroy();
      app.quit();
    });
  });
}

// macOS delivers links through open-url, possibly before ready: register first, synchronously.
app.on('open-url', (event, url) => {
  event.preventDefault();
  handleLink(url);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  handleLink(linkFromArgv(process.argv));
  app.on('second-instance', (_event, argv) => handleLink(linkFromArgv(argv)));
  // A tray app: closing every window does not quit.
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      warn(`could not start: ${String(error)}`);
      app.exit(1);
    });
}
