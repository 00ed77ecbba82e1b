/**
 * Bundles each window's preload into one CommonJS file: a sandboxed preload can
 * `require('electron')` but not the app's other modules, so their code is inlined.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The preload entry points, one per window. */
export const PRELOAD_ENTRIES = [
  'electron/preload/popup-preload.ts',
  'electron/preload/calls-preload.ts',
  'electron/preload/settings-preload.ts',
  'electron/preload/confirm-preload.ts',
];

/** Writes `<name>.cjs` for every preload into `outdir` (relative to the repository). */
export async function bundlePreloads(outdir: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: PRELOAD_ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    outdir,
    outExtension: { '.js': '.cjs' },
    logLevel: 'warning',
  });
}
