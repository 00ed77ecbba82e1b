/**
 * The app's windows: the popup (frameless, always on top, shown without taking focus in the
 * corner the settings choose), the call log, the settings, and the dial confirmation (small,
 * on top and focused: the agent's own click on a link opened it). All come from the secure
 * factory, load the one renderer (`#popup`, `#calls`, `#settings`, `#confirm`) and get Companion
 * events. Electron is injected, so this is tested with fakes.
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
  /** One preload per window, exposing that window's verbs only. */
  readonly preloads: Readonly<Record<WindowKind, string>>;
  /** The work area of the screen the popup (and the confirmation) goes on. */
  readonly workArea: () => Rectangle;
  /** The popup's corner: a function, so a change in the settings applies to the next popup. */
  readonly corner: Corner | (() => Corner);
  /** The agent closed the confirmation window itself (its ×): what waits should be cancelled. */
  readonly onConfirmClosed?: () => void;
  readonly icon?: string;
}

const POPUP_SIZE = { width: 380, height: 300 };
const CONFIRM_SIZE = { width: 440, height: 340 };
const TITLES: Record<WindowKind, string> = {
  popup: 'Ringdesk call',
  calls: 'Ringdesk – calls',
  settings: 'Ringdesk – settings',
  confirm: 'Ringdesk – dial?',
};

export class AppWindows {
  private readonly windows = new Map<WindowKind, BrowserWindow>();
  /** The view each window shows (`#settings` or `#wizard` for the settings window). */
  private readonly views = new Map<WindowKind, string>();

  constructor(private readonly deps: AppWindowsDeps) {}

  /** Shows the popup window without stealing focus from the agent's work. */
  showPopup(): void {
    const window = this.get('popup');
    const { corner } = this.deps;
    window.setBounds(
      popupBounds(this.deps.workArea(), POPUP_SIZE, typeof corner === 'function' ? corner() : corner),
    );
    if (!window.isVisible()) window.showInactive();
  }

  /**
   * Shows the popup window and gives it the focus: the agent asked for it (a global shortcut), so
   * unlike a ringing call's it may take the focus, and the popup's keys (O, T, N, Esc) work at once.
   */
  focusPopup(): void {
    const window = this.get('popup');
    if (!window.isVisible()) this.showPopup();
    window.show();
    window.focus();
  }

  hidePopup(): void {
    this.windows.get('popup')?.hide();
  }

  /**
   * Shows the dial confirmation, centred, on top and focused: unlike the popup it may take the
   * focus, since the agent just clicked the link (and Enter or Esc must reach it at once).
   */
  showConfirm(): void {
    const window = this.get('confirm');
    const area = this.deps.workArea();
    const width = Math.min(CONFIRM_SIZE.width, area.width);
    const height = Math.min(CONFIRM_SIZE.height, area.height);
    window.setBounds({
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 3),
      width,
      height,
    });
    window.show();
    window.focus();
  }

  /** Hides the confirmation window (nothing waits any more). */
  hideConfirm(): void {
    this.windows.get('confirm')?.hide();
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

  /** The open window of `kind`, or null (a dialog's parent). */
  windowOf(kind: WindowKind): BrowserWindow | null {
    const window = this.windows.get(kind);
    return window === undefined || window.isDestroyed() ? null : window;
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
    if (existing !== undefined && !existing.isDestroyed()) {
      // The settings window opened as the wizard shows the tabs later (and the other way round).
      if (this.views.get(kind) !== view) {
        this.views.set(kind, view);
        void existing.loadURL(`${this.deps.rendererUrl}#${view}`);
      }
      return existing;
    }
    const popup = kind === 'popup';
    const confirm = kind === 'confirm';
    const preload = this.deps.preloads[kind];
    const size = popup ? POPUP_SIZE : confirm ? CONFIRM_SIZE : { width: 760, height: 640 };
    const window = createSecureWindow(
      { createWindow: this.deps.createWindow, openExternal: this.deps.openExternal },
      {
        preload,
        show: false,
        title: TITLES[kind],
        ...size,
        frame: !popup,
        alwaysOnTop: popup || confirm,
        skipTaskbar: popup,
        resizable: !popup && !confirm,
        minimizable: !confirm,
        ...(this.deps.icon === undefined ? {} : { icon: this.deps.icon }),
      },
    );
    if (!popup) {
      // Closing the call log hides it: the tray app keeps running.
      window.on('close', (event) => {
        event.preventDefault();
        window.hide();
        if (confirm) this.deps.onConfirmClosed?.();
      });
    }
    void window.loadURL(`${this.deps.rendererUrl}#${view}`);
    this.views.set(kind, view);
    this.windows.set(kind, window);
    return window;
  }

  /** Lets windows close for real (on quit). */
  destroyAll(): void {
    for (const window of this.windows.values()) if (!window.isDestroyed()) window.destroy();
    this.windows.clear();
  }
}
