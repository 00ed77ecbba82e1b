/**
 * Simple JSON paths for mapping a helpdesk's answer: `users`, `data.items`, `Contact[0].Phone`,
 * `phones.0`. No wildcards, filters or scripts: a path names one place in the answer, so a
 * mapping reads like the JSON it describes and cannot run anything. `""` and `$` name the answer
 * itself (for APIs that answer with a bare list, as Zammad does).
 */

/** One step of a path: an object key or a list index. */
export type PathStep = string | number;

/** A path that is not of the simple form. */
export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';
}

const STEP = /([^.[\]]+)|\[(\d+)\]/y;

/**
 * The steps of `path`.
 * @throws JsonPathError for an empty step (`a..b`), an unclosed index (`a[0`) or a key with
 *   brackets.
 */
export function parseJsonPath(path: string): PathStep[] {
  let rest = path.trim();
  if (rest === '$' || rest === '') return [];
  if (rest.startsWith('$.')) rest = rest.slice(2);
  else if (rest.startsWith('$[')) rest = rest.slice(1);
  const steps: PathStep[] = [];
  let at = 0;
  while (at < rest.length) {
    if (steps.length > 0 && rest[at] === '.') at++;
    STEP.lastIndex = at;
    const match = STEP.exec(rest);
    if (match === null) throw new JsonPathError(`not a simple JSON path: ${JSON.stringify(path)}`);
    const [whole, key, index] = match;
    const step = index ?? key ?? '';
    steps.push(/^\d+$/.test(step) ? Number(step) : step);
    at += whole.length;
  }
  // A trailing dot leaves nothing after it; "a." is as wrong as "a..b".
  if (rest.endsWith('.')) throw new JsonPathError(`not a simple JSON path: ${JSON.stringify(path)}`);
  return steps;
}

/** True when `path` is a simple JSON path. */
export function isJsonPath(path: string): boolean {
  try {
    parseJsonPath(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The value at `steps` in `value`, or undefined when any step is missing. A number step reads a
 * list (or an object's numeric key); a key step reads only objects (never a list's `length`).
 */
export function readJsonPath(value: unknown, steps: readonly PathStep[]): unknown {
  let current = value;
  for (const step of steps) {
    if (typeof step === 'number' && Array.isArray(current)) {
      current = current[step] as unknown;
      continue;
    }
    const key = String(step);
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Writes `steps` back as a path for messages: `users`, `Contact[0].Phone`, or "the answer". */
export function describeJsonPath(steps: readonly PathStep[]): string {
  if (steps.length === 0) return 'the answer';
  return steps
    .map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`))
    .join('');
}
