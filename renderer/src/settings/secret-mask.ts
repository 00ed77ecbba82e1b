/**
 * Typed secrets (`{"secret": "..."}`, not saved yet) must not appear in clear text in the JSON
 * views of the settings: they are shown masked, and a mask that comes back from the JSON is
 * replaced by the typed secret at the same place (or dropped when there is none there).
 */
import { isObject, type Json } from './document-path.js';

export const SECRET_MASK = '••••••••';

function isTypedSecret(value: Json | undefined): value is { secret: string } {
  return isObject(value) && Object.keys(value).length === 1 && typeof value.secret === 'string';
}

/** `value` with every typed secret masked. */
export function maskTyped(value: Json | undefined): Json | undefined {
  if (isTypedSecret(value)) return { secret: SECRET_MASK };
  if (Array.isArray(value)) return value.map((item) => maskTyped(item) ?? null);
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskTyped(item) ?? null]));
  return value;
}

/** `edited` with each masked secret replaced by the typed one at the same place in `current`. */
export function unmaskTyped(edited: Json, current: Json | undefined): Json | undefined {
  if (isTypedSecret(edited) && edited.secret === SECRET_MASK)
    return isTypedSecret(current) ? current : undefined;
  if (Array.isArray(edited)) {
    const before = Array.isArray(current) ? current : [];
    return edited.map((item, index) => unmaskTyped(item, before[index]) ?? null);
  }
  if (isObject(edited)) {
    const before = isObject(current) ? current : {};
    const entries: [string, Json][] = [];
    for (const [key, item] of Object.entries(edited)) {
      const restored = unmaskTyped(item, before[key]);
      if (restored !== undefined) entries.push([key, restored]);
    }
    return Object.fromEntries(entries);
  }
  return edited;
}
