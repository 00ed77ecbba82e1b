/**
 * Opens the configured directories for a one-shot command (no file watching) and closes them
 * afterwards. Warnings (skipped rows, unavailable directories) go to standard error.
 */
import { openDirectories } from '../companion/open-directories.js';
import type { Directory } from '../contacts/directory.js';
import type { Settings } from '../companion/settings/load-settings.js';
import type { CliContext } from './cli-context.js';

export async function withDirectories<T>(
  settings: Settings,
  context: CliContext,
  use: (directories: readonly Directory[]) => Promise<T>,
): Promise<T> {
  const directories = await openDirectories(settings, {
    onWarning: (message) => context.say(`warning: ${message}`),
    watch: false,
    env: context.io.env,
  });
  try {
    return await use(directories);
  } finally {
    await Promise.all(directories.map((directory) => directory.close()));
  }
}
