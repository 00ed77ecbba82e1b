/**
 * Vitest glue for tests that run system programs (xdg-utils, gio, mingw, 7za): `describeWithTools`
 * runs its tests when every program is on the PATH; otherwise it skips them with a loud message
 * naming what is missing and how to install it, except with CI=true, where nothing may skip and
 * the tests fail instead.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';

/** The programs of `tools` that are not on the PATH. */
export function missingTools(tools: readonly string[]): string[] {
  const folders = (process.env.PATH ?? '').split(path.delimiter).filter((folder) => folder !== '');
  return tools.filter(
    (tool) =>
      !folders.some((folder) => {
        try {
          accessSync(path.join(folder, tool), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
  );
}

/** `describe` that needs `tools`; `install` says how to get them (e.g. the apt-get line). */
export function describeWithTools(
  name: string,
  tools: readonly string[],
  install: string,
  body: () => void,
): void {
  const missing = missingTools(tools);
  const skip = missing.length > 0 && process.env.CI !== 'true';
  if (skip)
    process.stderr.write(
      `\n!!! SKIPPING "${name}": ${missing.join(', ')} not found. Install: ${install}\n\n`,
    );
  describe.skipIf(skip)(name, body);
}
