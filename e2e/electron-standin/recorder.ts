/**
 * What the stand-in's recorder objects saw, for the control server to report: Electron's API is
 * a set of process-wide singletons, and so is this record of them.
 */
import type { Menu, Notification, Tray } from './electron.js';

export const recorder = {
  trays: [] as Tray[],
  notifications: [] as Notification[],
  openedExternal: [] as string[],
  openedPaths: [] as string[],
  dialogs: [] as Record<string, unknown>[],
  nextOpenDialogPaths: [] as string[][],
  shortcuts: new Map<string, () => void>(),
  clipboard: { text: '', selection: '' },
  applicationMenu: null as Menu | null,
  session: { permissionRequestHandler: false, permissionCheckHandler: false, onHeadersReceived: false },
  protocolClients: new Map<string, { path?: string; args?: readonly string[] }>(),
  /** Every protocol-client registry write, in order (`set tel`, `delete sip`). */
  protocolWrites: [] as string[],
  /** Who the OS opens each scheme with, once a test set it (else `STANDIN_PROTOCOL_OWNERS`). */
  protocolOwners: null as Record<string, string> | null,
  loginItems: [] as Record<string, unknown>[],
  aboutPanelShown: 0,
  focusCalls: [] as unknown[],
  /** Events of the app's life, in order (`ready`, `second-instance`, `before-quit`, ...). */
  appEvents: [] as string[],
};
