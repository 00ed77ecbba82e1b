/**
 * The Electron windows, the IPC channels they talk on, and the verbs each may use. The preloads
 * expose exactly these verbs; the IPC router refuses any other from that window.
 */
import type { CommandName } from './channels.js';

/** Every command travels on this channel. */
export const INVOKE_CHANNEL = 'ringdesk:invoke';
/** Companion events travel to every window on this channel. */
export const EVENT_CHANNEL = 'ringdesk:event';

export type WindowKind = 'popup' | 'calls' | 'settings';

export const WINDOW_VERBS = {
  popup: ['getSnapshot', 'selectContact', 'chooseAgain', 'dismissPopup', 'openAction'],
  calls: ['getSnapshot', 'callback', 'dial', 'markHandled', 'exportJournal'],
  settings: [
    'getSnapshot',
    'getSettings',
    'saveSettings',
    'testLine',
    'testDirectory',
    'previewNumber',
    'previewPopup',
    'registerLinkHandler',
  ],
} as const satisfies Record<WindowKind, readonly CommandName[]>;
