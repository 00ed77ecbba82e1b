/**
 * Reading a packaged app.asar for tests: its file list, and whether the main process's imports
 * all resolve inside it (the packaged app would not start otherwise).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { createHash } from 'node:crypto';
import asar from '@electron/asar';

/** Every file (not folder) in the archive, as `dist/electron/main.js` (no leading slash). */
export function asarFiles(archive: string): string[] {
  return asar
    .listPackage(archive, { isPack: false })
    .map((entry) => entry.replace(/^[/\\]/, '').replaceAll('\\', '/'))
    .filter((entry) => {
      const stat = asar.statFile(archive, entry, false) as { files?: unknown };
      return stat.files === undefined;
    });
}

/** The top-level package names under node_modules/ in the archive. */
export function asarPackages(files: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file);
    if (match !== null) names.add(match[1] as string);
  }
  return names;
}

/** The SHA-256 of the archive's header: what Electron's ASAR integrity check compares. */
export function asarHeaderHash(archive: string): string {
  return createHash('sha256').update(asar.getRawHeader(archive).headerString).digest('hex');
}

const IMPORT =
  /(?:^|[\n;])\s*(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const BUILTINS = new Set(builtinModules);

/**
 * Follows the static imports from `entry` through the archive and lists what would not load:
 * relative imports of files that are missing, packages that are not in node_modules/.
 */
export function unresolvedImports(archive: string, entry: string): string[] {
  const files = new Set(asarFiles(archive));
  const packages = asarPackages([...files]);
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = asar.extractFile(archive, file).toString('utf8');
    for (const match of code.matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2] ?? match[3]) as string;
      if (specifier.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        if (files.has(target)) queue.push(target);
        else problems.push(`${file}: ${specifier} is not in the archive`);
        continue;
      }
      if (specifier.startsWith('node:') || BUILTINS.has(specifier) || specifier === 'electron') continue;
      const name = specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : (specifier.split('/')[0] as string);
      if (!packages.has(name)) problems.push(`${file}: package ${name} is not in the archive`);
    }
  }
  return problems;
}
