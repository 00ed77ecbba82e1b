/**
 * The line's state in the agent's words: the product's name (never `ami`/`tapi`), the problem as
 * a catalogue sentence naming where the line goes, and whether the line counts as down. Plain
 * functions of the line status and a translator, shared by the banner, the dial box, the tab
 * title and the tests.
 */
import type { LineStatus } from '../../electron/contract/models.js';
import type { Translator } from './i18n/i18n.js';

type T = Translator['t'];

/** The settings' identifiers of older Companions, read as products. */
const PRODUCT_OF_PROVIDER: Readonly<Record<string, NonNullable<LineStatus['product']>>> = {
  simulator: 'simulator',
  ami: 'asterisk',
  tapi: 'tapi',
  'action-url': 'webhooks',
};

/** The product's name, from the catalogue. */
export function productName(t: T, line: LineStatus): string {
  const product =
    line.product ??
    (Object.hasOwn(PRODUCT_OF_PROVIDER, line.provider) ? PRODUCT_OF_PROVIDER[line.provider] : undefined);
  return product === undefined ? line.provider : t(`product.${product}`);
}

/** "Asterisk at pbx:5038", or the product alone when the line has no such place. */
export function whereText(t: T, line: LineStatus): string {
  const product = productName(t, line);
  const target = line.target ?? null;
  return target === null ? t('where.plain', { product }) : t('where.at', { product, target });
}

/**
 * The line is down for the agent: not connected, and either disconnected or connecting again
 * after a failure (a first connect without a reason yet is not "down").
 */
export function isLineDown(line: LineStatus | null): line is LineStatus {
  if (line === null || line.state === 'connected') return false;
  return line.state === 'disconnected' || line.reason !== null;
}

/** Why the line is down, as one sentence ("Asterisk at pbx:5038 refuses the connection."). */
export function problemSentence(t: T, line: LineStatus): string {
  const where = whereText(t, line);
  const target = line.target ?? where;
  const problem = line.problem ?? 'other';
  return t(`lineProblem.${problem}`, { where, target });
}

/** Whole seconds until the next attempt (rounded up, never below 0), or null when none is due. */
export function secondsLeft(retryInMs: number | null | undefined, elapsedMs: number): number | null {
  if (retryInMs === null || retryInMs === undefined) return null;
  return Math.max(0, Math.ceil((retryInMs - elapsedMs) / 1000));
}
