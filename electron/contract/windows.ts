/**
 * The Electron windows, the IPC channels they talk on, and the verbs each may use. The preloads
 * expose exactly these verbs; the IPC router refuses any other from that window.
 */
import type { CommandName } from './channels.js';

/** Every command travels on this channel. */
export const INVOKE_CHANNEL = 'ringdesk:invoke';
/** Companion events travel to every window on this channel. */
export const EVENT_CHANNEL = 'ringdesk:event';

/**
 * `confirm` is the small focused window that asks before a clicked link (or a callback) is
 * dialled: the agent's own click opened it, so it may take focus, unlike the popup.
 */
export type WindowKind = 'popup' | 'calls' | 'settings' | 'confirm';

export const WINDOW_VERBS = {
  popup: ['getSnapshot', 'selectContact', 'chooseAgain', 'dismissPopup', 'openAction'],
  calls: [
    'getSnapshot',
    'callback',
    'dial',
    'markHandled',
    'setNote',
    'exportJournal',
    'retryLine',
    'openSettings',
  ],
  settings: [
    'getSnapshot',
    'getSettings',
    'saveSettings',
    'checkSettings',
    'testLine',
    'testDirectory',
    'previewNumber',
    'previewPopup',
    'previewActions',
    'registerLinkHandler',
    'pickFile',
    'listFiles',
    'linkStatus',
    'unregisterLinkHandler',
    'openDefaultApps',
  ],
  confirm: ['getSnapshot', 'confirmDial', 'cancelDial'],
} as const satisfies Record<WindowKind, readonly CommandName[]>;
