/**
 * The app's windows: the popup (frameless, always on top, shown without taking focus in the
 * chosen corner) and the call log. Both come from the secure factory, load the one renderer
 * (`#popup`, `#calls`) and get Companion events. Electron is injected, so this is tested with
 * fakes.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { WindowKind } from '../contract/windows.js';
import { popupBounds, type Corner, type Rectangle } from './popup-placement.js';
import { createSecureWindow } from './secure-window.js';

export interface AppWindowsDeps {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly openExternal: (url: string) => void;
  /** `file:///.../dist/renderer/index.html`. */
  readonly rendererUrl: string;
  readonly preloads: Readonly<Record<WindowKind, string>>;
  /** The work area of the screen the popup goes on. */
  readonly workArea: () => Rectangle;
  readonly corner: Corner;
  readonly icon?: string;
}

const POPUP_SIZE = { width: 380, height: 300 };
const TITLES: Record<WindowKind, string> = {
  popup: 'Ringdesk call',
  calls: 'Ringdesk – calls',
  settings: 'Ringdesk – settings',
};

export class AppWindows {
  private readonly windows = new Map<WindowKind, BrowserWindow>();

  constructor(private readonly deps: AppWindowsDeps) {}

  /** Shows the popup window without stealing focus from the agent's work. */
  showPopup(): void {
    const window = this.get('popup');
    window.setBounds(popupBounds(this.deps.workArea(), POPUP_SIZE, this.deps.corner));
    if (!window.isVisible()) window.showInactive();
  }

  hidePopup(): void {
    this.windows.get('popup')?.hide();
  }

  /** Shows (and focuses) the call log. */
  showCalls(): void {
    this.showWindow('calls');
  }

  /** Shows (and focuses) the settings, or the first-run wizard. */
  showSettings(wizard = false): void {
    this.showWindow('settings', wizard ? 'wizard' : 'settings');
  }

  private showWindow(kind: 'calls' | 'settings', view: string = kind): void {
    const window = this.get(kind, view);
    window.show();
    window.focus();
  }

  /** Which of our windows `contents` belongs to, or null. */
  kindOf(contents: WebContents): WindowKind | null {
    for (const [kind, window] of this.windows)
      if (!window.isDestroyed() && window.webContents.id === contents.id) return kind;
    return null;
  }

  /** Sends a message to every open window. */
  broadcast(channel: string, payload: unknown): void {
    for (const window of this.windows.values())
      if (!window.isDestroyed()) window.webContents.send(channel, payload);
  }

  private get(kind: WindowKind, view: string = kind): BrowserWindow {
    const existing = this.windows.get(kind);
    if (existing !== undefined && !existing.isDestroyed()) return existing;
    const popup = kind === 'popup';
    const window = createSecureWindow(
      { createWindow: this.deps.createWindow, openExternal: this.deps.openExternal },
      {
        preload: this.deps.preloads[kind],
        show: false,
        title: TITLES[kind],
        width: popup ? POPUP_SIZE.width : 760,
        height: popup ? POPUP_SIZE.height : 640,
        frame: !popup,
        alwaysOnTop: popup,
        skipTaskbar: popup,
        resizable: !popup,
        ...(this.deps.icon === undefined ? {} : { icon: this.deps.icon }),
      },
    );
    if (!popup) {
      // Closing the call log hides it: the tray app keeps running.
      window.on('close', (event) => {
        event.preventDefault();
        window.hide();
      });
    }
    void window.loadURL(`${this.deps.rendererUrl}#${view}`);
    this.windows.set(kind, window);
    return window;
  }

  /** Lets windows close for real (on quit). */
  destroyAll(): void {
    for (const window of this.windows.values()) if (!window.isDestroyed()) window.destroy();
    this.windows.clear();
  }
}
