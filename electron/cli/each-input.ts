/**
 * Runs a per-item analysis over the command's inputs (its arguments, or, when there are none
 * and standard input is not a terminal, each non-empty line of standard input) and prints one
 * JSON line per input: the result, or `{"input","error"}` for an input that the engine
 * rejects. Other failures are not per-item and propagate.
 */
import { NumberError } from '../numbers/number-error.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './command.js';

export async function eachInput(
  inputs: readonly string[],
  context: CliContext,
  analyze: (input: string) => object,
): Promise<void> {
  const source = inputs.length > 0 ? inputs : context.io.stdinLines();
  if (source === null) throw new UsageError('give at least one input (or pipe them in, one per line)');
  for await (const input of source) {
    if (inputs.length === 0 && input.trim() === '') continue;
    try {
      context.emit(analyze(input));
    } catch (error) {
      if (!(error instanceof NumberError)) throw error;
      context.emit({ input, error: error.message });
    }
  }
}
