/**
 * The table of `ringdesk` commands: `ringdesk number` runs `commands/number.ts`. Each command is
 * a lazy import, so starting the CLI loads only the command it runs (the number path never loads
 * axios, ldapts or the host), and the table is static so that a bundler can follow every import
 * (a computed `import()` of a file name cannot be bundled). Adding a command is adding its file
 * and one line here; `command-registry.test.ts` checks the table against the folder.
 */
import type { Command } from './command.js';

type CommandModule = Promise<{ default: Command }>;

const COMMANDS: ReadonlyMap<string, () => CommandModule> = new Map<string, () => CommandModule>([
  ['calls', () => import('./commands/calls.js')],
  ['contacts', () => import('./commands/contacts.js')],
  ['directory', () => import('./commands/directory.js')],
  ['journal', () => import('./commands/journal.js')],
  ['link', () => import('./commands/link.js')],
  ['lookup', () => import('./commands/lookup.js')],
  ['number', () => import('./commands/number.js')],
  ['popup', () => import('./commands/popup.js')],
  ['provider', () => import('./commands/provider.js')],
  ['serve', () => import('./commands/serve.js')],
  ['sim', () => import('./commands/sim.js')],
  ['uri', () => import('./commands/uri.js')],
]);

/** The names of every available command, sorted. */
export function commandNames(): string[] {
  return [...COMMANDS.keys()].sort();
}

/** The command called `name`, or null when there is none (any string may be asked for). */
export async function findCommand(name: string): Promise<Command | null> {
  const load = COMMANDS.get(name);
  return load === undefined ? null : (await load()).default;
}
