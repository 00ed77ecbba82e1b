/**
 * The Electron face, as a table of contents: each step is a `setupX` in shell/, given the Electron
 * objects it needs; the start itself is the one boot every face shares (companion/boot.ts).
 *
 * The Electron binary cannot be downloaded where Ringdesk is built: this file is type-checked
 * against Electron's typings and executed under a stand-in for Electron (e2e/electron-standin/),
 * never launched in Electron itself there.
 */
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
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
import { homedir } from 'node:os';
import { DesktopAttention } from './shell/desktop-attention.js';
import {
  PendingLinks,
  setupCrashPolicy,
  setupLoginAndUpdates,
  setupQuit,
  showFirstWindow,
} from './shell/desktop-lifecycle.js';
import { setupLinkRegistration } from './shell/desktop-links.js';
import { bootDesktop, desktopPaths, setupIpc, setupWindows } from './shell/desktop-setup.js';
import { setupShortcuts } from './shell/desktop-shortcuts.js';
import { linkFromArgv, linkFromSecondInstance, secondInstanceData } from './shell/link-from-argv.js';

const warn = (message: string) => process.stderr.write(`ringdesk: ${message}\n`);
const pending = new PendingLinks(warn);
const lifecycle = { stopped: false };

async function onReady(): Promise<void> {
  const paths = desktopPaths(app);
  const booted = await bootDesktop({ app, safeStorage }, paths, warn);
  const windows = setupWindows({ BrowserWindow, screen, session, shell }, paths, booted);
  const links = setupLinkRegistration({ app, shell }, paths, booted, warn, process, homedir());
  setupIpc({ app, ipcMain, shell, dialog }, paths, booted, windows, links);
  const attention = new DesktopAttention(
    { app, Tray, Menu, nativeImage, Notification },
    paths,
    booted,
    windows,
  );
  setupCrashPolicy({ app, Notification }, booted, attention, lifecycle, warn);
  setupShortcuts({ app, globalShortcut, clipboard, Notification }, booted, windows, warn);
  const updates = setupLoginAndUpdates({ app, updater: electronUpdater.autoUpdater }, booted, warn);
  setupQuit(app, booted, { windows, attention, updates }, lifecycle);
  showFirstWindow(booted, windows);
  pending.deliver(booted.runtime);
}

// macOS delivers links through open-url, possibly before ready: registered first, synchronously.
app.on('open-url', (event, url) => {
  event.preventDefault();
  pending.handle(url);
});

// The link travels in additionalData too: Chromium may reorder a second instance's argv.
if (!app.requestSingleInstanceLock(secondInstanceData(process.argv))) {
  app.quit();
} else {
  pending.handle(linkFromArgv(process.argv));
  app.on('second-instance', (_event, argv, _workingDirectory, additionalData) => {
    pending.handle(linkFromSecondInstance(argv, additionalData));
  });
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
