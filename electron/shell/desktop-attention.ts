/**
 * How the desktop app gets the agent's attention: the tray (icon, tooltip and menu from
 * tray-state.ts, in the UI language), do-not-disturb, missed-call notifications, and the windows
 * each Companion event calls for (window-actions.ts). Electron's objects are passed in.
 */
import type {
  App,
  Menu as MenuType,
  MenuItemConstructorOptions,
  NativeImage,
  Tray as TrayType,
} from 'electron';
import type { Booted } from '../companion/boot.js';
import { EVENT_CHANNEL } from '../contract/windows.js';
import type { AppWindows } from './app-windows.js';
import type { DesktopPaths } from './desktop-setup.js';
import { MissedCallNotifier, type NotificationConstructor } from './missed-call-notification.js';
import { shellLanguage } from './shell-text.js';
import { trayMenu, trayState } from './tray-state.js';
import { windowActions, type WindowAction } from './window-actions.js';

export interface AttentionElectron {
  readonly app: Pick<App, 'getLocale' | 'showAboutPanel' | 'quit' | 'focus'>;
  readonly Tray: new (image: NativeImage) => TrayType;
  readonly Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): MenuType };
  readonly nativeImage: { createFromPath(file: string): NativeImage };
  readonly Notification: NotificationConstructor & { isSupported(): boolean };
}

/** The tray and the rest of the app's ways to reach the agent. */
export class DesktopAttention {
  private doNotDisturb = false;
  private readonly tray: TrayType;
  private readonly notifier: MissedCallNotifier;

  constructor(
    private readonly electron: AttentionElectron,
    private readonly paths: DesktopPaths,
    private readonly booted: Booted,
    private readonly windows: AppWindows,
  ) {
    this.tray = new electron.Tray(this.icon('disconnected'));
    this.notifier = new MissedCallNotifier({
      Notification: electron.Notification,
      isSupported: () => electron.Notification.isSupported(),
      context: () => ({ doNotDisturb: this.doNotDisturb, locale: this.locale() }),
      showCalls: () => windows.showCalls(),
    });
    booted.runtime.onEvent((event) => {
      const snapshot = booted.runtime.companion.snapshot();
      const context = { doNotDisturb: this.doNotDisturb, platform: process.platform, snapshot };
      for (const action of windowActions(event, context)) this.carryOut(action, event);
      this.notifier.onEvent(event);
      this.refresh();
    });
    this.refresh();
  }

  /** The UI language: the settings' choice, or the OS's. */
  locale(): string {
    const { language } = this.booted.current().app;
    return language === 'auto' ? this.electron.app.getLocale() : language;
  }

  /** Redraws the tray for the line, the calls and do-not-disturb. */
  refresh(): void {
    const snapshot = this.booted.runtime.companion.snapshot();
    const language = shellLanguage(this.booted.current().app.language, this.electron.app.getLocale());
    const state = trayState(snapshot.line, snapshot.popups, this.doNotDisturb, language);
    this.tray.setImage(this.icon(state.icon));
    this.tray.setToolTip(state.tooltip);
    const menu = trayMenu(
      this.doNotDisturb,
      {
        showCalls: () => this.windows.showCalls(),
        showSettings: () => this.windows.showSettings(),
        toggleDoNotDisturb: (on) => {
          this.doNotDisturb = on;
          this.refresh();
        },
        showAbout: () => this.electron.app.showAboutPanel(),
        quit: () => this.electron.app.quit(),
      },
      language,
    );
    this.tray.setContextMenu(this.electron.Menu.buildFromTemplate(menu));
  }

  destroy(): void {
    this.tray.destroy();
  }

  private carryOut(action: WindowAction, event: unknown): void {
    switch (action) {
      case 'broadcast':
        this.windows.broadcast(EVENT_CHANNEL, event);
        return;
      case 'showPopup':
        this.windows.showPopup();
        return;
      case 'hidePopup':
        this.windows.hidePopup();
        return;
      case 'focusApp':
        this.electron.app.focus({ steal: true });
        return;
      case 'showConfirm':
        this.windows.showConfirm();
        return;
      case 'hideConfirm':
        this.windows.hideConfirm();
        return;
    }
  }

  private icon(state: string): NativeImage {
    return this.electron.nativeImage.createFromPath(this.paths.trayIcon(state));
  }
}
