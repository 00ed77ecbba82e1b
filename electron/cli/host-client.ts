/**
 * Talks to a running headless host for `ringdesk sim ...` and `ringdesk calls`. Without
 * `--url`, the host that `ringdesk serve` last announced in the user-data folder is used.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { userDataDir, type PathEnvironment } from '../settings/settings-paths.js';

/** No host answered. */
export class HostUnreachableError extends Error {
  override readonly name = 'HostUnreachableError';
}

/** An answer of the host: its status and JSON body. */
export interface HostAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** The file where `ringdesk serve` announces its URL. */
export function hostFile(environment: PathEnvironment): string {
  return path.join(userDataDir(environment), 'host.json');
}

/** The base URL to use: `--url`, else the announced host, else the default port. */
export async function hostUrl(explicit: string | undefined, environment: PathEnvironment): Promise<string> {
  if (explicit !== undefined) return explicit.endsWith('/') ? explicit : `${explicit}/`;
  try {
    const announced = JSON.parse(await readFile(hostFile(environment), 'utf8')) as { url?: unknown };
    if (typeof announced.url === 'string') return announced.url;
  } catch {
    // no host announced: fall back to the default
  }
  return `http://127.0.0.1:${DEFAULT_PORT}/`;
}

/** The port `ringdesk serve` uses unless told otherwise. */
export const DEFAULT_PORT = 5170;

/** Calls the host's API; `body` present means POST. @throws HostUnreachableError */
export async function callHost(base: string, route: string, body?: unknown): Promise<HostAnswer> {
  let response: Response;
  try {
    response = await fetch(new URL(route, base), {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new HostUnreachableError(
      `no Ringdesk host at ${base} (${String((error as Error).cause ?? error)}); start one with "ringdesk serve"`,
    );
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: response.status, body: { error: text.slice(0, 200) } };
  }
}
