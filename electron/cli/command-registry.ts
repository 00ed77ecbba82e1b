/**
 * Finds commands by file name in the `commands/` folder: `ringdesk number` runs
 * `commands/number.ts` (or `.js` once compiled). Only names of lower-case letters and dashes
 * are looked up, so an argument can never reach another file.
 */
import { readdir } from 'node:fs/promises';
import type { Command } from './command.js';

const COMMANDS_DIR = new URL('./commands/', import.meta.url);
const NAME = /^[a-z][a-z-]*$/;
const FILE = /^([a-z][a-z-]*)\.(?:ts|js)$/;

/** The names of every available command, sorted. */
export async function commandNames(): Promise<string[]> {
  const files = await readdir(COMMANDS_DIR);
  const names = files.flatMap((file) => {
    const match = FILE.exec(file);
    return match === null || file.endsWith('.test.ts') ? [] : [match[1] as string];
  });
  return [...new Set(names)].sort();
}

/** The command called `name`, or null when there is none. */
export async function findCommand(name: string): Promise<Command | null> {
  if (!NAME.test(name) || !(await commandNames()).includes(name)) return null;
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const module = (await import(new URL(`${name}.${extension}`, COMMANDS_DIR).href)) as { default: Command };
  return module.default;
}
