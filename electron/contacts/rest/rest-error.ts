/**
 * The two ways a REST directory fails, each with a message a user can act on without reading
 * logs: the settings cannot work (caught before any request is sent), or the helpdesk did not
 * give a usable answer (named with the product and the directory, so the popup's failure line
 * "Zammad directory 'Helpdesk': the API token was refused (401)" says where to look).
 */

/** Settings of a REST directory that cannot work; `problems` lists every reason at once. */
export class RestSettingsError extends Error {
  override readonly name = 'RestSettingsError';

  constructor(
    /** What the settings describe, e.g. "Zammad directory 'Helpdesk'". */
    readonly subject: string,
    readonly problems: readonly string[],
  ) {
    super(`${subject}: ${problems.join('; ')}`);
  }
}

/** A lookup or listing that got no usable answer from the helpdesk. */
export class RestDirectoryError extends Error {
  override readonly name = 'RestDirectoryError';

  constructor(
    /** What the directory is, e.g. "Zammad directory 'Helpdesk'". */
    readonly subject: string,
    /** The problem alone, e.g. "answered 500". */
    readonly problem: string,
    /** The HTTP status when the helpdesk answered with one. */
    readonly status: number | null = null,
  ) {
    super(`${subject}: ${problem}`);
  }
}

/** "Zammad directory 'Helpdesk'": how every message names a directory. */
export function directorySubject(label: string, name: string): string {
  return `${label} directory '${name}'`;
}
