/**
 * Checks a popup template with a real HTML parser (parse5, the WHATWG algorithm browsers use,
 * in the context the popup inserts it into: a `<div>`) against an allowlist of elements and
 * attributes, instead of patterns over the text. What the parser sees is what the popup gets, so
 * an attribute split by a newline (`<img src=x\nonerror=...>`), entities, or case tricks cannot
 * slip past.
 *
 * Rules: only the elements and attributes below; no `style` (the app styles the popup); URLs
 * (`href`, `src`) only http(s) (and mailto:/tel: for links), fixed, without placeholders; a
 * `<button>` only as `type="button"`, with no form or popover attributes;
 * placeholders only in text and in quoted values of plain attributes. Each refusal names the
 * first problem in plain words.
 */
import { defaultTreeAdapter, ErrorCodes, html, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements a template may use. */
const ELEMENTS = new Set([
  'article',
  'section',
  'header',
  'footer',
  'div',
  'span',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'mark',
  'sub',
  'sup',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'abbr',
  'time',
  'code',
  'pre',
  'blockquote',
  'a',
  'img',
  // The chooser's choices are real buttons (keyboard and screen readers know them); only
  // type="button", which submits nothing and carries no URL (see checkButton).
  'button',
]);

/** Attributes any allowed element may carry (besides `aria-*` and `data-*`). */
const GLOBAL_ATTRIBUTES = new Set(['class', 'id', 'title', 'lang', 'dir', 'role']);

/** Attributes only some elements may carry. */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt', 'width', 'height']),
  td: new Set(['colspan', 'rowspan']),
  th: new Set(['colspan', 'rowspan', 'scope']),
  ol: new Set(['start', 'reversed']),
  li: new Set(['value']),
  time: new Set(['datetime']),
  button: new Set(['type']),
};

const URL_ATTRIBUTES = new Set(['href', 'src']);

/** The friendly words for what people try most (and attacks use). */
const REFUSED_ELEMENTS: readonly [RegExp, string][] = [
  [
    /^(script|noscript|template)$/,
    'scripts, frames, objects, forms and <base>/<meta>/<link> are not allowed',
  ],
  [
    /^(i?frame|frameset|portal|object|embed|applet|param)$/,
    'scripts, frames, objects, forms and <base>/<meta>/<link> are not allowed',
  ],
  [
    /^(form|input|select|option|textarea|isindex|keygen)$/,
    'scripts, frames, objects, forms and <base>/<meta>/<link> are not allowed',
  ],
  [
    /^(base|meta|link|html|head|body|title)$/,
    'scripts, frames, objects, forms and <base>/<meta>/<link> are not allowed',
  ],
  [
    /^style$/,
    'styles are not allowed (the app styles the popup: use its classes); CSS url(), @import and expression() never are',
  ],
];

/** A template that breaks a rule: the message names it. */
export class TemplateCheckError extends Error {
  override readonly name = 'TemplateCheckError';
}

const PLACEHOLDER = /\{\{/;

/** Checks `source`. @throws TemplateCheckError naming the first problem and where it is. */
export function checkTemplate(source: string): void {
  refuseTagsTheTreeDrops(source);
  const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);
  const fragment = parseFragment(context, source, {
    sourceCodeLocationInfo: true,
    onParseError: (error) => {
      // A tag cut off by the end of the template is dropped here, but would swallow whatever a
      // page puts after it: refused.
      if (error.code === ErrorCodes.eofInTag)
        throw new TemplateCheckError(
          `the template ends inside a tag (at "${excerpt(source, error.startOffset)}")`,
        );
    },
  });
  const walk = (node: Node): void => {
    if (defaultTreeAdapter.isElementNode(node)) checkElement(node, source);
    if (node.nodeName === '#documentType') throw new TemplateCheckError('a doctype is not allowed');
    for (const child of 'childNodes' in node ? node.childNodes : []) walk(child);
  };
  for (const child of fragment.childNodes) walk(child);
}

/**
 * Tags the parser drops in a `<div>` (`<body onload=…>`, `<html>`, `<head>`) never reach the tree,
 * but they are not what the template's author meant either: refused by name.
 */
function refuseTagsTheTreeDrops(source: string): void {
  for (const match of source.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)) {
    const name = (match[1] as string).toLowerCase();
    if (!ELEMENTS.has(name)) refuseElement(name, excerpt(source, match.index));
  }
}

