/**
 * The stand-in's `app`, in Electron's event order:
 * - `ready` after the module graph has run (Chromium started first), unless the app already quit;
 * - the single-instance lock is real across processes: the first instance listens on a local
 *   socket named in a lock file in userData; a second one gets `false`, hands its argv,
 *   working directory and `additionalData` over, and the first emits `second-instance`;
 * - `quit()`: `before-quit` (preventable), then every window is asked to close (a prevented
 *   `close` cancels the quit, as in Electron), then `will-quit` (preventable), `quit`, exit 0.
 * Paths, locale and packaging come from `STANDIN_*` variables set by the test that starts it.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startControlServer } from './control-server.js';
import { recorder } from './recorder.js';
import { standinBrowser, startedBrowser } from './standin-browser.js';
import { BrowserWindow } from './standin-window.js';

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

function env(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

function appRoot(): string {
  return path.resolve(env('STANDIN_APP_PATH', process.cwd()));
}

function manifest(): { name?: string; productName?: string; version?: string } {
  try {
    return JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

export class StandinElectronApp extends EventEmitter {
  private ready = false;
  private quitting = false;
  private exiting = false;
  private lockServer: Server | null = null;
  private lockFile: string | null = null;
  private handOver: Promise<void> | null = null;
  private readonly readyPromise: Promise<void>;
  readonly commandLine = {
    appendSwitch: () => undefined,
    hasSwitch: () => false,
    getSwitchValue: () => '',
  };

  constructor() {
    super();
    this.readyPromise = new Promise((resolve) => this.once('ready', () => resolve()));
    // Electron's `ready` comes after the main script has run its synchronous part.
    setImmediate(() => void this.becomeReady());
  }

  private async becomeReady(): Promise<void> {
    if (this.quitting || this.exiting) return;
    await standinBrowser();
    // `STANDIN_PLATFORM` (e.g. win32) makes the main take that OS's paths once Chromium runs;
    // the files stay Linux's. Electron's API is what differs, and the stand-in answers it.
    const platform = process.env.STANDIN_PLATFORM;
    if (platform !== undefined && platform !== '')
      Object.defineProperty(process, 'platform', { value: platform });
    await startControlServer(this);
    this.ready = true;
    recorder.appEvents.push('ready');
    this.emit('ready', {}, {});
  }

  get isPackaged(): boolean {
    return process.env.STANDIN_PACKAGED === '1';
  }

  get name(): string {
    const { productName, name } = manifest();
    return productName ?? name ?? 'Electron';
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  getAppPath(): string {
    return appRoot();
  }

  getName(): string {
    return this.name;
  }

  getVersion(): string {
    return manifest().version ?? '0.0.0';
  }

  getLocale(): string {
    return env('STANDIN_LOCALE', 'en-US');
  }

  getSystemLocale(): string {
    return this.getLocale();
  }

  getPreferredSystemLanguages(): string[] {
    return [this.getLocale()];
  }

  getPath(name: string): string {
    const userData = env('STANDIN_USER_DATA', path.join(os.tmpdir(), 'ringdesk-standin'));
    const paths: Record<string, string> = {
      userData,
      appData: path.dirname(userData),
      sessionData: userData,
      logs: path.join(userData, 'logs'),
      home: os.homedir(),
      desktop: path.join(os.homedir(), 'Desktop'),
      documents: path.join(os.homedir(), 'Documents'),
      downloads: path.join(os.homedir(), 'Downloads'),
      temp: os.tmpdir(),
      exe: process.execPath,
      module: process.execPath,
    };
    const found = paths[name];
    if (found === undefined) throw new Error(`Failed to get '${name}' path`);
    return found;
  }

  setAppUserModelId(): void {}

  /**
   * As Electron on Windows: the registry's command for the scheme is written (recorded here), and
   * `isDefaultProtocolClient`/`removeAsDefaultProtocolClient` compare it with the one they would
   * write, so another program's command is never removed.
   */
  setAsDefaultProtocolClient(scheme: string, file?: string, args?: readonly string[]): boolean {
    if (env('STANDIN_PROTOCOL_REFUSE', '').split(',').includes(scheme)) return false;
    recorder.protocolClients.set(scheme, {
      ...(file === undefined ? {} : { path: file }),
      ...(args === undefined ? {} : { args }),
    });
    recorder.protocolWrites.push(`set ${scheme}`);
    return true;
  }

  removeAsDefaultProtocolClient(scheme: string, file?: string, args?: readonly string[]): boolean {
    if (!this.isOurCommand(scheme, file, args)) return false;
    recorder.protocolWrites.push(`delete ${scheme}`);
    return recorder.protocolClients.delete(scheme);
  }

  isDefaultProtocolClient(scheme: string, file?: string, args?: readonly string[]): boolean {
    return this.isOurCommand(scheme, file, args) && this.foreignOwner(scheme) === null;
  }

  private isOurCommand(scheme: string, file?: string, args?: readonly string[]): boolean {
    const written = recorder.protocolClients.get(scheme);
    if (written === undefined) return false;
    return (
      (file === undefined || written.path === file) &&
      (args === undefined || JSON.stringify(written.args ?? []) === JSON.stringify(args))
    );
  }

  /**
   * `STANDIN_PROTOCOL_OWNERS` (JSON `{"tel": "Microsoft Teams"}`), or the control server's
   * `/protocol/owners` later (the user choosing another app, or Ringdesk, in Default Apps), names
   * the app the OS opens a scheme with, as Windows' user choice does.
   */
  getApplicationNameForProtocol(url: string): string {
    const scheme = url.replace(/:.*$/s, '');
    return this.foreignOwner(scheme) ?? (recorder.protocolClients.has(scheme) ? this.name : '');
  }

  private foreignOwner(scheme: string): string | null {
    const owners =
      recorder.protocolOwners ?? (JSON.parse(env('STANDIN_PROTOCOL_OWNERS', '{}')) as Record<string, string>);
    return Object.hasOwn(owners, scheme) ? (owners[scheme] ?? null) : null;
  }

  setLoginItemSettings(settings: Record<string, unknown>): void {
    recorder.loginItems.push(settings);
  }

  getLoginItemSettings(): Record<string, unknown> {
    return recorder.loginItems.at(-1) ?? { openAtLogin: false };
  }

  showAboutPanel(): void {
    recorder.aboutPanelShown++;
  }

  setAboutPanelOptions(): void {}

  focus(options?: unknown): void {
    recorder.focusCalls.push(options ?? null);
  }

  relaunch(): void {
    recorder.appEvents.push('relaunch');
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    const file = path.join(this.getPath('userData'), 'standin-singleton.json');
    if (existsSync(file)) {
      const { pid, socket } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; socket: string };
      if (pid !== process.pid && isAlive(pid)) {
        this.handOver = sendToFirst(socket, {
          argv: process.env.STANDIN_CHROMIUM_ARGV === '1' ? chromiumArgv(process.argv) : process.argv,
          workingDirectory: process.cwd(),
          additionalData: additionalData ?? null,
        });
        return false;
      }
    }
    const socket = path.join(os.tmpdir(), `ringdesk-standin-${String(process.pid)}.sock`);
    rmSync(socket, { force: true });
    writeFileSync(file, JSON.stringify({ pid: process.pid, socket }));
    this.lockFile = file;
    this.lockServer = createServer((connection) => {
      let text = '';
      connection.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      connection.on('end', () => {
        const message = JSON.parse(text) as {
          argv: string[];
          workingDirectory: string;
          additionalData: unknown;
        };
        recorder.appEvents.push('second-instance');
        this.emit(
          'second-instance',
          preventable(),
          message.argv,
          message.workingDirectory,
          message.additionalData,
        );
      });
    });
    this.lockServer.listen(socket);
    this.lockServer.unref();
    return true;
  }

  hasSingleInstanceLock(): boolean {
    return this.lockServer !== null;
  }

  releaseSingleInstanceLock(): void {
    this.lockServer?.close();
    this.lockServer = null;
    if (this.lockFile !== null) rmSync(this.lockFile, { force: true });
  }

  quit(): void {
    if (this.exiting) return;
    this.quitting = true;
    const beforeQuit = preventable();
    recorder.appEvents.push('before-quit');
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of BrowserWindow.getAllWindows()) if (!window.close()) return;
    const willQuit = preventable();
    recorder.appEvents.push('will-quit');
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    recorder.appEvents.push('quit');
    this.emit('quit', preventable(), 0);
    void this.shutDown(0);
  }

  exit(code = 0): void {
    void this.shutDown(code);
  }

  private async shutDown(code: number): Promise<void> {
    if (this.exiting) return;
    this.exiting = true;
    await this.handOver?.catch(() => undefined);
    this.releaseSingleInstanceLock();
    const browser = startedBrowser();
    if (browser !== null) {
      const { context, profile } = await browser;
      await context.close().catch(() => undefined);
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // A folder left in the temporary directory must not change how the app exits.
      }
    }
    process.exit(code);
  }
}

