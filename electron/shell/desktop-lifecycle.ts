/**
 * The desktop app's life around the Companion: links that arrive before the app is ready, the
 * crash policy, start at login and updates (applied at start and after every save), the first
 * window, and quitting with the journal flushed (phone-link registration: desktop-links.ts). Electron's objects are passed in.
 */
import type { App, Notification as NotificationType, NotificationConstructorOptions } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Booted } from '../companion/boot.js';
import type { CompanionRuntime } from '../companion/companion-runtime.js';
import { installCrashPolicy } from '../companion/crash-policy.js';
import type { AppWindows } from './app-windows.js';
import { AutoUpdate, type UpdaterLike } from './auto-update.js';
import type { DesktopAttention } from './desktop-attention.js';
import { applyStartAtLogin } from './start-at-login.js';

/** Phone links that came before the Companion ran (a cold start by a click, macOS's open-url). */
export class PendingLinks {
  private readonly waiting: string[] = [];
  private runtime: CompanionRuntime | null = null;

  constructor(private readonly warn: (message: string) => void) {}

  /** Hands `link` to the Companion, or keeps it until there is one. */
  handle(link: string | null): void {
    if (link === null) return;
    if (this.runtime === null) this.waiting.push(link);
    else this.runtime.companion.dialLink(link).catch((error: unknown) => this.warn(String(error)));
  }

  /** The Companion runs: what waited is handed over, in order. */
  deliver(runtime: CompanionRuntime): void {
    this.runtime = runtime;
    for (const link of this.waiting.splice(0)) this.handle(link);
  }
}

type DesktopApp = Pick<
  App,
  'exit' | 'getLocale' | 'isPackaged' | 'setLoginItemSettings' | 'getLoginItemSettings' | 'quit' | 'on'
>;

/** Errors that escape every handler: logged, the journal flushed, the runtime restarted, the agent told. */
export function setupCrashPolicy(
  electron: {
    app: Pick<App, 'exit'>;
    Notification: (new (options: NotificationConstructorOptions) => NotificationType) & {
      isSupported(): boolean;
    };
  },
  booted: Booted,
  attention: DesktopAttention,
  lifecycle: { stopped: boolean },
  warn: (message: string) => void,
): void {
  const { runtime } = booted;
  installCrashPolicy({
    process,
    restart: () => runtime.restart(),
    stop: () => runtime.stop(),
    log: warn,
    tell: (notice) => {
      if (electron.Notification.isSupported())
        new electron.Notification({ title: notice.title, body: notice.body }).show();
    },
    onFatal: () => {
      lifecycle.stopped = true;
      electron.app.exit(1);
    },
    locale: () => attention.locale(),
    now: Date.now,
  });
}

/** Start at login and updates: applied now and after every save. Returns the updater (stopped on quit). */
export function setupLoginAndUpdates(
  electron: { app: DesktopApp; updater: UpdaterLike },
  booted: Booted,
  warn: (message: string) => void,
): AutoUpdate {
  const applyLogin = (on: boolean) =>
    applyStartAtLogin(on, {
      platform: process.platform,
      app: electron.app,
      execPath: process.execPath,
      argv: process.argv,
      env: process.env,
      homedir: os.homedir(),
      files: { mkdir, rm, writeFile: (file, text) => writeFile(file, text) },
    }).catch((error: unknown) => {
      warn(`start at login: ${String(error)}`);
    });
  const updates = new AutoUpdate({
    updater: electron.updater,
    isPackaged: electron.app.isPackaged,
    warn,
    onDownloaded: (version) => {
      warn(`Ringdesk ${version} is downloaded; it is installed when Ringdesk quits`);
    },
  });
  void applyLogin(booted.current().app.startAtLogin);
  updates.apply(booted.current().app.updateFeedUrl);
  booted.onSaved(async (saved) => {
    await applyLogin(saved.app.startAtLogin);
    updates.apply(saved.app.updateFeedUrl);
  });
  return updates;
}

/** The first window: the settings with their problems, the wizard on a first run, else none (tray). */
export function showFirstWindow(booted: Booted, windows: AppWindows): void {
  if (booted.problems.length > 0) windows.showSettings();
  else if (booted.firstRun) windows.showSettings(true);
}

/** Quitting stops the updater and the runtime (the journal flushed) before the app goes. */
export function setupQuit(
  app: Pick<App, 'on' | 'quit'>,
  booted: Booted,
  parts: { windows: AppWindows; attention: DesktopAttention; updates: AutoUpdate },
  lifecycle: { stopped: boolean },
): void {
  app.on('before-quit', (event) => {
    if (lifecycle.stopped) return;
    event.preventDefault();
    parts.updates.stop();
    void booted.runtime.stop().finally(() => {
      lifecycle.stopped = true;
      parts.windows.destroyAll();
      parts.attention.destroy();
      app.quit();
    });
  });
}
