/**
 * Option parsing for commands: `node:util`'s `parseArgs`, strict, with its errors turned into
 * {@link UsageError}s. `--` ends the options, so inputs that start with `-` stay inputs.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './command.js';

/** The options a command accepts: `--name VALUE` (string) or `--flag` (boolean). */
export type OptionSpec = Readonly<
  Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>
>;

/** The parsed values: a string for string options, true for flags given; absent otherwise. */
export type OptionValues<T extends OptionSpec> = {
  [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean;
};

/** Parses `args` against `options`; every unknown option or missing value is a UsageError. */
export function parseOptions<const T extends OptionSpec>(
  args: readonly string[],
  options: T,
): { values: OptionValues<T>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
