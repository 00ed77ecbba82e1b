/**
 * `{{name}}` placeholders in the URLs and request bodies of a REST directory. Every value is
 * encoded for where it lands — URL-encoded in a URL, JSON-escaped in a JSON body — so a value
 * can never end a query parameter (`&`), start a fragment (`#`), climb a path (`/`) or break out
 * of a JSON string. Unknown placeholders are errors, found when the settings are read.
 */

/** How a placeholder value is written into its template. */
export type TemplateEncoding = 'url' | 'json';

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/** A template naming a placeholder it cannot fill. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** The placeholder names a template uses, in order of appearance, each once. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/** The placeholders of `template` that are not in `known`. */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  return placeholdersOf(template).filter((name) => !known.includes(name));
}

/**
 * Replaces every placeholder by its value, encoded for `encoding`: `encodeURIComponent` for
 * URLs, the inside of a JSON string literal for bodies (the template supplies the quotes:
 * `{"phone": "{{number.e164}}"}`).
 * @throws TemplateError naming the first unknown placeholder.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  encoding: TemplateEncoding,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TemplateError(`unknown placeholder {{${name}}}`);
    return encoding === 'url' ? encodeURIComponent(value) : JSON.stringify(value).slice(1, -1);
  });
}

/**
 * Replaces one placeholder as written, without encoding, leaving all others in place: how
 * `{{base}}` (the helpdesk's address, already checked to be a plain http(s) URL) becomes part
 * of a preset's URL templates.
 */
export function insertVerbatim(template: string, name: string, value: string): string {
  return template.replace(PLACEHOLDER, (whole, found: string) => (found === name ? value : whole));
}
