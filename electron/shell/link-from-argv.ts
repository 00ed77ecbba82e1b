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
