/**
 * Starts Ringdesk's real built Electron main (`dist/electron/main.js`, or the main of an extracted
 * `app.asar`) in a Node 22 process with `electron` resolved to the stand-in, and gives the test
 * what it needs to play the user: the windows' pages (the same Chromium, over DevTools), the
 * stand-in's control server (tray, notifications, external URLs, app events), a real second
 * instance, and quit. Node 22 is Electron 45's Node; `RINGDESK_NODE22` or `/opt/node22/bin/node`
 * (see `.ci/run`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { bundleStandin } from './bundle-standin.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Node 22 for the main process, or null when this machine has none. */
export function node22(): string | null {
  const candidate = process.env.RINGDESK_NODE22 ?? '/opt/node22/bin/node';
  return existsSync(candidate) ? candidate : null;
}

export interface StandinOptions {
  /** The profile folder (Electron's userData). */
  readonly userData: string;
  /** The app folder holding package.json and the main (default: this repository). */
  readonly appPath?: string;
  /** The main script (default: `<appPath>/dist/electron/main.js`). */
  readonly main?: string;
  /** Extra command-line arguments, as the OS passes them (a link, for instance). */
  readonly args?: readonly string[];
  readonly locale?: string;
  readonly packaged?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export interface StandinWindowState {
  readonly id: number;
  readonly options: Record<string, unknown>;
  readonly visible: boolean;
  readonly focused: boolean;
  readonly destroyed: boolean;
  readonly url: string;
  readonly targetId: string;
  readonly openAttempts: readonly { url: string; action: string }[];
}

export interface StandinState {
  readonly windows: readonly StandinWindowState[];
  readonly trays: readonly {
    image: { path: string };
    tooltip: string;
    destroyed: boolean;
    menu: { label: string | null; role: string | null; type: string; checked: boolean; hasClick: boolean }[];
  }[];
  readonly notifications: readonly Record<string, unknown>[];
  readonly openedExternal: readonly string[];
  readonly dialogs: readonly Record<string, unknown>[];
  readonly protocolClients: Record<string, unknown>;
  readonly protocolWrites: readonly string[];
  readonly appEvents: readonly string[];
  readonly aboutPanelShown: number;
  readonly session: Record<string, boolean>;
  /** The accelerators the app holds as global shortcuts now. */
  readonly shortcuts: readonly string[];
}

export class StandinApp {
  private stdoutText = '';
  private stderrText = '';
  readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: StandinOptions & {
      main: string;
      appPath: string;
      controlFile: string;
      env: NodeJS.ProcessEnv;
    },
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.stdoutText += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  private control: { control: string; cdp: string } | null = null;
  private browser: Browser | null = null;

  /** Starts the main and waits until the app is ready and its Chromium is reachable. */
  static async start(options: StandinOptions): Promise<StandinApp> {
    const node = node22();
    if (node === null) throw new Error('Node 22 is needed for the stand-in: set RINGDESK_NODE22');
    const standin = await bundleStandin();
    const appPath = options.appPath ?? repo;
    const main = options.main ?? path.join(appPath, 'dist', 'electron', 'main.js');
    const controlFile = path.join(
      mkdtempSync(path.join(tmpdir(), 'ringdesk-standin-control-')),
      'control.json',
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      STANDIN_MODULE: standin,
      STANDIN_USER_DATA: options.userData,
      STANDIN_APP_PATH: appPath,
      STANDIN_CONTROL_FILE: controlFile,
      STANDIN_LOCALE: options.locale ?? 'en-US',
      STANDIN_PACKAGED: options.packaged === true ? '1' : '0',
    };
    const app = new StandinApp(spawnMain(node, main, options.args ?? [], env), {
      ...options,
      appPath,
      main,
      controlFile,
      env,
    });
    await app.waitForControl();
    return app;
  }

