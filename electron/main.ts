/**
 * The Electron face: one composition root that reads like a table of contents. It builds the
 * running Companion from the settings, registers the IPC router, creates the windows and the
 * tray, and hands phone links to the Companion. Every decision lives in Electron-free modules
 * with unit tests (shell/, companion/); this file only wires Electron objects to them.
 *
 * The Electron binary cannot be downloaded where this project is built, so this file is
 * type-checked against Electron's typings but has never been launched there.
 */
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import electronUpdater from 'electron-updater';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { companionApi } from './companion/companion-api.js';
import { CompanionRuntime } from './companion/companion-runtime.js';
import { installCrashPolicy } from './companion/crash-policy.js';
import { createCompanion } from './companion/create-companion.js';
import { SettingsService } from './companion/settings-service.js';
import { EVENT_CHANNEL } from './contract/windows.js';
import { regionOfLocale } from './numbers/dialing-rules.js';
import { defaultSettings, loadSettings, SettingsError, type Settings } from './settings/load-settings.js';
import { AppWindows } from './shell/app-windows.js';
import { AutoUpdate } from './shell/auto-update.js';
import { isRendererUrl, registerIpcRouter } from './shell/ipc-router.js';
import { linkFromArgv } from './shell/link-from-argv.js';
import { MissedCallNotifier } from './shell/missed-call-notification.js';
import { openDesktopSecretStore } from './shell/open-secret-store.js';
import {
  linkRegistrationRemembered,
  registerLinkHandler,
  rememberLinkRegistration,
} from './shell/protocol-registration.js';
import { hardenSession } from './shell/secure-window.js';
import { applyStartAtLogin } from './shell/start-at-login.js';
import { shellLanguage } from './shell/shell-text.js';
import { trayMenu, trayState } from './shell/tray-state.js';

const warn = (message: string) => process.stderr.write(`ringdesk: ${message}\n`);
const pendingLinks: string[] = [];
let runtime: CompanionRuntime | null = null;
let stopped = false;

function handleLink(link: string | null): void {
  if (link === null) return;
  if (runtime === null) pendingLinks.push(link);
  else runtime.companion.dialLink(link).catch((error: unknown) => warn(String(error)));
}

