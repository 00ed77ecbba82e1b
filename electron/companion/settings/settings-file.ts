/**
 * Reading a settings file as text and JSON, and saying a schema's problems in the settings' own
 * paths. Kept apart from the settings schema so that a command needing only part of the file
 * (`ringdesk number` needs the dialing rules) does not load every provider's and directory's schema.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { SettingsError } from '../../settings/settings-error.js';

/** `directories[1].path: must name a file` for each issue. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issue.path
      .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
      .join('');
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
}

/**
 * The file's text; null when it does not exist and is not `required`.
 * @throws SettingsError when it cannot be read (or is missing and required).
 */
export async function readText(file: string, required: boolean): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return null;
    throw new SettingsError(file, [code === 'ENOENT' ? 'file not found' : `cannot read: ${String(error)}`]);
  }
}

/**
 * The JSON in `text` (a leading byte-order mark allowed, as Windows editors write one).
 * @throws SettingsError naming the file when it is not JSON.
 */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SettingsError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
}