  private async waitForControl(): Promise<void> {
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    for (let tries = 0; !existsSync(this.options.controlFile); tries++) {
      if (exitCode !== undefined)
        throw new Error(`the main exited (${String(exitCode)}) before it was ready:\n${this.stderrText}`);
      if (tries > 600) throw new Error(`the main was not ready within 30 s:\n${this.stderrText}`);
      await sleep(50);
    }
    this.control = JSON.parse(readFileSync(this.options.controlFile, 'utf8')) as {
      control: string;
      cdp: string;
    };
    this.browser = await chromium.connectOverCDP(this.control.cdp);
  }

  /** What the main wrote to standard error (its warnings). */
  get stderr(): string {
    return this.stderrText;
  }

  async state(): Promise<StandinState> {
    try {
      return (await (await fetch(`${this.controlUrl()}/state`)).json()) as StandinState;
    } catch (error) {
      if (this.child.exitCode === null) throw error;
      throw new Error(`the main exited with ${String(this.child.exitCode)}:\n${this.stderrText}`, {
        cause: error,
      });
    }
  }

  /** Posts to the stand-in's control server (`/tray/click`, `/app/open-url`, ...). */
  async post(route: string, args: object = {}): Promise<number> {
    const response = await fetch(`${this.controlUrl()}${route}`, {
      method: 'POST',
      body: JSON.stringify(args),
    });
    return response.status;
  }

  private controlUrl(): string {
    if (this.control === null) throw new Error('the stand-in is not running');
    return this.control.control;
  }

  /** The window whose page shows `#view` (popup, calls, settings, wizard, confirm), once it exists. */
  async window(view: string): Promise<{ state: StandinWindowState; page: Page }> {
    let found: StandinWindowState | undefined;
    await expect
      .poll(
        async () => {
          found = (await this.state()).windows.find(
            (each) => !each.destroyed && each.url.endsWith(`#${view}`) && each.targetId !== '',
          );
          return found !== undefined;
        },
        { message: `a window showing #${view}`, timeout: 15_000 },
      )
      .toBe(true);
    const target = found as StandinWindowState;
    return { state: target, page: await this.pageOf(target.targetId) };
  }

  private async pageOf(targetId: string): Promise<Page> {
    if (this.browser === null) throw new Error('not connected');
    for (let tries = 0; tries < 100; tries++) {
      for (const context of this.browser.contexts()) {
        for (const page of context.pages()) {
          const session = await context.newCDPSession(page);
          const { targetInfo } = (await session.send('Target.getTargetInfo')) as {
            targetInfo: { targetId: string };
          };
          await session.detach();
          if (targetInfo.targetId === targetId) return page;
        }
      }
      await sleep(50);
    }
    throw new Error(`no page for target ${targetId}`);
  }

  /**
   * Starts a second instance with `args`, as the OS does when a link is clicked while the app
   * runs; resolves with its exit code (it hands over and quits).
   */
  async secondInstance(args: readonly string[]): Promise<number | null> {
    const node = node22() as string;
    const child = spawnMain(node, this.options.main, args, { ...this.options.env, STANDIN_CONTROL_FILE: '' });
    return new Promise((resolve) => child.once('exit', resolve));
  }

  /** Quits through the app (as the tray's Quit would) and resolves with the exit code. */
  async quit(): Promise<number | null> {
    await this.post('/app/quit').catch(() => undefined);
    return this.stop();
  }

  /** Waits for the process to end (killing it after 15 s) and disconnects. */
  async stop(): Promise<number | null> {
    await this.browser?.close().catch(() => undefined);
    this.browser = null;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    const code = await this.exited;
    clearTimeout(timer);
    rmSync(path.dirname(this.options.controlFile), { recursive: true, force: true });
    return code;
  }

  /** Ends the process at once (for cleanup after a failed test). */
  async kill(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.stop();
  }
}

function spawnMain(
  node: string,
  main: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const register = fileURLToPath(new URL('./register.mjs', import.meta.url));
  return spawn(node, ['--import', register, main, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}
