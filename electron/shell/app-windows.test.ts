import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { AppWindows } from './app-windows.js';

/** A fake BrowserWindow recording what the app asked of it (Electron cannot run here). */
class FakeWindow {
  static nextId = 1;
  readonly calls: string[] = [];
  readonly sent: [string, unknown][] = [];
  visible = false;
  bounds: unknown = null;
  loaded = '';
  readonly webContents;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    const id = FakeWindow.nextId++;
    this.webContents = {
      id,
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      getURL: () => this.loaded,
    };
  }
  isDestroyed = () => false;
  isVisible = () => this.visible;
  setBounds = (bounds: unknown) => (this.bounds = bounds);
  showInactive = () => {
    this.visible = true;
    this.calls.push('showInactive');
  };
  show = () => {
    this.visible = true;
    this.calls.push('show');
  };
  focus = () => this.calls.push('focus');
  hide = () => {
    this.visible = false;
    this.calls.push('hide');
  };
  on = () => undefined;
  loadURL = (url: string) => {
    this.loaded = url;
    return Promise.resolve();
  };
  destroy = () => undefined;
}

function windows() {
  const made: FakeWindow[] = [];
  const app = new AppWindows({
    createWindow: (options) => {
      const window = new FakeWindow(options);
      made.push(window);
      return window as unknown as BrowserWindow;
    },
    openExternal: () => undefined,
    rendererUrl: 'file:///app/dist/renderer/index.html',
    preloads: {
      popup: '/app/dist/preload/popup-preload.cjs',
      calls: '/app/dist/preload/calls-preload.cjs',
      settings: '/app/dist/preload/settings-preload.cjs',
    },
    workArea: () => ({ x: 0, y: 0, width: 1920, height: 1040 }),
    corner: 'bottom-right',
  });
  return { app, made };
}

describe('AppWindows', () => {
  it('shows the popup without taking focus, always on top, in the chosen corner', () => {
    const { app, made } = windows();
    app.showPopup();
    app.showPopup();
    const [popup] = made;
    expect(made).toHaveLength(1);
    expect(popup?.calls).toEqual(['showInactive']);
    expect(popup?.options).toMatchObject({ alwaysOnTop: true, frame: false, skipTaskbar: true, show: false });
    expect(popup?.options.webPreferences).toMatchObject({
      sandbox: true,
      preload: '/app/dist/preload/popup-preload.cjs',
    });
    expect(popup?.bounds).toEqual({ x: 1528, y: 728, width: 380, height: 300 });
    expect(popup?.loaded).toBe('file:///app/dist/renderer/index.html#popup');
  });

  it('knows its windows, and sends events to all of them', () => {
    const { app, made } = windows();
    app.showPopup();
    app.showCalls();
    const [popup, calls] = made;
    expect(app.kindOf(popup!.webContents as unknown as WebContents)).toBe('popup');
    expect(app.kindOf(calls!.webContents as unknown as WebContents)).toBe('calls');
    expect(app.kindOf({ id: 999 } as unknown as WebContents)).toBeNull();
    app.broadcast('ringdesk:event', { channel: 'line' });
    expect(popup?.sent).toEqual([['ringdesk:event', { channel: 'line' }]]);
    expect(calls?.sent).toEqual([['ringdesk:event', { channel: 'line' }]]);
    expect(calls?.calls).toEqual(['show', 'focus']);
  });
});
