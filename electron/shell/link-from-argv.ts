/**
 * Finds the phone link the OS handed over on the command line (Windows and Linux: the argv of a
 * cold start or of a second instance).
 *
 * Ringdesk registers itself as `ringdesk -- %1`, so the link always follows a `--`, after
 * which neither Chromium nor Node reads switches (the lesson of CVE-2018-1000006, where a link
 * like `tel:x" --gpu-launcher="cmd"` became switches). Exactly one argument may follow the `--`;
 * anything else is ignored. The link itself is parsed strictly later (numbers/tel-uri); argv is
 * never passed on to a shell or to Chromium.
 */

const LINK = /^(tel|phone|callto|sip|sips):/i;

/** The link in `argv`, or null. */
export function linkFromArgv(argv: readonly string[]): string | null {
  const guard = argv.indexOf('--');
  if (guard < 0) return null;
  const after = argv.slice(guard + 1);
  if (after.length !== 1) return null;
  const link = after[0] as string;
  return LINK.test(link) ? link : null;
}

/** What a second instance hands the first besides its argv (`requestSingleInstanceLock`). */
export interface SecondInstanceData {
  /** The link from the second instance's own argv, or null. */
  readonly link: string | null;
}

/** The data a starting instance passes to `requestSingleInstanceLock`. */
export function secondInstanceData(argv: readonly string[]): SecondInstanceData {
  return { link: linkFromArgv(argv) };
}

/**
 * The link a second instance handed over. Chromium re-parses the second instance's command line
 * before it reaches `second-instance`, inserting switches of its own (electron/electron#20322,
 * #34195) and consuming the `--` terminator, so the argv can lose the link's place. The second
 * instance therefore also sends the link it found in its own argv as `additionalData`; that is
 * read first (checked as strictly as argv: a string, a phone scheme, at most 2048 characters),
 * and argv is the fallback (an older instance, or none sent).
 */
export function linkFromSecondInstance(argv: readonly string[], additionalData: unknown): string | null {
  if (
    typeof additionalData === 'object' &&
    additionalData !== null &&
    Object.hasOwn(additionalData, 'link')
  ) {
    const { link } = additionalData as { link: unknown };
    if (typeof link === 'string' && link.length <= 2048 && LINK.test(link)) return link;
  }
  return linkFromArgv(argv);
}
