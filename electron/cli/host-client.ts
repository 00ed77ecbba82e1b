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
 * Calls the host's API; `body` present means POST. Plain `node:http`, not `fetch`: on Node 20
 * the first `fetch` of a process loads undici and compiles its WebAssembly parser, which cost
 * more than the rest of `ringdesk link open` together, and every click on a phone link pays it.
 * @throws HostUnreachableError when no host answers; HostKeyError when it refuses the key.
 */
export async function callHost(target: HostTarget, route: string, body?: unknown): Promise<HostAnswer> {
  const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (target.key !== null) headers.Authorization = `Bearer ${target.key}`;
  let answer: { status: number; text: string };
  try {
    answer = await request(
      new URL(route, target.url),
      body === undefined ? null : JSON.stringify(body),
      headers,
    );
  } catch (error) {
    throw new HostUnreachableError(
      `no Ringdesk host at ${target.url} (${String(error instanceof Error ? error.message : error)}); start one with "ringdesk serve"`,
    );
  }
  if (answer.status === 401)
    throw new HostKeyError(
      target.key === null
        ? `the host at ${target.url} needs its key, and ${target.keyFile} cannot be read: run this as the user who started the host`
        : `the host at ${target.url} refused the key from ${target.keyFile}: is it another profile's host?`,
    );
  try {
    return { status: answer.status, body: JSON.parse(answer.text) as Record<string, unknown> };
  } catch {
    return { status: answer.status, body: { error: answer.text.slice(0, 200) } };
  }
}

const TIMEOUT_MS = 10_000;
const MAX_ANSWER = 4 * 1024 * 1024;

/** One HTTP(S) exchange: the status and the answer's text (at most 4 MiB), within 10 s. */
async function request(
  url: URL,
  body: string | null,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const client = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      { method: body === null ? 'GET' : 'POST', headers, timeout: TIMEOUT_MS },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER) incoming.destroy(new Error('the answer is too long'));
          else chunks.push(chunk);
        });
        incoming.on('error', reject);
        incoming.on('end', () => {
          resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    outgoing.on('error', reject);
    outgoing.end(body ?? undefined);
  });
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
