/**
 * The stand-in's `BrowserWindow`: a real Chromium page behind Electron's window API. The options
 * are kept as given (the tests compare them with the secure factory's); the window's preload is
 * read from `webPreferences.preload` and runs in the page before its scripts; `webContents.send`
 * delivers to the page's `ipcRenderer` listeners after `structuredClone`, in order. Showing,
 * hiding, focus and bounds are recorded (there is no OS window to move).
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { initScript } from './page-bridge.js';
import { standinBrowser } from './standin-browser.js';
import { ipcMain } from './standin-ipc.js';

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

type PreventableEvent = { defaultPrevented: boolean; preventDefault(): void };

function preventable(): PreventableEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextId = 1;

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
const windows: StandinWindow[] = [];

/** The stand-in's `webContents` of one window. */
export class StandinWebContents extends EventEmitter {
  readonly id: number;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  /** Every `window.open` the page tried, with what the handler answered. */
  readonly openAttempts: { url: string; action: string }[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly owner: StandinWindow) {
    super();
    this.id = owner.id;
  }

  send(channel: string, ...args: unknown[]): void {
    const cloned = structuredClone(args);
    this.queue = this.queue
      .then(() => this.owner.page())
      .then((page) =>
        page.evaluate(
          ([name, payload]) => {
            (
              window as unknown as { __standinDeliver?: (c: string, a: unknown[]) => void }
            ).__standinDeliver?.(name, payload);
          },
          [channel, cloned] as const,
        ),
      )
      .catch(() => undefined);
  }

  getURL(): string {
    return this.owner.currentUrl;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.owner.isDestroyed();
  }

  focus(): void {
    this.owner.focus();
  }

  executeJavaScript(code: string): Promise<unknown> {
    return this.owner.page().then((page) => page.evaluate(code));
  }

  get session(): unknown {
    return undefined;
  }
}

class StandinWindow extends EventEmitter {
  readonly id = nextId++;
  readonly options: Record<string, unknown>;
  readonly webContents: StandinWebContents;
  visible = false;
  focused = false;
  destroyed = false;
  bounds: Rectangle;
  currentUrl = '';
  targetId = '';
  /** The URL `loadURL` is navigating to: Electron emits no `will-navigate` for the app's own loads. */
  private loading: string | null = null;
  private readonly pagePromise: Promise<Page>;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.webContents = new StandinWebContents(this);
    this.bounds = {
      x: 0,
      y: 0,
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    windows.push(this);
    this.pagePromise = this.open();
    this.pagePromise.catch(() => undefined);
  }

  static getAllWindows(): StandinWindow[] {
    return windows.filter((window) => !window.destroyed);
  }

  static fromWebContents(contents: { id: number }): StandinWindow | null {
    return windows.find((window) => window.webContents.id === contents.id) ?? null;
  }

  static getFocusedWindow(): StandinWindow | null {
    return windows.find((window) => window.focused && !window.destroyed) ?? null;
  }

  /** Every window ever made, destroyed ones included (for the control server). */
  static all(): readonly StandinWindow[] {
    return windows;
  }

  page(): Promise<Page> {
    return this.pagePromise;
  }

  private async open(): Promise<Page> {
    const { context } = await standinBrowser();
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const info = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    this.targetId = info.targetInfo.targetId;
    // Electron asks the window-open handler before a window opens: Chromium's `Page.windowOpen`
    // reports the requested URL at that moment (a popup page's own URL may already be an error).
    await session.send('Page.enable');
    session.on('Page.windowOpen', ({ url }: { url: string }) => {
      const action = this.webContents.windowOpenHandler?.({ url }).action ?? 'allow';
      this.webContents.openAttempts.push({ url, action });
    });
    await page.exposeBinding('__standinInvoke', (source, channel: string, args: unknown[]) =>
      ipcMain.invoke(
        {
          sender: this.webContents,
          senderFrame: { url: source.frame.url() },
          frameId: 1,
          processId: 1,
        },
        channel,
        args,
      ),
    );
    const preload = (this.options.webPreferences as { preload?: string } | undefined)?.preload;
    if (typeof preload === 'string')
      await page.addInitScript({ content: initScript(readFileSync(preload, 'utf8')) });
    page.on('popup', (opened) => {
      if (this.webContents.openAttempts.at(-1)?.action === 'deny') void opened.close();
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.currentUrl = frame.url();
    });
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return route.continue();
      if (this.loading !== null && withoutHash(request.url()) === withoutHash(this.loading))
        return route.continue();
      const event = preventable();
      this.webContents.emit('will-navigate', event, request.url());
      return event.defaultPrevented ? route.abort('aborted') : route.continue();
    });
    return page;
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.pagePromise;
    this.currentUrl = url;
    this.loading = url;
    await page.goto(url);
    this.loading = null;
    this.emit('ready-to-show');
  }

  show(): void {
    this.visible = true;
    this.emit('show');
    this.takeFocus();
  }

  showInactive(): void {
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }

  focus(): void {
    this.takeFocus();
  }

  /**
   * As an OS window taking the focus: the others lose it, and a page that did not have it gets
   * the DOM `focus` event on its window (Chromium delivers it when the OS focuses the window;
   * Playwright's pages never lose it on their own).
   */
  private takeFocus(): void {
    const gained = !this.focused;
    for (const other of windows) if (other !== this) other.focused = false;
    this.focused = true;
    this.emit('focus');
    if (gained)
      this.pagePromise
        .then((page) => page.evaluate(() => window.dispatchEvent(new FocusEvent('focus'))))
        .catch(() => undefined);
  }

  blur(): void {
    this.focused = false;
    this.emit('blur');
  }

  isVisible(): boolean {
    return this.visible && !this.destroyed;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  getBounds(): Rectangle {
    return { ...this.bounds };
  }

  setAlwaysOnTop(flag: boolean): void {
    this.options.alwaysOnTop = flag;
  }

  /** Asks the window to close: its `close` handlers may prevent it (Electron's order). */
  close(): boolean {
    if (this.destroyed) return true;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    void this.pagePromise.then((page) => page.close()).catch(() => undefined);
    this.emit('closed');
  }
}

export const BrowserWindow = StandinWindow;
export type BrowserWindow = StandinWindow;

/** The window of a `webContents`, for the control server. */
export function webContentsOf(window: StandinWindow): StandinWebContents {
  return window.webContents;
}
