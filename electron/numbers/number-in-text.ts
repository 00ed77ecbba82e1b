/**
 * The parts of free text that may be phone numbers: what an agent selected or copied ("Tel.:
 * +49 211 339903-12", a signature, a ticket line) for "dial the selected text". This only finds
 * the candidates, in order; whether one is a number is the engine's normal reading
 * ({@link readNumberDigits} through `complete`), so selected text and a typed number are read
 * alike.
 *
 * A candidate is the whole text when it is one line, then every run of digits with a leading `+`
 * or `(` and the visual separators the engine accepts inside a number (spaces, `-`, `.`, `/`,
 * parentheses, typographic dashes, invisible marks), without separators at its ends. A line
 * break ends a run, so two numbers on two lines never join. A run of groups apart by spaces also
 * offers each tail of it ("4711 0211 5551234" → "0211 5551234", "5551234"; not after a `+`): a
 * customer number before the phone number joins it otherwise. Runs of fewer than two digits are no candidates
 * ("page 1 of 2"), nor are dates (`2026-12-06`, `06.12.2026`, `12/06/2026`), whole text included,
 * which German numbering would otherwise read as local numbers.
 */
import { MAX_INPUT_LENGTH } from './number-input.js';

/** How much of the text is looked at: a selection is short; a pasted document is not read whole. */
export const MAX_TEXT_SCANNED = 4096;
/** Most candidates returned. */
export const MAX_CANDIDATES = 20;

const RUN =
  /\+?\(?\p{Nd}[\p{Nd}\p{Zs}\t\-./()\u2010-\u2015\u2212\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]*/gu;
const TRAILING = /[^\p{Nd})]+$/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/u;
const OUTER_SPACE = /^\s+|\s+$/gu;

const ISO_DATE = /^(?:19|20)\d\d-(\d\d)-(\d\d)$/;
const WRITTEN_DATE = /^(\d{1,2})[./](\d{1,2})[./](?:\d\d|(?:19|20)\d\d)$/;

/** A calendar date as people write it (day and month in range), not a number. */
export function isDate(text: string): boolean {
  const inRange = (first: number, second: number) =>
    (first >= 1 && first <= 31 && second >= 1 && second <= 12) ||
    (first >= 1 && first <= 12 && second >= 1 && second <= 31);
  const iso = ISO_DATE.exec(text);
  if (iso !== null) return inRange(Number(iso[2]), Number(iso[1]));
  const written = WRITTEN_DATE.exec(text);
  return written !== null && inRange(Number(written[1]), Number(written[2]));
}

function digitCount(text: string): number {
  return (text.match(/\p{Nd}/gu) ?? []).length;
}

/** The candidates in `text`, most likely first, without repeats. */
export function numberCandidates(text: string): string[] {
  const scanned = text.slice(0, MAX_TEXT_SCANNED);
  const candidates: string[] = [];
  const whole = scanned.replace(OUTER_SPACE, '');
  if (whole !== '' && whole.length <= MAX_INPUT_LENGTH && !LINE_BREAK.test(whole) && !isDate(whole))
    candidates.push(whole);
  for (const [run] of scanned.matchAll(RUN)) {
    for (const candidate of withTails(run.replace(TRAILING, ''))) {
      if (digitCount(candidate) < 2 || candidate.length > MAX_INPUT_LENGTH || isDate(candidate)) continue;
      if (!candidates.includes(candidate)) candidates.push(candidate);
      if (candidates.length >= MAX_CANDIDATES) return candidates;
    }
  }
  return candidates;
}

/** A run, then each tail of it that starts after a space ("4711 0211 5551234" → "0211 5551234", "5551234"). */
function withTails(run: string): string[] {
  const tails = [run];
  if (run.startsWith('+')) return tails; // an international number is whole as written
  for (const space of run.matchAll(/\p{Zs}+|\t+/gu)) {
    const tail = run.slice(space.index + space[0].length);
    if (/^[+(]?\p{Nd}/u.test(tail)) tails.push(tail);
  }
  return tails;
}