/**
 * The argv Electron hands `second-instance` on Windows, `STANDIN_CHROMIUM_ARGV=1`: Chromium
 * re-parses the second instance's command line (base::CommandLine), which consumes the `--`
 * terminator and inserts switches of its own before the arguments (electron/electron#20322,
 * #34195: `--allow-file-access-from-files`, `--original-process-start-time=...`).
 */
function chromiumArgv(argv: readonly string[]): string[] {
  const [program = '', ...rest] = argv;
  const terminator = rest.indexOf('--');
  const switches = terminator < 0 ? rest.filter((each) => each.startsWith('--')) : rest.slice(0, terminator);
  const args = terminator < 0 ? rest.filter((each) => !each.startsWith('--')) : rest.slice(terminator + 1);
  return [
    program,
    '--allow-file-access-from-files',
    '--original-process-start-time=13234384064407895',
    ...switches,
    ...args,
  ];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sendToFirst(socket: string, message: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const connection = createConnection(socket, () => {
      connection.end(JSON.stringify(message), () => resolve());
    });
    connection.once('error', reject);
  });
}

// Electron's `process.resourcesPath`: the folder holding app.asar (or the app folder's parent);
// `process.defaultApp` when run unpackaged (`electron .`); `process.getSystemVersion()` (Windows
// 11 answers `10.0.22631`), from `STANDIN_SYSTEM_VERSION` or the kernel's.
Object.assign(process, {
  resourcesPath: process.env.STANDIN_RESOURCES_PATH ?? path.dirname(appRoot()),
  ...(process.env.STANDIN_PACKAGED === '1' ? {} : { defaultApp: true }),
  getSystemVersion: () => env('STANDIN_SYSTEM_VERSION', os.release()),
});

export const standinApp = new StandinElectronApp();
