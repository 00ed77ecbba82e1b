import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { AppWindows, type AppWindowsDeps } from './app-windows.js';
import type { Corner } from './popup-placement.js';

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
  readonly listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  on = (name: string, listener: (event: { preventDefault(): void }) => void) => {
    this.listeners.set(name, listener);
  };
  /** The user clicks the window's ×; true when the window really closed. */
  clickClose = () => {
    let prevented = false;
    this.listeners.get('close')?.({ preventDefault: () => (prevented = true) });
    return !prevented;
  };
  loadURL = (url: string) => {
    this.loaded = url;
    return Promise.resolve();
  };
  destroy = () => undefined;
}

function windows(overrides: Partial<AppWindowsDeps> = {}) {
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
      confirm: '/app/dist/preload/confirm-preload.cjs',
    },
    workArea: () => ({ x: 0, y: 0, width: 1920, height: 1040 }),
    corner: 'bottom-right',
    ...overrides,
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

  it('focuses the popup when the agent asks for it: shown in its corner, then focused', () => {
    const { app, made } = windows();
    app.showPopup();
    app.focusPopup();
    const [popup] = made;
    expect(made).toHaveLength(1);
    expect(popup?.calls).toEqual(['showInactive', 'show', 'focus']);
    const fresh = windows();
    fresh.app.focusPopup();
    expect(fresh.made[0]?.bounds).toEqual({ x: 1528, y: 728, width: 380, height: 300 });
    expect(fresh.made[0]?.calls.slice(-2)).toEqual(['show', 'focus']);
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

  it('puts the popup in the corner the settings name at the time it shows', () => {
    let corner: Corner = 'top-left';
    const { app, made } = windows({ corner: () => corner });
    app.showPopup();
    expect(made[0]?.bounds).toEqual({ x: 12, y: 12, width: 380, height: 300 });
    corner = 'bottom-left';
    app.showPopup();
    expect(made[0]?.bounds).toEqual({ x: 12, y: 728, width: 380, height: 300 });
    corner = 'top-right';
    app.showPopup();
    expect(made[0]?.bounds).toEqual({ x: 1528, y: 12, width: 380, height: 300 });
    expect(made).toHaveLength(1);
  });

  it('shows the dial confirmation centred, on top and focused, with only its own preload', () => {
    const { app, made } = windows();
    app.showConfirm();
    const [confirm] = made;
    expect(confirm?.calls).toEqual(['show', 'focus']);
    expect(confirm?.options).toMatchObject({ alwaysOnTop: true, frame: true, resizable: false, show: false });
    expect(confirm?.options.webPreferences).toMatchObject({
      sandbox: true,
      preload: '/app/dist/preload/confirm-preload.cjs',
    });
    expect(confirm?.bounds).toEqual({ x: 740, y: 233, width: 440, height: 340 });
    expect(confirm?.loaded).toBe('file:///app/dist/renderer/index.html#confirm');
    expect(app.kindOf(confirm!.webContents as unknown as WebContents)).toBe('confirm');
    app.hideConfirm();
    expect(confirm?.visible).toBe(false);
  });

  it('hides the confirmation when the agent closes it, and says so, so waiting dials are cancelled', () => {
    const closed: string[] = [];
    const { app, made } = windows({ onConfirmClosed: () => closed.push('closed') });
    app.showConfirm();
    expect(made[0]?.clickClose()).toBe(false);
    expect(made[0]?.visible).toBe(false);
    expect(closed).toEqual(['closed']);
    app.showCalls();
    made[1]?.clickClose();
    expect(closed).toEqual(['closed']);
  });

  it('shows the settings tabs in the window that first showed the wizard', () => {
    const { app, made } = windows();
    app.showSettings(true);
    expect(made[0]?.loaded).toBe('file:///app/dist/renderer/index.html#wizard');
    app.showSettings();
    expect(made).toHaveLength(1);
    expect(made[0]?.loaded).toBe('file:///app/dist/renderer/index.html#settings');
  });
});
