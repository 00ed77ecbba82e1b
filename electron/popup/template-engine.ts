/**
 * The popup template language: a deliberately small, logic-less subset of Mustache.
 *
 * - `{{path}}` inserts a value, always HTML-escaped (there is no unescaped form);
 * - `{{#path}}...{{/path}}` repeats for each item of a list (names inside resolve against the
 *   item first), or shows once when the value is present and not empty/false;
 * - `{{^path}}...{{/path}}` shows when the value is missing, empty or false.
 *
 * Templates come from the user's folder, so they are checked before use: no scripts, frames,
 * objects, forms, `<base>`/`<meta>`/`<link>`, no `on...=` handlers, no `javascript:`/`data:`
 * URLs (entities decoded first), no CSS `url()`/`@import`, and no placeholder in an unquoted
 * attribute or in a URL or style attribute (escaping cannot make those safe).
 */

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
const FORBIDDEN_ELEMENT =
  /<\s*\/?\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|form|portal)\b/i;
const EVENT_HANDLER = /[\s"'/]on[a-z]+\s*=/i;
const DANGEROUS_URL = /=\s*["']?\s*(javascript|vbscript|data)\s*:/i;
const CSS_FETCH = /url\s*\(|@import|expression\s*\(/i;
const URL_ATTRIBUTE_PLACEHOLDER =
  /\b(href|src|srcset|action|formaction|poster|background|style|xlink:href|srcdoc)\s*=\s*["']?[^"'>]*\{\{/i;
const UNQUOTED_PLACEHOLDER = /=\s*\{\{/;

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
  const decoded = decodeEntities(source);
  const problems: [RegExp, string][] = [
    [FORBIDDEN_ELEMENT, 'scripts, frames, objects, forms and <base>/<meta>/<link> are not allowed'],
    [EVENT_HANDLER, 'event handler attributes (on...=) are not allowed'],
    [DANGEROUS_URL, 'javascript:, vbscript: and data: URLs are not allowed'],
    [CSS_FETCH, 'CSS url(), @import and expression() are not allowed'],
    [URL_ATTRIBUTE_PLACEHOLDER, 'placeholders are not allowed in URL or style attributes'],
    [UNQUOTED_PLACEHOLDER, 'a placeholder in an attribute must be inside quotes'],
  ];
  for (const [pattern, message] of problems) {
    const match = pattern.exec(decoded);
    if (match !== null)
      throw new TemplateError(`template "${name}": ${message} (at "${excerpt(decoded, match.index)}")`);
  }
}

/** Decodes numeric and a few named entities and drops whitespace inside words, for checking only. */
function decodeEntities(source: string): string {
  return source
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000),
    )
    .replace(/&#(\d+);?/g, (_, decimal: string) =>
      String.fromCodePoint(Number.parseInt(decimal, 10) % 0x110000),
    )
    .replace(
      /&(colon|tab|newline);/gi,
      (_, entity: string) => ({ colon: ':', tab: '\t', newline: '\n' })[entity.toLowerCase()] ?? '',
    )
    .replace(/\p{Cc}/gu, '');
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
