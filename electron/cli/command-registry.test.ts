import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandNames, findCommand } from './command-registry.js';

describe('the command table', () => {
  it('lists exactly the files in commands/, and each loads a command', async () => {
    const files = readdirSync(new URL('./commands/', import.meta.url))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(commandNames()).toEqual(files);
    for (const name of commandNames()) {
      const command = await findCommand(name);
      expect(command?.usage.startsWith(name)).toBe(true);
    }
    // Loads (transforms) every command's module graph: seconds on a loaded machine.
  }, 30_000);

  it('finds nothing for names that are no command, inherited members included', async () => {
    for (const name of ['', 'toString', 'constructor', '__proto__', '../main', 'numbers']) {
      expect(await findCommand(name)).toBeNull();
    }
  });
});
