/**
 * Bundles the `ringdesk` command into plain JavaScript (`dist/cli/`), so that the command starts
 * without TypeScript tooling and works from an installed package with no dependencies at all.
 *
 * Dependencies are inlined (measured: a bundle that leaves them external starts in about 4x
 * `node -e 0`, an inlined one in about 2x) and every command is its own chunk, loaded only
 * when it runs (ESM code splitting follows the command table's static lazy imports).
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * zod's `z` namespace re-exports every locale of its error messages (about 50, a third of zod's
 * size), which a namespace import cannot tree-shake. Ringdesk reads zod's messages in English
 * only (its own catalogues say them to people), so the bundle gets the English locale alone:
 * a shorter start for every command.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

/** The file `bin/ringdesk.js` runs, relative to the repository. */
export const CLI_ENTRY_OUT = 'dist/cli/ringdesk.js';

/**
 * Writes the CLI bundle into `outdir` (relative to the repository): `ringdesk.js` and its chunks.
 * CommonJS dependencies inside an ESM bundle call `require` for Node built-ins, which ESM lacks:
 * the banner gives them one.
 */
export async function bundleCli(outdir = 'dist/cli'): Promise<Metafile> {
  rmSync(path.join(root, outdir), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { ringdesk: 'electron/cli/main.ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    // ws loads these optional native speed-ups inside try/catch; they are not installed.
    external: ['bufferutil', 'utf-8-validate'],
    banner: {
      js: "import { createRequire as __ringdeskCreateRequire } from 'node:module'; const require = __ringdeskCreateRequire(import.meta.url);",
    },
    legalComments: 'linked',
    metafile: true,
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  });
  return result.metafile;
}
