/**
 * Talks to a running headless host for `ringdesk sim ...`, `ringdesk calls`, `ringdesk link
 * open` and `ringdesk provider log`. The host and its key come from the host files (host-file.ts):
 * the profile's host when it runs, else the demo's; with `--url`, the key of the host file that
 * announced that address (else the profile's). `RINGDESK_KEY` overrides the key (a host on another
 * machine).
 */
import path from 'node:path';
import { hostFilePath, readHostFile, type HostFileContents } from '../host/host-file.js';
import { userDataDir, type PathEnvironment } from '../settings/settings-paths.js';

/** No host answered. */
export class HostUnreachableError extends Error {
  override readonly name = 'HostUnreachableError';
}

/** The host refused the key (or got none): the command runs as another user, or the key changed. */
export class HostKeyError extends Error {
  override readonly name = 'HostKeyError';
}

/** An answer of the host: its status and JSON body. */
export interface HostAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** Where the host is and the key it wants (null when no host file could be read). */
export interface HostTarget {
  readonly url: string;
  readonly key: string | null;
  /** The host file the key came from, for messages. */
  readonly keyFile: string;
}

/** The profile's host file (`ringdesk serve`). */
export function hostFile(environment: PathEnvironment): string {
  return hostFilePath(userDataDir(environment));
}

/** The demo's host file (`ringdesk serve --demo`). */
export function demoHostFile(environment: PathEnvironment): string {
  return hostFilePath(path.join(userDataDir(environment), 'demo'));
}

/** The port `ringdesk serve` uses unless told otherwise. */
export const DEFAULT_PORT = 5170;

/** The host to talk to: `--url` or the running host the host files announce, with its key. */
export async function hostTarget(
  explicit: string | undefined,
  environment: PathEnvironment,
): Promise<HostTarget> {
  const files = [hostFile(environment), demoHostFile(environment)];
  const announced = await Promise.all(
    files.map(async (file) => ({ file, contents: await readHostFile(file) })),
  );
  const override = environment.env.RINGDESK_KEY;
  const pick = (found: { file: string; contents: HostFileContents | null } | undefined, url: string) => ({
    url,
    key: override !== undefined && override !== '' ? override : (found?.contents?.key ?? null),
    keyFile: found?.file ?? hostFile(environment),
  });
  if (explicit !== undefined) {
    const url = explicit.endsWith('/') ? explicit : `${explicit}/`;
    const same = announced.find((each) => sameOrigin(each.contents?.url, url));
    return pick(same ?? announced[0], url);
  }
  const running = announced.find(
    (each) =>
      each.contents?.url !== undefined && (each.contents.pid === undefined || isAlive(each.contents.pid)),
  );
  if (running?.contents?.url !== undefined) return pick(running, running.contents.url);
  return pick(announced[0], `http://127.0.0.1:${DEFAULT_PORT}/`);
}

/**
 * Calls the host's API; `body` present means POST.
 * @throws HostUnreachableError when no host answers; HostKeyError when it refuses the key.
 */
export async function callHost(target: HostTarget, route: string, body?: unknown): Promise<HostAnswer> {
  let response: Response;
  const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (target.key !== null) headers.Authorization = `Bearer ${target.key}`;
  try {
    response = await fetch(new URL(route, target.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new HostUnreachableError(
      `no Ringdesk host at ${target.url} (${String((error as Error).cause ?? error)}); start one with "ringdesk serve"`,
    );
  }
  const text = await response.text();
  if (response.status === 401)
    throw new HostKeyError(
      target.key === null
        ? `the host at ${target.url} needs its key, and ${target.keyFile} cannot be read: run this as the user who started the host`
        : `the host at ${target.url} refused the key from ${target.keyFile}: is it another profile's host?`,
    );
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: response.status, body: { error: text.slice(0, 200) } };
  }
}

function sameOrigin(announced: string | undefined, url: string): boolean {
  if (announced === undefined) return false;
  try {
    return new URL(announced).origin === new URL(url).origin;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
