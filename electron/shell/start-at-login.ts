/**
 * "Start at login" (settings `app.startAtLogin`). Windows and macOS keep login items for apps
 * (`app.setLoginItemSettings`); on Linux Electron's login items do nothing, so Ringdesk writes (or
 * removes) an XDG autostart entry, `ringdesk.desktop` in `$XDG_CONFIG_HOME/autostart`, which
 * GNOME, KDE, Xfce and the other XDG desktops start at login.
 *
 * Applied at every start and after every settings save, so the entry follows the app when it is
 * moved or updated (an AppImage's entry names the AppImage file, not its temporary mount).
 */
import type { App } from 'electron';
import path from 'node:path';
import { execArgument, xdgConfigHome } from './desktop-entry.js';

/** The file operations the Linux entry needs (node:fs/promises, or a fake). */
export interface AutostartFiles {
  mkdir(folder: string, options: { recursive: true }): Promise<unknown>;
  writeFile(file: string, text: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

/** Electron's app and the process's facts, injected so every platform is tested anywhere. */
export interface StartAtLoginDeps {
  readonly platform: NodeJS.Platform;
  readonly app: Pick<App, 'setLoginItemSettings' | 'isPackaged'>;
  /** `process.execPath`. */
  readonly execPath: string;
  /** `process.argv`: in development the app's folder is `argv[1]`. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly files: AutostartFiles;
}

/** What was done, for the log. */
export type StartAtLoginResult =
  | { readonly method: 'login-item'; readonly openAtLogin: boolean }
  | { readonly method: 'xdg-autostart'; readonly file: string; readonly written: boolean };

/** The program and arguments that start Ringdesk as it runs now. */
export function launchCommand(deps: Pick<StartAtLoginDeps, 'app' | 'execPath' | 'argv' | 'env'>): string[] {
  const program = deps.env.APPIMAGE ?? deps.execPath;
  const appPath = deps.argv[1];
  return !deps.app.isPackaged && appPath !== undefined ? [program, path.resolve(appPath)] : [program];
}

/** The XDG autostart folder: `$XDG_CONFIG_HOME/autostart`, else `~/.config/autostart`. */
export function autostartFolder(env: StartAtLoginDeps['env'], homedir: string): string {
  return path.posix.join(xdgConfigHome(env, homedir), 'autostart');
}

/** The autostart entry for `command`. */
export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Ringdesk',
    'Comment=Caller popups and click-to-dial for service-desk agents',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Makes the OS start Ringdesk at login (`on`) or stops it doing so. */
export async function applyStartAtLogin(on: boolean, deps: StartAtLoginDeps): Promise<StartAtLoginResult> {
  if (deps.platform === 'win32' || deps.platform === 'darwin') {
    const [program = deps.execPath, ...args] = launchCommand(deps);
    // Windows matches the entry by path and arguments, so switching off must name the same ones.
    deps.app.setLoginItemSettings(
      deps.platform === 'win32' ? { openAtLogin: on, path: program, args } : { openAtLogin: on },
    );
    return { method: 'login-item', openAtLogin: on };
  }
  const folder = autostartFolder(deps.env, deps.homedir);
  const file = path.posix.join(folder, 'ringdesk.desktop');
  if (!on) {
    await deps.files.rm(file, { force: true });
    return { method: 'xdg-autostart', file, written: false };
  }
  await deps.files.mkdir(folder, { recursive: true });
  await deps.files.writeFile(file, autostartEntry(launchCommand(deps)));
  return { method: 'xdg-autostart', file, written: true };
}
