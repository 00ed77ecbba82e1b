/**
 * A real `ringdesk serve` on a profile of the test's choosing, that can be stopped and started
 * again on the same profile (to check what survives a restart). The profile's folder is also
 * its HOME and XDG folders, so registering as the link handler never touches the real desktop.
 */
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { isolatedDesktopEnv } from '../electron/test-support/isolated-desktop.js';
import { startServe } from '../electron/test-support/serve-process.js';

export interface HostProcess {
  readonly url: string;
  /** The host's key (every API request and the app's page need it). */
  readonly key: string;
  /** The address `ringdesk serve` printed for a browser: the key in the query. */
  readonly open: string;
  stop(): Promise<void>;
}

/**
 * Gives `context` the host's key as the cookie a browser gets from the printed address, so a
 * test can open `host.url` (and `page.request` reach the API) as the agent's browser would.
 */
export async function admit(context: BrowserContext, host: Pick<HostProcess, 'url' | 'key'>): Promise<void> {
  const { origin, port } = new URL(host.url);
  await context.addCookies([
    { name: `ringdesk-key-${port}`, value: host.key, url: origin, httpOnly: true, sameSite: 'Strict' },
  ]);
}

/**
 * Starts `ringdesk serve` with `home` as its data folder, on `config` or else on the profile's
 * own `config.json` (which a first run does not have yet).
 */
export async function spawnHost(options: {
  home: string;
  config?: string;
  env?: Record<string, string>;
}): Promise<HostProcess> {
  const env = {
    ...isolatedDesktopEnv(path.join(options.home, 'desktop')),
    RINGDESK_HOME: options.home,
    ...options.env,
  };
  const server = await startServe(env, options.config === undefined ? [] : ['--config', options.config]);
  let stopped = false;
  return {
    url: server.url,
    key: server.key,
    open: server.open,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
