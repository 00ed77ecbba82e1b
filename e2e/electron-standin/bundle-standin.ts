/**
 * Bundles the stand-in (`electron.ts` and its parts) into one CommonJS file, so that ESM imports
 * and CommonJS requires of `electron` load the same single instance. Playwright stays external
 * (it is resolved from this repository's node_modules).
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the bundle is written. */
export const STANDIN_BUNDLE = path.join(root, 'dist', 'electron-standin', 'electron.cjs');

export async function bundleStandin(): Promise<string> {
  await build({
    absWorkingDir: root,
    entryPoints: ['e2e/electron-standin/electron.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@playwright/test', 'playwright', 'playwright-core'],
    outfile: STANDIN_BUNDLE,
    logLevel: 'warning',
  });
  return STANDIN_BUNDLE;
}
