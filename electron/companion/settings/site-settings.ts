/**
 * Site settings: what an administrator rolls out to every PC of a service desk. One JSON file,
 * named by a path or an https URL (the `RINGDESK_SITE` environment variable, set by policy or at
 * install time; `ringdesk serve --site`), supplies defaults for any setting and may lock keys:
 *
 * ```json
 * { "settings": { "line": { "provider": "ami", "host": "pbx.example.com" } },
 *   "locked": ["line.host", "dialingRules"] }
 * ```
 *
 * The user's own settings file applies over the site's unlocked values; a locked key always has
 * the site's value (or the built-in default where the site gives none), and the settings UI shows
 * it as set by the administrator. The user's file keeps only what the user chose differently, so a
 * later change of the site's defaults reaches every user who did not override it.
 *
 * Invariants:
 * - A locked key MUST NOT take its value from the user's file, and a save that changes it MUST be
 *   refused with a problem at that key.
 * - The site's values count as the administrator's (like the settings file's own): the API's
 *   path rules (path-confinement.ts) compare with the merged document, not the user's part.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { isRecord as isPlainObject } from '../../settings/entry-address.js';

type JsonObject = Record<string, unknown>;

/** A dotted settings path (`line.host`, `dialingRules`); array items cannot be locked one by one. */
const lockedPathSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, 'must be a settings key such as line.host');

/** The site file, as an administrator writes it. */
export const siteFileSchema = z
  .object({
    settings: z.record(z.string(), z.unknown()).default({}),
    locked: z.array(lockedPathSchema).max(200).default([]),
  })
  .strict();

/** Site settings in force. */
export interface SiteSettings {
  /** Where they came from (a path or an https URL), to name it in the UI and the log. */
  readonly source: string;
  /** Default values for any setting (a partial settings document). */
  readonly document: JsonObject;
  /** The locked keys, dotted. */
  readonly locked: readonly string[];
}

/** True when `path` (as steps) is a locked key or lies inside one. */
export function isLocked(site: SiteSettings, steps: readonly (string | number)[]): boolean {
  const dotted = steps.filter((step): step is string => typeof step === 'string').join('.');
  return site.locked.some((locked) => dotted === locked || dotted.startsWith(`${locked}.`));
}

/**
 * The settings in force: the site's values, with the user's over every unlocked key (objects
 * merge key by key; arrays and values replace as a whole).
 */
export function applySite(user: unknown, site: SiteSettings): unknown {
  return merge(site.document, isPlainObject(user) ? user : {}, [], site);
}

function merge(base: unknown, over: unknown, at: readonly string[], site: SiteSettings): unknown {
  if (isLocked(site, at)) return base;
  if (!isPlainObject(over)) return over === undefined ? base : over;
  // An object of the user's where the site has none still loses its locked keys.
  if (!isPlainObject(base)) return merge({}, over, at, site);
  const result: JsonObject = Object.create(null) as JsonObject;
  for (const key of new Set([...Object.keys(base), ...Object.keys(over)])) {
    const value = merge(
      Object.hasOwn(base, key) ? base[key] : undefined,
      Object.hasOwn(over, key) ? over[key] : undefined,
      [...at, key],
      site,
    );
    if (value !== undefined) result[key] = value;
  }
  return { ...result };
}

/**
 * What of `document` (the merged settings as the UI sends them back) the user's file keeps: no
 * locked key, and no value equal to the site's (so the site's later changes still reach it).
 */
export function userPart(document: unknown, site: SiteSettings): unknown {
  return strip(document, site.document, [], site) ?? {};
}

function strip(value: unknown, siteValue: unknown, at: readonly string[], site: SiteSettings): unknown {
  if (at.length > 0 && (isLocked(site, at) || isDeepStrictEqual(value, siteValue))) return undefined;
  if (!isPlainObject(value)) return value;
  const result: JsonObject = Object.create(null) as JsonObject;
  for (const key of Object.keys(value)) {
    const kept = strip(value[key], isPlainObject(siteValue) ? siteValue[key] : undefined, [...at, key], site);
    if (kept !== undefined) result[key] = kept;
  }
  return at.length > 0 && Object.keys(result).length === 0 ? undefined : { ...result };
}

/**
 * A problem for each locked key whose value in `document` differs from the merged settings in
 * force (`current`): the UI shows them read-only, so only a hand-made request changes one.
 */
export function lockedChanges(document: unknown, current: unknown, site: SiteSettings): string[] {
  return site.locked
    .filter((key) => !isDeepStrictEqual(valueAt(document, key), valueAt(current, key)))
    .map(
      (key) => `${key}: set by your administrator (site settings ${site.source}); it cannot be changed here`,
    );
}

function valueAt(document: unknown, dotted: string): unknown {
  let value = document;
  for (const step of dotted.split('.')) {
    if (!isPlainObject(value) || !Object.hasOwn(value, step)) return undefined;
    value = value[step];
  }
  return value;
}
