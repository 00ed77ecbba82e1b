/**
 * The line in the desktop app's own words (the tray's tooltip): the product's name and, while
 * the line is down, the problem as the same sentence the windows' banner shows (both read
 * shared/line-words.ts).
 */
import type { LineStatus } from '../contract/models.js';
import { LINE_WORDS, type LineWordKey } from '../contract/line-words.js';
import { fill, type ShellLanguage } from './shell-text.js';

const PRODUCT_OF_PROVIDER: Readonly<Record<string, NonNullable<LineStatus['product']>>> = {
  simulator: 'simulator',
  ami: 'asterisk',
  tapi: 'tapi',
  'action-url': 'webhooks',
};

/** The product's name ("Asterisk", "Windows TAPI"), never the settings' identifier. */
export function lineProductName(line: LineStatus, language: ShellLanguage): string {
  const product =
    line.product ??
    (Object.hasOwn(PRODUCT_OF_PROVIDER, line.provider) ? PRODUCT_OF_PROVIDER[line.provider] : undefined);
  return product === undefined ? line.provider : LINE_WORDS[language][`product.${product}`];
}

/** Where the line goes, by product: "Asterisk at pbx:5038", "Windows TAPI". */
export function lineWhere(line: LineStatus, language: ShellLanguage): string {
  const words: Readonly<Record<LineWordKey, string>> = LINE_WORDS[language];
  const product = lineProductName(line, language);
  const target = line.target ?? null;
  return target === null
    ? fill(words['where.plain'], { product })
    : fill(words['where.at'], { product, target });
}

/** Why the line is down, in one plain sentence ("Asterisk at pbx:5038 refuses the connection."). */
export function lineProblemText(line: LineStatus, language: ShellLanguage): string {
  const where = lineWhere(line, language);
  return fill(LINE_WORDS[language][`lineProblem.${line.problem ?? 'other'}`], {
    where,
    target: line.target ?? where,
  });
}
