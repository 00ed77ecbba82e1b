/**
 * The settings document as the forms edit it: plain JSON, addressed by paths such as
 * `['directories', 0, 'url']`. Edits return a new document (the store keeps the old one for
 * "revert"), and a path's text (`directories[0].url`) is written exactly as the Companion writes
 * the paths of its problems, so each problem lands next to its field.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Path = readonly (string | number)[];

/** A problem the Companion found with a field: `directories[0].url` and what is wrong. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing. */
export function getAt(document: unknown, path: Path): Json | undefined {
  let value: unknown = document;
  for (const key of path) {
    if (typeof key === 'number' ? !Array.isArray(value) : !isObject(value)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value as Json | undefined;
}

/**
 * A copy of `document` with `value` at `path`; objects and arrays on the way are created as
 * needed. `undefined` removes the key (an empty field means "the default", not `""`).
 */
export function setAt(document: Json | undefined, path: Path, value: Json | undefined): Json {
  const [key, ...rest] = path;
  if (key === undefined) return value ?? null;
  if (typeof key === 'number') {
    const list = Array.isArray(document) ? [...document] : [];
    if (rest.length === 0 && value === undefined) list.splice(key, 1);
    else list[key] = setAt(list[key], rest, value);
    return list;
  }
  const source: JsonObject = isObject(document) ? document : {};
  const next = rest.length === 0 ? value : setAt(source[key], rest, value);
  // Rebuilt rather than deleted from, so the key keeps its place among the others.
  const entries = Object.entries(source).filter(([name]) => name !== key || next !== undefined);
  if (next !== undefined && !(key in source)) entries.push([key, next]);
  return Object.fromEntries(entries.map(([name, item]) => [name, name === key ? (next as Json) : item]));
}

/** `['directories', 0, 'url']` → `directories[0].url` (the Companion's spelling). */
export function pathText(path: Path): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${key}`))
    .join('');
}

/** The problems of exactly this field. */
export function problemsAt(problems: readonly FieldProblem[], path: Path): string[] {
  const text = pathText(path);
  return problems.filter((problem) => problem.path === text).map((problem) => problem.message);
}

/** Whether any problem lies at or under `path` (to mark a tab, a step or a directory). */
export function hasProblemsUnder(problems: readonly FieldProblem[], path: Path): boolean {
  const text = pathText(path);
  return problems.some(
    (problem) =>
      problem.path === text || problem.path.startsWith(`${text}.`) || problem.path.startsWith(`${text}[`),
  );
}

/**
 * Whether `path` lies at or under one of the site's locked keys (dotted, `line.host`): such a
 * field is shown but set by the administrator.
 */
export function isLockedPath(locked: readonly string[], path: Path): boolean {
  const dotted = path.filter((key): key is string => typeof key === 'string').join('.');
  return locked.some((key) => dotted === key || dotted.startsWith(`${key}.`));
}

/** Moves the item at `from` to `to` in a list (directory priority). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length) return copy;
  const [item] = copy.splice(from, 1) as [T];
  copy.splice(to, 0, item);
  return copy;
}
