import { describe, expect, it } from 'vitest';
import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { readTestdata } from '../test-support/testdata.js';
import { compileTemplate, TemplateError } from './template-engine.js';

/** RSnake's XSS filter-evasion vectors (testdata/xss/SOURCE.md), one per line. */
const VECTORS = readTestdata('xss/rsnake_xss.txt')
  .split('\n')
  .filter((line) => line !== '');

/** The element names in `markup` as a browser parses it into a <div>. */
function elementsOf(markup: string): string[] {
  const names: string[] = [];
  const walk = (node: DefaultTreeAdapterMap['node']): void => {
    if (defaultTreeAdapter.isElementNode(node)) names.push(node.tagName);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  parseFragment(defaultTreeAdapter.createElement('div', html.NS.HTML, []), markup, {}).childNodes.forEach(
    walk,
  );
  return names;
}

describe('template checks against a public XSS vector list', () => {
  it('has the list', () => {
    expect(VECTORS.length).toBe(73);
  });

  it.each(VECTORS.map((vector, index) => [index + 1, vector]))(
    'vector %i is refused or plain text: %s',
    (_, vector) => {
      let rendered: string;
      try {
        rendered = compileTemplate('vector', vector).render({});
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
        return;
      }
      // Accepted only as what it is as a template: text, no element at all.
      expect(elementsOf(rendered)).toEqual([]);
    },
  );
});
