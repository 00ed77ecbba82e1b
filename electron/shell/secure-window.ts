/**
 * Every window comes from this factory: sandboxed, context-isolated, without Node, with a strict
 * CSP, unable to navigate away or open windows, and with every permission request denied.
 * External links (http/https only, checked) go to the user's browser.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { RENDERER_CSP } from '../contract/renderer-policy.js';
import { isWebUrl } from '../shared/web-url.js';

/** The web preferences every window gets; only the preload differs. */
export function secureWebPreferences(
  preload: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Denies navigation and new windows; hands http(s) links to `openExternal`. */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Denies every permission (camera, notifications via the web API, ...) and adds the CSP header. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
}

/** What the factory needs from Electron. */
export interface WindowFactoryDeps {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly openExternal: (url: string) => void;
}

/** Creates a hardened window. */
export function createSecureWindow(
  deps: WindowFactoryDeps,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'> & { preload: string },
): BrowserWindow {
  const { preload, ...rest } = options;
  const window = deps.createWindow({ ...rest, webPreferences: secureWebPreferences(preload) });
  hardenContents(window.webContents, deps.openExternal);
  return window;
}
