/**
 * What the tray shows: one icon per state (idle, ringing, in a call, line disconnected), a
 * tooltip with the line and its state, and the menu. Plain functions; the Electron Tray only
 * displays their result.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { LineStatus, PopupModel } from '../contract/models.js';
import { lineProblemText, lineProductName } from './line-text.js';
import { fill, SHELL_TEXT, type ShellLanguage } from './shell-text.js';

export type TrayIcon = 'idle' | 'ringing' | 'in-call' | 'disconnected';

export interface TrayState {
  readonly icon: TrayIcon;
  readonly tooltip: string;
}

/** The tray's state for the line and the calls on it, in `language`. */
export function trayState(
  line: LineStatus,
  popups: readonly PopupModel[],
  doNotDisturb: boolean,
  language: ShellLanguage = 'en',
): TrayState {
  const text = SHELL_TEXT[language];
  const ringing = popups.filter((popup) => popup.state === 'ringing').length;
  const talking = popups.some((popup) => popup.state === 'connected' || popup.state === 'dialing');
  const icon: TrayIcon =
    line.state !== 'connected' ? 'disconnected' : ringing > 0 ? 'ringing' : talking ? 'in-call' : 'idle';
  const status =
    line.state !== 'connected'
      ? line.reason !== null
        ? lineProblemText(line, language)
        : text.statusDisconnected
      : ringing > 1
        ? fill(text.statusRingingMany, { count: ringing })
        : ringing === 1
          ? text.statusRingingOne
          : talking
            ? text.statusInCall
            : text.statusIdle;
  const provider = lineProductName(line, language);
  const tooltip = fill(text.tooltip, { line: line.line, provider, status });
  return { icon, tooltip: `${tooltip}${doNotDisturb ? text.tooltipDoNotDisturb : ''}` };
}

export interface TrayHandlers {
  readonly showCalls: () => void;
  readonly showSettings: () => void;
  readonly toggleDoNotDisturb: (on: boolean) => void;
  readonly showAbout: () => void;
  readonly quit: () => void;
}

/**
 * The tray menu: call log, settings, do not disturb, about, quit. Quit has no `role`: Electron
 * ignores `click` when a role is set, and quitting must go through the app's own handler.
 */
export function trayMenu(
  doNotDisturb: boolean,
  handlers: TrayHandlers,
  language: ShellLanguage = 'en',
): MenuItemConstructorOptions[] {
  const text = SHELL_TEXT[language];
  return [
    { label: text.callLog, click: handlers.showCalls },
    { label: text.settings, click: handlers.showSettings },
    { type: 'separator' },
    {
      label: text.doNotDisturb,
      type: 'checkbox',
      checked: doNotDisturb,
      click: (item) => {
        handlers.toggleDoNotDisturb(item.checked);
      },
    },
    { type: 'separator' },
    { label: text.about, click: handlers.showAbout },
    { label: text.quit, click: handlers.quit },
  ];
}