function refuseElement(name: string, where: string): never {
  const known = REFUSED_ELEMENTS.find(([pattern]) => pattern.test(name));
  throw new TemplateCheckError(
    `${known?.[1] ?? `the element <${name}> is not allowed (allowed: ${[...ELEMENTS].join(', ')})`} (at "${where}")`,
  );
}

function checkElement(element: Element, source: string): void {
  const where = excerpt(source, element.sourceCodeLocation?.startOffset ?? 0);
  if (element.namespaceURI !== html.NS.HTML || !ELEMENTS.has(element.tagName))
    refuseElement(element.tagName, where);
  for (const attribute of element.attrs) {
    const name = attribute.name;
    const value = attribute.value;
    if (name.startsWith('on'))
      throw new TemplateCheckError(`event handler attributes (on...=) are not allowed (at "${where}")`);
    if (name === 'style')
      throw new TemplateCheckError(
        `style attributes are not allowed (the app styles the popup: use its classes); CSS url(), @import and expression() never are (at "${where}")`,
      );
    const allowed =
      GLOBAL_ATTRIBUTES.has(name) ||
      /^(aria|data)-[a-z0-9-]+$/.test(name) ||
      ELEMENT_ATTRIBUTES[element.tagName]?.has(name) === true;
    if (!allowed)
      throw new TemplateCheckError(
        `the attribute "${name.slice(0, 40)}" is not allowed on <${element.tagName}> (at "${where}")`,
      );
    if (URL_ATTRIBUTES.has(name)) checkUrl(element.tagName, value, where);
    else if (PLACEHOLDER.test(value) && !isQuoted(element, name, source))
      throw new TemplateCheckError(`a placeholder in an attribute must be inside quotes (at "${where}")`);
  }
  if (element.tagName === 'button') checkButton(element, where);
}

/**
 * A button MUST say `type="button"` in so many words: it then does nothing by itself (the popup
 * handles the click), where a default or `submit` button would send whatever form a page puts
 * around the popup.
 */
function checkButton(element: Element, where: string): void {
  const type = element.attrs.find((attribute) => attribute.name === 'type')?.value;
  if (type?.toLowerCase() !== 'button')
    throw new TemplateCheckError(`a <button> must say type="button" (at "${where}")`);
}

function checkUrl(tag: string, value: string, where: string): void {
  if (PLACEHOLDER.test(value))
    throw new TemplateCheckError(`placeholders are not allowed in URL or style attributes (at "${where}")`);
  // As URL parsers read it: leading and trailing controls and spaces dropped, tabs and newlines anywhere.
  // eslint-disable-next-line no-control-regex -- C0 controls are exactly what URL parsers strip
  const url = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  const schemes = tag === 'a' ? ['http', 'https', 'mailto', 'tel'] : ['http', 'https'];
  if (scheme !== undefined && !schemes.includes(scheme))
    throw new TemplateCheckError(
      /^(javascript|vbscript|data)$/.test(scheme)
        ? `javascript:, vbscript: and data: URLs are not allowed (at "${where}")`
        : `${scheme}: URLs are not allowed; use ${schemes.join(':, ')}: (at "${where}")`,
    );
  if (scheme === undefined && /^[\\/]{2}/.test(url))
    throw new TemplateCheckError(`a URL must name its scheme (http:// or https://) (at "${where}")`);
}

/** True when the attribute's value is written in quotes in the source. */
function isQuoted(element: Element, name: string, source: string): boolean {
  const location = element.sourceCodeLocation?.attrs?.[name];
  if (location === undefined) return false;
  const text = source.slice(location.startOffset, location.endOffset);
  return /=\s*["']/.test(text);
}

function excerpt(text: string, index: number): string {
  return text.slice(index, index + 30).replace(/\s+/g, ' ');
}
