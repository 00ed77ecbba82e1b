import { describe, expect, it } from 'vitest';
import type { BrowserWindow, WebContents } from 'electron';
import { RENDERER_CSP } from '../contract/renderer-policy.js';
import { createSecureWindow, hardenSession, secureWebPreferences } from './secure-window.js';

/** A fake of the WebContents parts the factory touches (Electron cannot run here). */
function fakeContents(url = 'file:///app/index.html') {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    getURL: () => url,
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
    on: (name: string, handler: (...args: unknown[]) => void) => {
      handlers.set(name, handler);
    },
  };
  return {
    contents: contents as unknown as WebContents,
    open: (target: string) => openHandler?.({ url: target }),
    navigate: (target: string) => {
      let prevented = false;
      handlers.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, target);
      return prevented;
    },
  };
}

describe('secure windows', () => {
  it('sandboxes every window, isolates its context and gives it no Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('denies new windows, sending only http(s) links to the browser', () => {
    const opened: string[] = [];
    const fake = fakeContents();
    const created: unknown[] = [];
    createSecureWindow(
      {
        createWindow: (options) => {
          created.push(options);
          return { webContents: fake.contents } as unknown as BrowserWindow;
        },
        openExternal: (url) => opened.push(url),
      },
      { preload: '/p.cjs', width: 100 },
    );
    expect(created).toEqual([
      expect.objectContaining({
        width: 100,
        webPreferences: expect.objectContaining({ sandbox: true }) as unknown,
      }),
    ]);
    expect(fake.open('https://desk.example/ticket/1')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://desk.example/ticket/1']);
  });

  it('refuses navigation away from the page', () => {
    const fake = fakeContents('file:///app/index.html#popup');
    createSecureWindow(
      {
        createWindow: () => ({ webContents: fake.contents }) as unknown as BrowserWindow,
        openExternal: () => undefined,
      },
      { preload: '/p.cjs' },
    );
    expect(fake.navigate('https://evil.example/')).toBe(true);
    expect(fake.navigate('file:///etc/passwd')).toBe(true);
    expect(fake.navigate('file:///app/index.html#popup')).toBe(false);
  });

  it('denies every permission and sends the CSP with every response', () => {
    let request:
      ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    let headers:
      | ((
          details: { responseHeaders: Record<string, string[]> },
          callback: (response: unknown) => void,
        ) => void)
      | null = null;
    hardenSession({
      setPermissionRequestHandler: (handler: never) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler: never) => {
        check = handler;
      },
      webRequest: {
        onHeadersReceived: (handler: never) => {
          headers = handler;
        },
      },
    } as never);
    let granted: boolean | null = null;
    request!(null, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(check!()).toBe(false);
    let response: unknown = null;
    headers!({ responseHeaders: { 'X-Other': ['1'] } }, (answer) => (response = answer));
    expect(response).toEqual({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [RENDERER_CSP] },
    });
    expect(RENDERER_CSP).toContain("script-src 'self'");
  });
});
