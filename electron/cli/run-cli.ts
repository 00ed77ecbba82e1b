/**
 * `ringdesk`: dispatches to a command and turns its failures into exit statuses.
 *
 * Exit status: 0 when the command ran (per-item errors are reported in their own JSON line),
 * 2 for usage or configuration errors, 1 when something unexpected broke or a test command
 * (`provider test`, `directory test`) found a failure (it still prints every finding and
 * `{"ok":false}`), so that scripts and roll-out checks can rely on the status. Machine-readable
 * output goes to standard output, one JSON object per line; everything for humans goes to
 * standard error.
 */
import { SettingsError } from '../settings/settings-error.js';
import { CliContext, type CliIo } from './cli-context.js';
import { UsageError } from './command.js';
import { commandNames, findCommand } from './command-registry.js';
import { HostKeyError, HostUnreachableError } from './host-client.js';

/** Runs `ringdesk` with `args` (without the program name) and returns the exit status. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const context = new CliContext(io);
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    await printHelp(context, rest[0]);
    return name === undefined ? 2 : 0;
  }
  const command = await findCommand(name);
  if (command === null) {
    context.say(`ringdesk: unknown command "${name.slice(0, 40)}"; run "ringdesk help" for the list`);
    return 2;
  }
  if (rest.includes('--help') && !rest.slice(0, rest.indexOf('--help')).includes('--')) {
    context.say(`usage: ringdesk ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.say(`ringdesk ${name}: ${error.message}\nusage: ringdesk ${command.usage}`);
      return 2;
    }
    if (error instanceof SettingsError) {
      context.say(`ringdesk ${name}: configuration problem in ${error.file}:`);
      for (const problem of error.problems) context.say(`  ${problem}`);
      return 2;
    }
    if (error instanceof HostUnreachableError || error instanceof HostKeyError) {
      context.say(`ringdesk ${name}: ${error.message}`);
      return 1;
    }
    context.say(
      `ringdesk ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}

async function printHelp(context: CliContext, topic: string | undefined): Promise<void> {
  const command = topic === undefined ? null : await findCommand(topic);
  if (command !== null) {
    context.say(`usage: ringdesk ${command.usage}\n\n${command.summary}`);
    return;
  }
  const lines = ['usage: ringdesk COMMAND [OPTIONS] [--] ARGS...', '', 'commands:'];
  for (const name of commandNames()) {
    const each = await findCommand(name);
    if (each !== null) lines.push(`  ${name.padEnd(10)} ${each.summary}`);
  }
  lines.push('', 'Run "ringdesk help COMMAND" for its usage. Output: one JSON object per line.');
  context.say(lines.join('\n'));
}
