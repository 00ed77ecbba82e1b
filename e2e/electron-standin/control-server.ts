/**
 * How a test looks into the stand-in and plays the user's part where Electron would have OS
 * surfaces: windows (with their recorded options and the DevTools target of their page), the
 * tray and its menu (clicked by label), notifications, external URLs opened, dialogs, the
 * protocol registrations, and the app's events (`open-url`, `quit`). Loopback only, on a random
 * port announced in the file named by `STANDIN_CONTROL_FILE` together with the DevTools URL.
 * It is part of the test rig, not of the app.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventEmitter } from 'node:events';
import type { StandinMenuItem } from './electron.js';
import { recorder } from './recorder.js';
import { standinBrowser } from './standin-browser.js';
import { BrowserWindow } from './standin-window.js';

interface QuittableApp extends EventEmitter {
  quit(): void;
}

function menuItems(items: readonly StandinMenuItem[] | undefined): unknown[] {
  return (items ?? []).map((item) => ({
    label: item.label ?? null,
    role: item.role ?? null,
    type: item.type ?? 'normal',
    checked: item.checked ?? false,
    enabled: item.enabled ?? true,
    hasClick: typeof item.click === 'function',
    submenu: item.submenu === undefined ? null : menuItems(item.submenu),
  }));
}

function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, each: unknown) => (typeof each === 'function' ? '[function]' : each)),
  ) as unknown;
}

function state(): unknown {
  return {
    windows: BrowserWindow.all().map((window) => ({
      id: window.id,
      options: plain(window.options),
      visible: window.isVisible(),
      focused: window.focused,
      destroyed: window.destroyed,
      bounds: window.bounds,
      url: window.currentUrl,
      targetId: window.targetId,
      openAttempts: window.webContents.openAttempts,
    })),
    trays: recorder.trays.map((tray) => ({
      image: plain(tray.image),
      tooltip: tray.tooltip,
      destroyed: tray.destroyed,
      menu: menuItems(tray.menu?.items),
    })),
    notifications: recorder.notifications.map((each) => plain(each.options)),
    openedExternal: recorder.openedExternal,
    openedPaths: recorder.openedPaths,
    dialogs: plain(recorder.dialogs),
    protocolClients: Object.fromEntries(recorder.protocolClients),
    protocolWrites: recorder.protocolWrites,
    loginItems: plain(recorder.loginItems),
    shortcuts: [...recorder.shortcuts.keys()],
    aboutPanelShown: recorder.aboutPanelShown,
    focusCalls: recorder.focusCalls.length,
    appEvents: recorder.appEvents,
    session: recorder.session,
  };
}

function clickMenuItem(app: QuittableApp, label: string): boolean {
  const tray = recorder.trays.findLast((each) => !each.destroyed);
  const item = tray?.menu?.items.find((each) => each.label === label);
  if (item === undefined) return false;
  // Electron runs a role's own action and ignores `click` when a role is set; a checkbox is
  // flipped before its `click` sees it (a radio item is checked).
  const clicked =
    item.type === 'checkbox'
      ? { ...item, checked: item.checked !== true }
      : item.type === 'radio'
        ? { ...item, checked: true }
        : item;
  if (item.role === 'quit') app.quit();
  else if (item.role === undefined) item.click?.(clicked, undefined, {});
  return true;
}

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += (chunk as Buffer).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

function reply(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
}

type Answer = [status: number, value: unknown];

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** What each POST route does; the answer's status and body. */
function post(app: QuittableApp, url: string, args: Record<string, unknown>): Answer {
  switch (url) {
    case '/tray/click':
      return [clickMenuItem(app, text(args.label)) ? 200 : 404, {}];
    case '/tray/activate':
      recorder.trays.findLast((each) => !each.destroyed)?.emit('click');
      return [200, {}];
    case '/notification/click':
      recorder.notifications[Number(args.index)]?.emit('click');
      return [200, {}];
    case '/app/open-url':
      recorder.appEvents.push('open-url');
      app.emit('open-url', { defaultPrevented: false, preventDefault: () => undefined }, text(args.url));
      return [200, {}];
    case '/app/quit':
      // After the answer is on its way: quitting ends this process.
      setImmediate(() => {
        app.quit();
      });
      return [200, {}];
    case '/shortcut': {
      const shortcut = recorder.shortcuts.get(text(args.accelerator));
      shortcut?.();
      return [shortcut === undefined ? 404 : 200, {}];
    }
    case '/clipboard':
      recorder.clipboard.text = text(args.text);
      recorder.clipboard.selection = text(args.selection);
      return [200, {}];
    case '/protocol/owners': {
      // The user chose in Default Apps: from now on the OS opens these schemes with these apps.
      const owners = typeof args.owners === 'object' && args.owners !== null ? args.owners : {};
      recorder.protocolOwners = Object.fromEntries(
        Object.entries(owners).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      return [200, {}];
    }
    case '/dialog/next-open':
      recorder.nextOpenDialogPaths.push(Array.isArray(args.paths) ? args.paths.map(text) : []);
      return [200, {}];
    default:
      return [404, { error: 'no such route' }];
  }
}

async function route(app: QuittableApp, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = request.url ?? '/';
  if (request.method === 'GET' && url === '/state') {
    reply(response, 200, state());
    return;
  }
  const [status, value] =
    request.method === 'POST' ? post(app, url, await body(request)) : [404, { error: 'no such route' }];
  reply(response, status, value);
}

/** Starts the control server and announces it (and the DevTools URL) in the control file. */
export async function startControlServer(app: QuittableApp): Promise<void> {
  const { cdpUrl } = await standinBrowser();
  const server = createServer((request, response) => {
    route(app, request, response).catch((error: unknown) => reply(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  const file = process.env.STANDIN_CONTROL_FILE;
  if (file !== undefined && file !== '') {
    // Written whole, then renamed: the test never reads half a file.
    writeFileSync(
      `${file}.tmp`,
      JSON.stringify({ control: `http://127.0.0.1:${String(port)}`, cdp: cdpUrl, pid: process.pid }),
    );
    renameSync(`${file}.tmp`, file);
  }
}
