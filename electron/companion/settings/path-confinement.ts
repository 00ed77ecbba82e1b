/**
 * Which files the API may point the host at. Settings that arrive through the API (the wizard,
 * the settings window, `POST /api/command/saveSettings`) can name files the host then writes to
 * or runs; one request must not turn that into code execution (`recordLine` appending a caller
 * ID to `~/.bashrc`) or a program of the caller's choice (`line.bridgePath`). So, for a value
 * that differs from what the settings file itself says (an administrator may name any place
 * there, by hand or through the site settings):
 *
 * - a path the host writes (schema: `writes`) MUST lie inside the user-data folder, after
 *   symlinks are followed; a recording MUST be a `.jsonl` file that is not the journal;
 * - a program the host runs (`runs`) MUST NOT be changed here: the bundled one is used unless the
 *   file names another;
 * - a file the host only reads (`reads`) may be anywhere, but MUST be a regular file (not a
 *   device or pipe that never ends); no answer echoes its content.
 *
 * The rules follow the schema's marks (field-kinds.ts), so a new path field is covered the day
 * it is added.
 */
import { resolveUserPath } from '../../shared/user-path.js';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathText, schemaFields, type SchemaField } from '../../shared/field-kinds.js';
import { settingsSchema } from './settings-schema.js';

let pathFields: readonly SchemaField[] | null = null;

/** Every path field of the settings schema. */
export function settingsPathFields(): readonly SchemaField[] {
  pathFields ??= schemaFields(settingsSchema).filter((field) => field.field.kind === 'path');
  return pathFields;
}

/** Each concrete place in `document` that the schema path `pattern` (with `[]`) names, with its value. */
function placesOf(
  document: unknown,
  pattern: readonly string[],
): { at: (string | number)[]; value: unknown }[] {
  let found: { at: (string | number)[]; value: unknown }[] = [{ at: [], value: document }];
  for (const step of pattern) {
    const next: typeof found = [];
    for (const { at, value } of found) {
      if (step === '[]') {
        if (Array.isArray(value))
          value.forEach((item: unknown, index) => next.push({ at: [...at, index], value: item }));
      } else if (
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.hasOwn(value, step)
      ) {
        next.push({ at: [...at, step], value: (value as Record<string, unknown>)[step] });
      }
    }
    found = next;
  }
  return found;
}

function valueAt(document: unknown, at: readonly (string | number)[]): unknown {
  let value = document;
  for (const step of at)
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string | number, unknown>)[step]
        : undefined;
  return value;
}

/** `target` with symlinks resolved as far as it exists (the rest appended as written). */
async function realTarget(target: string): Promise<string> {
  const rest: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return target;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

async function isInside(target: string, folder: string): Promise<boolean> {
  const [real, root] = await Promise.all([realTarget(target), realTarget(folder)]);
  const relative = path.relative(root, real);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Where the settings file is and which folder the API may write into. */
export interface Confinement {
  /** The settings file (relative paths resolve against its folder). */
  readonly file: string;
  /** The user-data folder. */
  readonly dataDir: string;
}

/**
 * The problems (`recordLine: ...`) of paths in `document` that the API may not set, compared with
 * `saved` (the document in the settings file, or null).
 */
export async function confinePaths(document: unknown, saved: unknown, where: Confinement): Promise<string[]> {
  const problems: string[] = [];
  for (const field of settingsPathFields()) {
    if (field.field.kind !== 'path') continue;
    for (const { at, value } of placesOf(document, field.path)) {
      if (typeof value !== 'string' || value === valueAt(saved, at)) continue;
      const problem =
        (field.path.join('.') === 'recordLine' ? recordingNameProblem(value) : null) ??
        (await check(field.field.use, value, where));
      if (problem !== null) problems.push(`${pathText(at)}: ${problem}`);
    }
  }
  return problems;
}

async function check(
  use: 'writes' | 'runs' | 'reads',
  value: string,
  where: Confinement,
): Promise<string | null> {
  const target = resolveUserPath(path.dirname(path.resolve(where.file)), value);
  if (use === 'runs')
    return 'the program Ringdesk starts can only be named in the settings file itself; leave this empty for the one that comes with Ringdesk';
  if (use === 'writes') {
    if (!(await isInside(target, where.dataDir)))
      return `must be inside Ringdesk's data folder (${where.dataDir}) when set here; an administrator can name another place in the settings file itself`;
    return null;
  }
  try {
    if (!(await stat(target)).isFile()) return 'must be a regular file';
  } catch {
    // A missing file is reported by the checks that read it.
  }
  return null;
}

/** The problem with a recording file named through the API (its name), or null. */
function recordingNameProblem(value: string): string | null {
  const name = path.basename(value).toLowerCase();
  if (!name.endsWith('.jsonl')) return 'a line recording must be a .jsonl file';
  if (name.startsWith('journal')) return 'must not be the call journal';
  return null;
}
