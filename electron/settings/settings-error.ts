/**
 * The error of a settings or rules file that cannot be used. Its own module, free of the schema,
 * so that the CLI can recognise it without loading every provider's settings at start.
 */

/** A settings or rules file that cannot be used; `problems` lists every reason. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';

  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}
