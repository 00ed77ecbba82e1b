// @ts-check
/**
 * Ringdesk's floors as an ESLint rule (as Signal Desktop enforces its process boundaries with its
 * own rule): every module of `electron/` sits on a floor and imports only from lower floors or its
 * own folder, and no import is part of a cycle (type-only imports included: a cycle of types is
 * still a knot in the design).
 *
 * ```
 *   faces      main.ts, shell/, preload/, host/, cli/   (may use each other's parts, never main.ts)
 *   companion  companion/                               (joins the domains)
 *   domains    telephony/, contacts/, popup/, journal/, settings/   (never each other)
 *   contract   contract/                                (what faces and the Companion say)
 *   leaves     numbers/, shared/                        (nothing of the app)
 * ```
 * Tests (`*.test.ts`) and `test-support/` are outside the floors; another rule keeps test-support
 * out of production code. build/eslint-floors.test.ts tests this rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** @typedef {{ floor: number, area: string, label: string }} Place */

const AREAS = /** @type {const} */ ({
  numbers: [0, 'leaf'],
  shared: [0, 'leaf'],
  contract: [1, 'contract'],
  telephony: [2, 'domain'],
  contacts: [2, 'domain'],
  popup: [2, 'domain'],
  journal: [2, 'domain'],
  settings: [2, 'domain'],
  companion: [3, 'companion'],
  shell: [4, 'face'],
  preload: [4, 'face'],
  host: [4, 'face'],
  cli: [4, 'face'],
  'main.ts': [4, 'face'],
});

/** True for files the floors do not apply to (tests and their support). */
export function outsideFloors(/** @type {string} */ relative) {
  return (
    /\.test\.tsx?$/.test(relative) ||
    relative.startsWith('test-support/') ||
    relative.includes('/test-support/')
  );
}

/**
 * Where `relative` (a path under the floors' root) sits, or null when it is outside the floors.
 * @returns {Place | null}
 */
export function placeOf(/** @type {string} */ relative) {
  if (relative.startsWith('..') || path.isAbsolute(relative) || outsideFloors(relative)) return null;
  const top = relative.split('/')[0] ?? '';
  const entry = Object.hasOwn(AREAS, top) ? AREAS[/** @type {keyof typeof AREAS} */ (top)] : undefined;
  if (entry === undefined) return null;
  return { floor: entry[0], area: top, label: entry[1] };
}

/**
 * Why `from` may not import `to` (both paths under the root), or null when it may.
 * @returns {string | null}
 */
export function floorViolation(/** @type {string} */ from, /** @type {string} */ to) {
  const source = placeOf(from);
  const target = placeOf(to);
  if (source === null || target === null) return null;
  if (source.area === target.area) return null;
  if (target.area === 'main.ts') return 'nothing imports main.ts: it is the Electron face itself';
  if (source.label === 'face' && target.label === 'face') return null;
  if (target.floor < source.floor) return null;
  if (source.label === 'domain' && target.label === 'domain')
    return `${source.area}/ is a domain and may not import another domain (${target.area}/): the Companion joins them`;
  return `${source.area}/ (${source.label}) may not import ${target.area}/ (${target.label}), which sits on the same floor or above`;
}

/** The relative imports of a TypeScript source, type-only ones included (TypeScript's own scanner). */
export function importsOf(/** @type {string} */ text) {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith('.'));
}

/** The file an import names: `./x.js` is `x.ts` in the sources. */
export function resolveImport(/** @type {string} */ fromFile, /** @type {string} */ specifier) {
  return path.resolve(path.dirname(fromFile), specifier).replace(/\.js$/, '.ts');
}

/**
 * Every import cycle among the production modules under `root`, as lists of files (Tarjan's
 * strongly connected components; a component of one file counts only when it imports itself).
 * @returns {string[][]}
 */
export function importCycles(/** @type {string} */ root) {
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !outsideFloors(path.relative(root, file)))
        graph.set(
          file,
          importsOf(readFileSync(file, 'utf8')).map((spec) => resolveImport(file, spec)),
        );
    }
  };
  walk(root);
  let counter = 0;
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const cycles = [];
  const connect = (/** @type {string} */ node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    /** @type {string[]} */ const component = [];
    for (;;) {
      const member = /** @type {string} */ (stack.pop());
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return cycles;
}

/** @type {Map<string, Map<string, string[]>>} */
const cyclesByRoot = new Map();

/** The cycle each file is in, computed once per root and lint run. */
function cycleOf(/** @type {string} */ root, /** @type {string} */ file) {
  let byFile = cyclesByRoot.get(root);
  if (byFile === undefined) {
    byFile = new Map();
    for (const cycle of importCycles(root)) for (const member of cycle) byFile.set(member, cycle);
    cyclesByRoot.set(root, byFile);
  }
  return byFile.get(file) ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const floorsRule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Ringdesk floors: imports go down (leaves, contract, domains, Companion, faces), never round',
    },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, cycles: { type: 'boolean' } },
        additionalProperties: false,
      },
    ],
    messages: {
      floor: '{{why}}',
      cycle: 'this import is part of an import cycle: {{cycle}}',
    },
  },
  create(context) {
    const options = /** @type {{ root?: string, cycles?: boolean }} */ (context.options[0] ?? {});
    const root = path.resolve(context.cwd, options.root ?? 'electron');
    const file = context.filename;
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (placeOf(relative) === null) return {};
    const cycle = options.cycles === false ? null : cycleOf(root, file);
    const check = (/** @type {import('estree').Node} */ node, /** @type {unknown} */ source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolveImport(file, source);
      const why = floorViolation(relative, path.relative(root, target).split(path.sep).join('/'));
      if (why !== null) context.report({ node, messageId: 'floor', data: { why } });
      if (cycle?.includes(target)) {
        const names = cycle.map((member) => path.relative(root, member)).join(' → ');
        context.report({ node, messageId: 'cycle', data: { cycle: names } });
      }
    };
    return {
      ImportDeclaration: (node) => {
        check(node, node.source.value);
      },
      ExportNamedDeclaration: (node) => {
        if (node.source) check(node, node.source.value);
      },
      ExportAllDeclaration: (node) => {
        check(node, node.source.value);
      },
      ImportExpression: (node) => {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
    };
  },
};

export default { rules: { floors: floorsRule } };
