/**
 * Makes text from the bridge safe to show and keep: caller IDs come from the telephone network
 * through a driver Ringdesk does not control, and error messages from a process that may be
 * broken. Control and formatting characters (including bidirectional overrides, which could
 * make a number read backwards) are removed, lone surrogates replaced, and the length capped.
 * The zero-width joiners (U+200C, U+200D) stay: names and emoji are written with them.
 */

const INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** `text` without invisible characters, trimmed, at most `max` characters (never cut inside one). */
export function cleanText(text: string, max: number): string {
  const visible = text.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '').trim();
  if (visible.length <= max) return visible;
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(visible)) {
    if (count++ === max) break;
    kept += segment;
  }
  return kept;
}

/** A short, quoted, escaped sample of a line, for error messages about garbage. */
export function preview(line: string): string {
  const head = line.length > 60 ? `${line.slice(0, 60)}…` : line;
  return JSON.stringify(head);
}
