/**
 * The shape of one `ringdesk` command. Each command lives in its own file under `commands/`
 * and default-exports a `Command`; the CLI finds commands by file name, so adding a command is
 * adding one file.
 */
import type { CliContext } from './cli-context.js';

export interface Command {
  /** One line for `ringdesk help`. */
  readonly summary: string;
  /** The usage line(s) after `ringdesk `, e.g. `number [--rules FILE] [--] INPUT...`. */
  readonly usage: string;
  /**
   * Runs the command with the arguments after its name.
   *
   * @returns the exit status: 0 when the command ran (per-item errors are reported in their
   *   own output line), 2 for usage or configuration errors.
   * @throws UsageError for bad arguments; SettingsError for unusable configuration.
   */
  run(args: readonly string[], context: CliContext): Promise<number>;
}

/** Bad command-line arguments: reported with the command's usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
