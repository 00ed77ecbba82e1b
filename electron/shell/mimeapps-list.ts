/**
 * Editing `mimeapps.list` (freedesktop.org MIME Applications Associations) to take Ringdesk's
 * link opener out again: `xdg-mime` can set a default handler but not remove one.
 */

/** The groups that name handlers for a MIME type. */
const HANDLER_GROUPS = new Set(['[Default Applications]', '[Added Associations]']);

/**
 * The file's text with `desktopFile` removed from the handlers of `mimeTypes` in the default and
 * added groups. Lines that then name no handler are dropped; everything else (other types, other
 * applications, comments, other groups) stays exactly as it was.
 */
export function withoutHandler(text: string, desktopFile: string, mimeTypes: readonly string[]): string {
  const types = new Set(mimeTypes);
  let inHandlerGroup = false;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) {
      inHandlerGroup = HANDLER_GROUPS.has(trimmed);
      kept.push(line);
      continue;
    }
    const equals = line.indexOf('=');
    if (!inHandlerGroup || equals < 0 || !types.has(line.slice(0, equals).trim())) {
      kept.push(line);
      continue;
    }
    const handlers = line
      .slice(equals + 1)
      .split(';')
      .map((each) => each.trim())
      .filter((each) => each !== '');
    const others = handlers.filter((each) => each !== desktopFile);
    if (others.length === handlers.length) kept.push(line);
    else if (others.length > 0) kept.push(`${line.slice(0, equals)}=${others.join(';')};`);
  }
  return kept.join('\n');
}