async function onReady(): Promise<void> {
  const root = app.getAppPath();
  const userData = app.getPath('userData');
  const configFile = path.join(userData, 'config.json');
  const defaultRegion = regionOfLocale(app.getLocale());
  const secrets = await openDesktopSecretStore(userData, safeStorage, process.platform, warn);
  // A broken settings file must not keep the app from starting: the simulator line runs and the
  // settings window opens with every problem listed, for the user to fix.
  let settingsBroken = false;
  let settings: Settings;
  try {
    settings = await loadSettings(configFile, { defaultRegion, required: false, secrets });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    warn(error.message);
    settings = defaultSettings(defaultRegion);
    settingsBroken = true;
  }
  const environment = {
    dataDir: userData,
    templatesDir: path.join(root, 'templates'),
    locale: app.getLocale(),
    env: process.env,
    onWarning: warn,
  };
  const running = await CompanionRuntime.start(settings, (each) => createCompanion(each, environment));
  runtime = running;
  // Start at login: applied at every start (the app may have moved) and after every save.
  const applyLogin = (on: boolean) =>
    applyStartAtLogin(on, {
      platform: process.platform,
      app,
      execPath: process.execPath,
      argv: process.argv,
      env: process.env,
      homedir: os.homedir(),
      files: { mkdir, rm, writeFile: (file, text) => writeFile(file, text) },
    }).catch((error: unknown) => warn(`start at login: ${String(error)}`));
  void applyLogin(settings.app.startAtLogin);
  const updates = new AutoUpdate({
    updater: electronUpdater.autoUpdater,
    isPackaged: app.isPackaged,
    warn,
    onDownloaded: (version) => warn(`Ringdesk ${version} is downloaded; it is installed when Ringdesk quits`),
  });
  updates.apply(settings.app.updateFeedUrl);
  const settingsService = new SettingsService({
    file: configFile,
    dataDir: userData,
    defaultRegion,
    secrets,
    env: process.env,
    current: () => settings,
    popups: () => running.parts.popups,
    templates: () => running.parts.templates,
    onSaved: async (saved) => {
      await running.replace(saved);
      settings = saved;
      await applyLogin(saved.app.startAtLogin);
      updates.apply(saved.app.updateFeedUrl);
    },
  });

  const linkHandlerDeps = {
    app,
    execPath: process.execPath,
    argv: process.argv,
    platform: process.platform,
    env: process.env,
  };

  hardenSession(session.defaultSession);
  const rendererUrl = pathToFileURL(path.join(root, 'dist', 'renderer', 'index.html')).href;
  const preload = (name: string) => path.join(root, 'dist', 'preload', `${name}-preload.cjs`);
  const windows = new AppWindows({
    createWindow: (options) => new BrowserWindow(options),
    openExternal: (url) => void shell.openExternal(url),
    rendererUrl,
    preloads: {
      popup: preload('popup'),
      calls: preload('calls'),
      settings: preload('settings'),
      confirm: preload('confirm'),
    },
    workArea: () => screen.getPrimaryDisplay().workArea,
    corner: () => settings.popup.corner,
    // The agent closed the confirmation window with its ×: whatever waits is cancelled.
    onConfirmClosed: () => {
      for (const { id } of running.companion.snapshot().confirmations) {
        try {
          running.companion.cancelDial(id);
        } catch {
          // answered or expired meanwhile
        }
      }
    },
    icon: path.join(root, 'build', 'icons', 'icon.png'),
  });
  registerIpcRouter({
    ipcMain,
    api: companionApi(running, settingsService, {
      registerLinkHandler: async () => {
        const result = await registerLinkHandler(linkHandlerDeps, settings.links);
        if (result.registered.length > 0) await rememberLinkRegistration(userData, result.registered);
        return result;
      },
    }),
    isTrustedSender: (event) =>
      windows.kindOf(event.sender) !== null && isRendererUrl(event.senderFrame?.url ?? '', rendererUrl),
    windowKindOf: (event) => windows.kindOf(event.sender),
    openExternal: (url) => shell.openExternal(url),
  });

  let doNotDisturb = false;
  const notifier = new MissedCallNotifier({
    Notification,
    isSupported: () => Notification.isSupported(),
    context: () => ({
      doNotDisturb,
      locale: settings.app.language === 'auto' ? app.getLocale() : settings.app.language,
    }),
    showCalls: () => windows.showCalls(),
  });
  // What escapes every handler: logged, the journal flushed, the runtime restarted, the agent told.
  installCrashPolicy({
    process,
    restart: () => running.restart(),
    stop: () => running.stop(),
    log: warn,
    tell: (notice) => {
      if (Notification.isSupported()) new Notification({ title: notice.title, body: notice.body }).show();
    },
    onFatal: () => {
      stopped = true;
      app.exit(1);
    },
    locale: () => (settings.app.language === 'auto' ? app.getLocale() : settings.app.language),
    now: Date.now,
  });
  const icon = (name: string) =>
    nativeImage.createFromPath(path.join(root, 'build', 'icons', `tray-${name}.png`));
  const tray = new Tray(icon('disconnected'));
  const refreshTray = () => {
    const snapshot = running.companion.snapshot();
    const language = shellLanguage(settings.app.language, app.getLocale());
    const state = trayState(snapshot.line, snapshot.popups, doNotDisturb, language);
    tray.setImage(icon(state.icon));
    tray.setToolTip(state.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenu(
          doNotDisturb,
          {
            showCalls: () => windows.showCalls(),
            showSettings: () => windows.showSettings(),
            toggleDoNotDisturb: (on) => {
              doNotDisturb = on;
              refreshTray();
            },
            showAbout: () => app.showAboutPanel(),
            quit: () => app.quit(),
          },
          language,
        ),
      ),
    );
  };

  running.onEvent((event) => {
    windows.broadcast(EVENT_CHANNEL, event);
    if (event.channel === 'popup' && event.payload.state === 'ringing' && !doNotDisturb) windows.showPopup();
    if (event.channel === 'popupClosed' && running.companion.snapshot().popups.length === 0)
      windows.hidePopup();
    // A clicked link (or a callback) waits for the agent: the small focused window asks.
    if (event.channel === 'dialConfirmation') {
      if (process.platform === 'darwin') app.focus({ steal: true });
      windows.showConfirm();
    }
    if (
      (event.channel === 'dialConfirmationClosed' || event.channel === 'snapshot') &&
      running.companion.snapshot().confirmations.length === 0
    )
      windows.hideConfirm();
    notifier.onEvent(event);
    refreshTray();
  });
  // Once the user asked for the links, each start renews the registration (the app may have moved).
  if (linkRegistrationRemembered(userData)) {
    registerLinkHandler(linkHandlerDeps, settings.links).then(
      ({ refused }) => {
        if (refused.length > 0) warn(`the OS did not make Ringdesk the handler for ${refused.join(', ')}`);
      },
      (error: unknown) => warn(`phone links: ${String(error)}`),
    );
  }

  refreshTray();
  if (settingsBroken) windows.showSettings();
  else if (settings.source === null) windows.showSettings(true);
  for (const link of pendingLinks.splice(0)) handleLink(link);

  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    updates.stop();
    void running.stop().finally(() => {
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
