/**
 * Finds English left in German text: the words of the English catalogue that no German entry
 * uses ("Missed", "Unknown", "work"), so names, numbers and words both languages share
 * ("Ringdesk", "Test", "E-Mail") never count. The German screens test runs it on every screen;
 * its unit test shows that any German entry replaced by its English text is caught.
 */

const WORD = /\p{L}[\p{L}’'-]*/gu;

/** The lower-case words of a text (letters, inner apostrophes and hyphens). */
export function wordsOf(text: string): string[] {
  return [...text.matchAll(WORD)].map((match) => match[0].toLowerCase().replace(/[’'-]+$/, ''));
}

/** The words of catalogue texts, without their `{placeholders}`. */
function catalogueWords(text: string): string[] {
  return wordsOf(text.replace(/\{+\w+\}+/g, ' '));
}

/** The words of `english` texts that no `german` text uses. */
export function englishOnlyWords(english: readonly string[], german: readonly string[]): ReadonlySet<string> {
  const shared = new Set(german.flatMap(catalogueWords));
  return new Set(english.flatMap(catalogueWords).filter((word) => !shared.has(word)));
}

/** The English-only words found in `text`, in order, without repeats. */
export function englishLeft(text: string, englishOnly: ReadonlySet<string>): string[] {
  return [...new Set(wordsOf(text).filter((word) => englishOnly.has(word)))];
}
