/**
 * The popup template language: a deliberately small, logic-less subset of Mustache.
 *
 * - `{{path}}` inserts a value, always HTML-escaped (there is no unescaped form);
 * - `{{#path}}...{{/path}}` repeats for each item of a list (names inside resolve against the
 *   item first), or shows once when the value is present and not empty/false;
 * - `{{^path}}...{{/path}}` shows when the value is missing, empty or false.
 *
 * Templates come from the user's folder, so they are checked before use with a real HTML parser
 * and an allowlist of elements and attributes (template-check.ts): no scripts, frames, objects,
 * forms, `<base>`/`<meta>`/`<link>`, no `on...=` handlers, no styles, no `javascript:`/`data:`
 * URLs, and no placeholder in an unquoted attribute or in a URL attribute (escaping cannot make
 * those safe).
 */
import { checkTemplate, TemplateCheckError } from './template-check.js';

/** A template that breaks the rules, or does not parse. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** What a template can read: nested records, lists of records, strings, numbers, booleans. */
export type TemplateValue =
  string | number | boolean | null | undefined | TemplateData | readonly TemplateData[];
export interface TemplateData {
  readonly [key: string]: TemplateValue;
}

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly path: string }
  | {
      readonly kind: 'section';
      readonly path: string;
      readonly inverted: boolean;
      readonly children: readonly Node[];
    };

/** A checked, parsed template. */
export interface CompiledTemplate {
  readonly name: string;
  render(data: TemplateData): string;
}

const TAG = /\{\{\s*([#^/]?)\s*([A-Za-z][\w.]*)\s*\}\}/g;
/** Checks and parses `source`. @throws TemplateError naming the first problem. */
export function compileTemplate(name: string, source: string): CompiledTemplate {
  checkSafety(name, source);
  const nodes = parse(name, source);
  return { name, render: (data) => renderNodes(nodes, [data]) };
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function checkSafety(name: string, source: string): void {
  try {
    checkTemplate(source);
  } catch (error) {
    if (error instanceof TemplateCheckError) throw new TemplateError(`template "${name}": ${error.message}`);
    throw error;
  }
}

function excerpt(text: string, index: number): string {
  return text.slice(index, index + 30).replace(/\s+/g, ' ');
}

function parse(name: string, source: string): Node[] {
  const root: Node[] = [];
  const stack: { path: string; inverted: boolean; children: Node[] }[] = [];
  let current = root;
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const [whole, sigil = '', path = ''] = match;
    if (match.index > last) current.push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + whole.length;
    if (sigil === '#' || sigil === '^') {
      const section = { path, inverted: sigil === '^', children: [] as Node[] };
      stack.push(section);
      current.push({ kind: 'section', ...section });
      current = section.children;
    } else if (sigil === '/') {
      const open = stack.pop();
      if (open?.path !== path) throw new TemplateError(`template "${name}": {{/${path}}} closes nothing`);
      current = stack.at(-1)?.children ?? root;
    } else {
      current.push({ kind: 'value', path });
    }
  }
  if (stack.length > 0)
    throw new TemplateError(`template "${name}": {{#${stack.at(-1)?.path ?? ''}}} is never closed`);
  const rest = source.slice(last);
  if (rest.includes('{{'))
    throw new TemplateError(
      `template "${name}": malformed placeholder near "${excerpt(rest, rest.indexOf('{{'))}"`,
    );
  if (rest !== '') root.push({ kind: 'text', text: rest });
  return root;
}

function renderNodes(nodes: readonly Node[], scopes: readonly TemplateData[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'value') out += escapeHtml(scalar(resolve(node.path, scopes)));
    else {
      const value = resolve(node.path, scopes);
      const items = Array.isArray(value) ? (value as readonly TemplateData[]) : null;
      const present =
        items !== null
          ? items.length > 0
          : value !== undefined && value !== null && value !== false && value !== '';
      if (node.inverted) {
        if (!present) out += renderNodes(node.children, scopes);
      } else if (items !== null) {
        for (const item of items) out += renderNodes(node.children, [item, ...scopes]);
      } else if (present) {
        out += renderNodes(
          node.children,
          typeof value === 'object' ? [value as TemplateData, ...scopes] : scopes,
        );
      }
    }
  }
  return out;
}

function resolve(path: string, scopes: readonly TemplateData[]): TemplateValue {
  const [head = '', ...rest] = path.split('.');
  for (const scope of scopes) {
    if (!Object.hasOwn(scope, head)) continue;
    let value: TemplateValue = scope[head];
    for (const key of rest) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key))
        return undefined;
      value = (value as TemplateData)[key];
    }
    return value;
  }
  return undefined;
}

function scalar(value: TemplateValue): string {
  if (value === null || value === undefined || typeof value === 'object') return '';
  return String(value);
}
