/**
 * Serves the built renderer: files under one root only (no `..`, no dotfiles, no symlink
 * escapes), with their content type and the security headers every page gets.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RENDERER_CSP } from '../contract/renderer-policy.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Headers for every response of the host. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface StaticFile {
  readonly status: number;
  readonly type: string;
  readonly body: Buffer | string;
}

/** The file for a URL path under `root` (`/` is `index.html`), or a 404. */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile> {
  const notFound: StaticFile = { status: 404, type: 'text/plain; charset=utf-8', body: 'not found' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return notFound;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (
    relative.includes('\0') ||
    relative.split(/[\\/]/).some((part) => part === '..' || part.startsWith('.'))
  ) {
    return notFound;
  }
  try {
    const realRoot = await realpath(root);
    const file = await realpath(path.join(realRoot, relative));
    if (!file.startsWith(realRoot + path.sep) || !(await stat(file)).isFile()) return notFound;
    return {
      status: 200,
      type: TYPES[path.extname(file)] ?? 'application/octet-stream',
      body: await readFile(file),
    };
  } catch {
    return notFound;
  }
}
