/**
 * Validates a command from a face before any handler runs: the channel must be one of the
 * contract's, and the arguments must pass its schema. Both the Electron IPC router and the
 * WebSocket host call this; nothing reaches the Companion unchecked.
 */
import { commandSchemas, type CommandArgs, type CommandName } from './channels.js';

/** A command that is not in the contract or whose arguments do not fit. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/** A validated command. */
export type ParsedCommand = {
  [C in CommandName]: { readonly channel: C; readonly args: CommandArgs<C> };
}[CommandName];

export function parseCommand(channel: unknown, args: unknown): ParsedCommand {
  if (typeof channel !== 'string' || !Object.hasOwn(commandSchemas, channel)) {
    throw new CommandError(`unknown command ${JSON.stringify(String(channel).slice(0, 40))}`);
  }
  const name = channel as CommandName;
  const result = commandSchemas[name].args.safeParse(args ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`,
    );
    throw new CommandError(`${name}: ${problems.join('; ')}`);
  }
  return { channel: name, args: result.data } as ParsedCommand;
}
