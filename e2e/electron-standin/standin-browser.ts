/**
 * The one Chromium behind every stand-in window: a Playwright persistent context (Electron's
 * default session: one cookie jar, one storage), with a DevTools port so that the test process
 * can drive the same pages (`connectOverCDP`). `--allow-file-access-from-files` lets the renderer
 * load its module scripts from `file://`, which Electron allows its own app pages.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type BrowserContext } from '@playwright/test';

export interface StandinBrowser {
  readonly context: BrowserContext;
  /** `http://127.0.0.1:PORT`, for `chromium.connectOverCDP`. */
  readonly cdpUrl: string;
  /** The profile folder (a temporary one): removed when the app exits. */
  readonly profile: string;
}

let launched: Promise<StandinBrowser> | null = null;

/** Starts Chromium once; later calls get the same one. */
export function standinBrowser(): Promise<StandinBrowser> {
  launched ??= launch();
  return launched;
}

/** The browser if it was started, for shutting down. */
export function startedBrowser(): Promise<StandinBrowser> | null {
  return launched;
}

async function launch(): Promise<StandinBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'ringdesk-standin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: null,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--allow-file-access-from-files',
      '--remote-debugging-port=0',
    ],
  });
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let tries = 0; !existsSync(portFile); tries++) {
    if (tries > 200) throw new Error('Chromium wrote no DevToolsActivePort');
    await sleep(25);
  }
  const port = readFileSync(portFile, 'utf8').split('\n')[0];
  // The page Chromium opens with the profile is no window of the app.
  for (const page of context.pages()) await page.close();
  return { context, cdpUrl: `http://127.0.0.1:${String(port)}`, profile };
}
