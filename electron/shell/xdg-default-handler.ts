/**
 * Makes a desktop entry the user's default handler for URI schemes on Linux with `xdg-mime
 * default` (which writes `mimeapps.list` where the user's desktop reads it), then asks `xdg-mime`
 * back which handler each scheme now has, because a desktop's own settings may win.
 *
 * `xdg-mime`, not `xdg-settings`: Electron's `app.setAsDefaultProtocolClient` runs
 * `xdg-settings set default-url-scheme-handler`, which in xdg-utils before 1.2 (Debian 12,
 * Ubuntu 22.04) also makes the application the handler for web pages. The CLI's link opener uses
 * this module; the desktop app can use it with its own entry (`ringdesk.desktop`).
 */
import { execFile } from 'node:child_process';

/** Runs a program and resolves with its standard output; rejects like `execFile`. */
export type ProgramRunner = (
  file: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
) => Promise<string>;

/** A link handler cannot be (un)registered here: the message says why and what to do. */
export class LinkRegistrationError extends Error {
  override readonly name = 'LinkRegistrationError';
}

/** Which schemes now open with the entry, and which still open with another application. */
export interface SchemeRegistration {
  readonly registered: string[];
  readonly refused: string[];
}

/**
 * Names `desktopFile` (a file name such as `ringdesk.desktop`, found in the applications folders)
 * the default handler of `x-scheme-handler/<scheme>` for each scheme.
 *
 * @throws LinkRegistrationError when xdg-mime is missing or fails.
 */
export async function makeDefaultSchemeHandler(
  desktopFile: string,
  schemes: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  run: ProgramRunner = runProgram,
): Promise<SchemeRegistration> {
  const registered: string[] = [];
  const refused: string[] = [];
  for (const scheme of schemes) {
    const type = `x-scheme-handler/${scheme}`;
    await xdgMime(run, env, ['default', desktopFile, type]);
    const handler = (await xdgMime(run, env, ['query', 'default', type])).trim();
    (handler === desktopFile ? registered : refused).push(scheme);
  }
  return { registered, refused };
}

/** Runs `xdg-mime ARGS`. @throws LinkRegistrationError naming what to install or what failed. */
export async function xdgMime(
  run: ProgramRunner,
  env: Readonly<Record<string, string | undefined>>,
  args: readonly string[],
): Promise<string> {
  try {
    return await run('xdg-mime', args, env);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LinkRegistrationError(
        'xdg-mime was not found: install xdg-utils (Debian/Ubuntu: apt-get install xdg-utils)',
      );
    }
    const detail = (error as { stderr?: unknown }).stderr;
    throw new LinkRegistrationError(
      `xdg-mime ${args.join(' ')} failed: ${typeof detail === 'string' && detail.trim() !== '' ? detail.trim() : String(error)}`,
    );
  }
}

/** The real runner: `execFile` with the given environment, at most 30 s. */
export function runProgram(
  file: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { env: { ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error === null) {
        resolve(stdout);
        return;
      }
      const failure: Error & { stderr?: string } = error;
      failure.stderr = stderr;
      reject(failure);
    });
  });
}
