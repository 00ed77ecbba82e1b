/**
 * A STAND-IN for the `electron` module — not Electron. The Electron binary cannot be downloaded
 * where Ringdesk is built, so the real built main process (`dist/electron/main.js`) runs in plain
 * Node with `electron` resolved to this module (see `register.mjs`). It implements the part of
 * Electron's main-process API that Ringdesk's main, `shell/`, the preloads and electron-updater use:
 *
 * - `BrowserWindow` is a real Chromium page (Playwright, one persistent context = Electron's
 *   default session); its options are recorded so tests can compare them with the secure factory;
 *   the window's real preload from `dist/preload/` runs in the page before the renderer, with a
 *   `contextBridge`/`ipcRenderer` shim (`page-bridge.ts`) whose calls reach `ipcMain` with the real
 *   sender: the page's frame URL and its window's `webContents`.
 * - `app` keeps Electron's event order (`ready`, `second-instance` from a real second process via
 *   the single-instance lock, `open-url`, `before-quit` with `preventDefault`, `will-quit`, `quit`).
 * - `Tray`, `Menu`, `Notification`, `safeStorage`, `screen`, `shell`, `session`, `nativeImage`,
 *   `dialog`, `globalShortcut`, `clipboard` are recorders, readable (and clickable) through the
 *   stand-in's control server (`control-server.ts`).
 *
 * What it is not: no OS windows, no real context isolation (the bridge lives in the page's main
 * world), no OS keyring behind `safeStorage`, no native menus. Never say the app was launched.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recorder } from './recorder.js';
import { standinApp } from './standin-app.js';
import { BrowserWindow, webContentsOf } from './standin-window.js';
import { ipcMain } from './standin-ipc.js';

export { BrowserWindow, ipcMain };
export const app = standinApp;

/** One item of a built menu; `click` runs as Electron runs it (never when a `role` is set). */
export interface StandinMenuItem {
  readonly label?: string;
  readonly role?: string;
  readonly type?: string;
  readonly checked?: boolean;
  readonly enabled?: boolean;
  readonly click?: (item: unknown, window: unknown, event: unknown) => void;
  readonly submenu?: readonly StandinMenuItem[];
}

export class Menu {
  private constructor(readonly items: readonly StandinMenuItem[]) {}

  static buildFromTemplate(template: readonly StandinMenuItem[]): Menu {
    return new Menu(template.map((item) => ({ ...item })));
  }

  static setApplicationMenu(menu: Menu | null): void {
    recorder.applicationMenu = menu;
  }
}

export class Tray extends EventEmitter {
  image: unknown;
  tooltip = '';
  menu: Menu | null = null;
  destroyed = false;

  constructor(image: unknown) {
    super();
    this.image = image;
    recorder.trays.push(this);
  }

  setImage(image: unknown): void {
    this.image = image;
  }

  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }

  setContextMenu(menu: Menu | null): void {
    this.menu = menu;
  }

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class Notification extends EventEmitter {
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
  }

  static isSupported(): boolean {
    return true;
  }

  show(): void {
    recorder.notifications.push(this);
  }

  close(): void {
    this.emit('close');
  }
}

/** Image paths only: `isEmpty()` says whether the file exists, as Electron's does. */
export const nativeImage = {
  createFromPath(file: string) {
    let empty = true;
    try {
      empty = readFileSync(file).length === 0;
    } catch {
      empty = true;
    }
    return { path: file, isEmpty: () => empty, toDataURL: () => '' };
  },
  createEmpty() {
    return { path: '', isEmpty: () => true, toDataURL: () => '' };
  },
};

/**
 * Not the OS keyring: a reversible encoding so that what the app seals is not plain text on
 * disk and reads back, which is what Ringdesk relies on. The backend name is Linux's usual one.
 */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  getSelectedStorageBackend: () => process.env.STANDIN_SAFE_STORAGE_BACKEND ?? 'gnome_libsecret',
  encryptString: (text: string) => seal(text),
  decryptString: (data: Buffer) => unseal(data),
  encryptStringAsync: (text: string) => Promise.resolve(seal(text)),
  decryptStringAsync: (data: Buffer) => Promise.resolve({ shouldReEncrypt: false, result: unseal(data) }),
};

