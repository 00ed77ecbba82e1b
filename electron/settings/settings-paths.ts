/**
 * Where Ringdesk keeps its settings and data on each OS, computed from injected facts (platform,
 * environment, home folder) so that every face finds the same files and tests can point them
 * anywhere. The Electron face uses the same folder as `app.getPath('userData')` would for the
 * product name "Ringdesk".
 */
import path from 'node:path';

/** The facts that decide the folders. */
export interface PathEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
}

/** The product name, as the folder is called. */
export const PRODUCT_DIR = 'Ringdesk';

/** The folder for settings and data: `RINGDESK_HOME`, or the OS's per-user app-data folder. */
export function userDataDir({ platform, env, homeDir }: PathEnvironment): string {
  const explicit = env.RINGDESK_HOME;
  if (explicit !== undefined && explicit !== '') return path.resolve(explicit);
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(homeDir, 'AppData', 'Roaming'), PRODUCT_DIR);
  }
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Application Support', PRODUCT_DIR);
  const config = env.XDG_CONFIG_HOME;
  return path.join(
    config !== undefined && config !== '' ? config : path.join(homeDir, '.config'),
    PRODUCT_DIR,
  );
}

/** The settings file: `RINGDESK_CONFIG`, or `config.json` in the user-data folder. */
export function defaultSettingsPath(environment: PathEnvironment): string {
  const explicit = environment.env.RINGDESK_CONFIG;
  if (explicit !== undefined && explicit !== '') return path.resolve(explicit);
  return path.join(userDataDir(environment), 'config.json');
}
