/**
 * Where the app's own files are: the bundled renderer build, the demo, the templates. Found by
 * walking up from this module to the folder of Ringdesk's package.json, so the same code works
 * from the sources (tsx) and from a compiled or packaged tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | null = null;

/** The folder holding Ringdesk's package.json. */
export function appRoot(): string {
  if (cachedRoot !== null) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ringdesk'
    ) {
      cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Ringdesk's package.json was not found above the CLI");
    dir = parent;
  }
}

/** The built renderer that the headless host serves. */
export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

/** The demo's settings file (simulator line, sample address books). */
export function demoConfigFile(): string {
  return path.join(appRoot(), 'examples', 'demo', 'config.json');
}