function seal(text: string): Buffer {
  return Buffer.concat([Buffer.from('standin:'), Buffer.from(Buffer.from(text, 'utf8').toString('base64'))]);
}

function unseal(data: Buffer): string {
  const text = data.toString('utf8');
  if (!text.startsWith('standin:'))
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  return Buffer.from(text.slice('standin:'.length), 'base64').toString('utf8');
}

const WORK_AREA = { x: 0, y: 0, width: 1920, height: 1040 };
export const screen = {
  getPrimaryDisplay: () => ({
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: WORK_AREA,
    scaleFactor: 1,
  }),
  getAllDisplays: () => [screen.getPrimaryDisplay()],
  getDisplayNearestPoint: () => screen.getPrimaryDisplay(),
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
};

export const shell = {
  openExternal(url: string): Promise<void> {
    recorder.openedExternal.push(url);
    return Promise.resolve();
  },
  openPath(file: string): Promise<string> {
    recorder.openedPaths.push(file);
    return Promise.resolve('');
  },
  showItemInFolder(file: string): void {
    recorder.openedPaths.push(file);
  },
};

function makeSession(partition: string) {
  return {
    partition,
    setPermissionRequestHandler(handler: unknown) {
      recorder.session.permissionRequestHandler = handler !== null;
    },
    setPermissionCheckHandler(handler: unknown) {
      recorder.session.permissionCheckHandler = handler !== null;
    },
    webRequest: {
      onHeadersReceived(handler: unknown) {
        recorder.session.onHeadersReceived = handler !== null;
      },
    },
  };
}

export const session = {
  defaultSession: makeSession(''),
  fromPartition: (partition: string) => makeSession(partition),
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    recorder.dialogs.push({ kind: 'error', title, content });
  },
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
    recorder.dialogs.push({ kind: 'message', ...options });
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
  showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    recorder.dialogs.push({ kind: 'open', options: args.at(-1) });
    const chosen = recorder.nextOpenDialogPaths.shift();
    return Promise.resolve({ canceled: chosen === undefined, filePaths: chosen ?? [] });
  },
};

/**
 * Electron 45's globalShortcut (docs/api/global-shortcut.md): `register` returns false, silently,
 * when another program holds the combination; `STANDIN_TAKEN_SHORTCUTS` (comma-separated) names
 * the combinations "another program" holds here.
 */
const takenShortcuts = new Set(
  (process.env.STANDIN_TAKEN_SHORTCUTS ?? '').split(',').filter((each) => each !== ''),
);

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    if (takenShortcuts.has(accelerator)) return false;
    recorder.shortcuts.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string): void {
    recorder.shortcuts.delete(accelerator);
  },
  unregisterAll(): void {
    recorder.shortcuts.clear();
  },
  isRegistered: (accelerator: string) => recorder.shortcuts.has(accelerator),
};

/**
 * Electron 45's clipboard (its typings, docs/api/clipboard.md): `readText`/`writeText` are
 * promises, and `clipboard.selection` is the Linux PRIMARY selection with the same methods
 * (`undefined` on other platforms). The control server's `/clipboard` sets both.
 */
export const clipboard = {
  readText: () => Promise.resolve(recorder.clipboard.text),
  writeText(text: string): Promise<void> {
    recorder.clipboard.text = text;
    return Promise.resolve();
  },
  selection:
    process.platform === 'linux'
      ? {
          readText: () => Promise.resolve(recorder.clipboard.selection),
          writeText(text: string): Promise<void> {
            recorder.clipboard.selection = text;
            return Promise.resolve();
          },
        }
      : undefined,
};

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  themeSource: 'system',
});

/** Electron's own updater (macOS/Windows Squirrel); electron-updater reaches for it on macOS only. */
export const autoUpdater = Object.assign(new EventEmitter(), {
  setFeedURL: () => undefined,
  checkForUpdates: () => undefined,
  quitAndInstall: () => undefined,
});

export const webContents = {
  getAllWebContents: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  fromId: (id: number) =>
    BrowserWindow.getAllWindows().find((window) => window.webContents.id === id)?.webContents,
};

export { webContentsOf };

/** The stand-in's own marker, for code (and people) who need to know. */
export const isStandin = true;
export const standinAppRoot = (): string => path.resolve(process.env.STANDIN_APP_PATH ?? process.cwd());
