/**
 * A real `ringdesk serve` on a profile of the test's choosing, that can be stopped and started
 * again on the same profile (to check what survives a restart). The profile's folder is also
 * its HOME and XDG folders, so registering as the link handler never touches the real desktop.
 */
import path from 'node:path';
import { isolatedDesktopEnv } from '../electron/test-support/isolated-desktop.js';
import { startServe } from '../electron/test-support/serve-process.js';

export interface HostProcess {
  readonly url: string;
  stop(): Promise<void>;
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
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
