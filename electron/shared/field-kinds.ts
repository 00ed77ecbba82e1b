/**
 * What a settings field is, besides its type: a secret (a password or token, kept in the secret
 * store or the environment), or a path the host writes to, runs, or only reads. Schemas mark their
 * fields here, and `schemaFields` walks the settings schema to find every marked field, so the
 * rules about secrets and paths (and the tests that try each such field through the API) follow
 * the schema instead of a hand-kept list.
 */
import { z } from 'zod';

/** How the host uses a path: `writes` (a file it appends to, a folder it reads templates from
 * and that decides what pops up), `runs` (an executable), `reads` (a file it only reads). */
export type PathUse = 'writes' | 'runs' | 'reads';

export type FieldKind = { readonly kind: 'secret' } | { readonly kind: 'path'; readonly use: PathUse };

/** The registry the settings schemas mark their fields in. */
export const fieldKinds = z.registry<FieldKind>();

/** Marks `schema` as a secret field. */
export function secretField<T extends z.ZodType>(schema: T): T {
  fieldKinds.add(schema, { kind: 'secret' });
  return schema;
}

/** Marks `schema` as a path the host uses as `use` says. */
export function pathField<T extends z.ZodType>(use: PathUse, schema: T): T {
  fieldKinds.add(schema, { kind: 'path', use });
  return schema;
}

/** One marked field: where it is (`[]` for any array index) and under which discriminators. */
export interface SchemaField {
  readonly path: readonly string[];
  readonly field: FieldKind;
  /** The discriminator values on the way (`line.provider` → `['tapi']`), by dotted path. */
  readonly when: Readonly<Record<string, readonly string[]>>;
}

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly values?: readonly unknown[];
  readonly entries?: Record<string, unknown>;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The literal values a discriminator field admits (`z.literal('tapi')`, `z.enum([...])`). */
function discriminatorValues(schema: z.ZodType | undefined): string[] {
  if (schema === undefined) return [];
  const def = defOf(schema);
  if (def.values !== undefined) return def.values.map(String);
  if (def.entries !== undefined) return Object.values(def.entries).map(String);
  return def.innerType === undefined ? [] : discriminatorValues(def.innerType);
}

/** Every marked field of `schema`. */
export function schemaFields(schema: z.ZodType): SchemaField[] {
  const found: SchemaField[] = [];
  const walk = (node: z.ZodType, path: string[], when: Record<string, readonly string[]>): void => {
    const field = fieldKinds.get(node);
    if (field !== undefined) {
      found.push({ path, field, when });
      return;
    }
    const def = defOf(node);
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, [...path, key], when);
        return;
      case 'union':
        for (const option of def.options ?? []) {
          const key = def.discriminator;
          const values = key === undefined ? [] : discriminatorValues(defOf(option).shape?.[key]);
          walk(option, path, key === undefined ? when : { ...when, [[...path, key].join('.')]: values });
        }
        return;
      case 'array':
        if (def.element !== undefined) walk(def.element, [...path, '[]'], when);
        return;
      case 'pipe':
        if (def.in !== undefined) walk(def.in, path, when);
        return;
      case 'intersection':
        for (const side of [def.left, def.right]) if (side !== undefined) walk(side, path, when);
        return;
      default:
        if (def.innerType !== undefined) walk(def.innerType, path, when);
    }
  };
  walk(schema, [], {});
  return found;
}

/** A document path (`['directories', 1, 'bindPassword']`) as the schema names it (`directories.[].bindPassword`). */
export function patternOf(path: readonly (string | number)[]): string {
  return path.map((step) => (typeof step === 'number' ? '[]' : step)).join('.');
}

/** A document path as problems name it: `directories[1].bindPassword`. */
export function pathText(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${key}`))
    .join('');
}

/** The same, read back: `directories[1].bindPassword` → `['directories', 1, 'bindPassword']`. */
export function parsePathText(text: string): (string | number)[] {
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] !== undefined ? Number(match[2]) : (match[1] as string),
  );
}
