/**
 * What the tray shows: one icon per state (idle, ringing, in a call, line disconnected), a
 * tooltip with the line and its state, and the menu. Plain functions; the Electron Tray only
 * displays their result.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { LineStatus, PopupModel } from '../contract/models.js';

export type TrayIcon = 'idle' | 'ringing' | 'in-call' | 'disconnected';

export interface TrayState {
  readonly icon: TrayIcon;
  readonly tooltip: string;
}

/** The tray's state for the line and the calls on it. */
export function trayState(line: LineStatus, popups: readonly PopupModel[], doNotDisturb: boolean): TrayState {
  const ringing = popups.filter((popup) => popup.state === 'ringing').length;
  const talking = popups.some((popup) => popup.state === 'connected' || popup.state === 'dialing');
  const icon: TrayIcon =
    line.state !== 'connected' ? 'disconnected' : ringing > 0 ? 'ringing' : talking ? 'in-call' : 'idle';
  const status =
    line.state !== 'connected'
      ? `line disconnected${line.reason !== null ? ` (${line.reason})` : ''}`
      : ringing > 0
        ? `${ringing} call${ringing > 1 ? 's' : ''} ringing`
        : talking
          ? 'in a call'
          : 'idle';
  return {
    icon,
    tooltip: `Ringdesk · line ${line.line} (${line.provider}): ${status}${doNotDisturb ? ' · do not disturb' : ''}`,
  };
}

export interface TrayHandlers {
  readonly showCalls: () => void;
  readonly showSettings: () => void;
  readonly toggleDoNotDisturb: (on: boolean) => void;
  readonly showAbout: () => void;
  readonly quit: () => void;
}

/** The tray menu: call log, settings, do not disturb, about, quit. */
export function trayMenu(doNotDisturb: boolean, handlers: TrayHandlers): MenuItemConstructorOptions[] {
  return [
    { label: 'Call log', click: handlers.showCalls },
    { label: 'Settings…', click: handlers.showSettings },
    { type: 'separator' },
    {
      label: 'Do not disturb',
      type: 'checkbox',
      checked: doNotDisturb,
      click: (item) => {
        handlers.toggleDoNotDisturb(item.checked);
      },
    },
    { type: 'separator' },
    { label: 'About Ringdesk', click: handlers.showAbout },
    { label: 'Quit', role: 'quit', click: handlers.quit },
  ];
}
