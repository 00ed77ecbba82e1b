/**
 * Where the site settings come from and how they are read (see site-settings.ts for what they
 * do): a file (a path, e.g. on a share or installed with the package) or an https URL. A URL's
 * answer is kept in the data folder, so a PC that starts without the network still has its
 * site's settings, locks included.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { get } from 'node:https';
import path from 'node:path';
import { writeFileAtomic } from '../../shared/atomic-write.js';
import { systemClock, withTimeout, type Clock } from '../../shared/clock.js';
import { formatIssues } from './settings-file.js';
import { siteFileSchema, type SiteSettings } from './site-settings.js';

/** A site file larger than this is refused: it is settings, not a data dump. */
const MAX_BYTES = 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
const CACHE_FILE = 'site-settings.cache.json';

/** Site settings that cannot be used, in plain words. */
export class SiteSettingsError extends Error {
  override readonly name = 'SiteSettingsError';
}

/**
 * The site settings' source: `RINGDESK_SITE` (set by policy or the installer), else the first
 * existing file of `candidates` (`/etc/ringdesk/site.json`, a site.json beside the program);
 * null when there is none.
 */
export function siteSource(
  env: Readonly<Record<string, string | undefined>>,
  candidates: readonly string[] = [],
): string | null {
  const named = env.RINGDESK_SITE?.trim();
  if (named !== undefined && named !== '') return named;
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** The places a packaged app looks for a site file when no variable names one. */
export function siteCandidates(platform: NodeJS.Platform, programDir: string): string[] {
  const beside = path.join(programDir, 'site.json');
  return platform === 'linux' ? ['/etc/ringdesk/site.json', beside] : [beside];
}

export interface SiteLoadOptions {
  /** Where a URL's answer is kept for starts without the network. */
  readonly dataDir: string;
  readonly onWarning: (message: string) => void;
  readonly clock?: Clock;
  /** Extra trusted CA certificates (PEM) for the URL; the system's by default. */
  readonly ca?: string;
}

/**
 * Reads the site settings from `source`. A URL that cannot be reached falls back to its last
 * good answer (with a warning); without one, and for a file that is missing or invalid, Ringdesk
 * runs without site settings and says why.
 */
export async function loadSiteSettings(
  source: string,
  options: SiteLoadOptions,
): Promise<SiteSettings | null> {
  const cache = path.join(options.dataDir, CACHE_FILE);
  try {
    if (/^https:\/\//i.test(source)) {
      const text = await fetchText(source, options);
      const site = parseSite(source, text);
      await writeFileAtomic(cache, text, 0o600);
      return site;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source))
      throw new SiteSettingsError('site settings come from a file or an https:// URL');
    if (!path.isAbsolute(source))
      throw new SiteSettingsError('the site settings file must be an absolute path');
    return parseSite(source, await readSiteFile(source));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/^https:\/\//i.test(source)) {
      const kept = await readFile(cache, 'utf8').catch(() => null);
      if (kept !== null) {
        options.onWarning(
          `site settings: ${source} not available (${reason}); using the copy kept from its last answer`,
        );
        return parseSite(source, kept);
      }
    }
    options.onWarning(`site settings: ${source} not used: ${reason}`);
    return null;
  }
}

async function readSiteFile(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (info === null) throw new SiteSettingsError('file not found');
  if (!info.isFile()) throw new SiteSettingsError('not a regular file');
  if (info.size > MAX_BYTES) throw new SiteSettingsError('larger than 1 MB');
  return readFile(file, 'utf8');
}

/** @throws SiteSettingsError naming what is wrong. */
function parseSite(source: string, text: string): SiteSettings {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SiteSettingsError(`not valid JSON: ${(error as Error).message}`);
  }
  const result = siteFileSchema.safeParse(json);
  if (!result.success) throw new SiteSettingsError(formatIssues(result.error.issues).join('; '));
  return { source, document: result.data.settings, locked: result.data.locked };
}

function fetchText(url: string, options: SiteLoadOptions): Promise<string> {
  const controller = new AbortController();
  const work = new Promise<string>((resolve, reject) => {
    const request = get(
      url,
      { signal: controller.signal, agent: false, ...(options.ca === undefined ? {} : { ca: options.ca }) },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new SiteSettingsError(`the server answered ${String(response.statusCode)}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) {
            request.destroy(new SiteSettingsError('larger than 1 MB'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
  return withTimeout(work, FETCH_TIMEOUT_MS, options.clock ?? systemClock, () => {
    controller.abort();
    return new SiteSettingsError(`no answer within ${FETCH_TIMEOUT_MS / 1000} s`);
  });
}
