// ESLint: typescript-eslint (type-aware), zero warnings, and the import boundaries of
// DESIGN.md enforced as rules rather than left to review.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import floors from './build/eslint-floors.js';

const electronOnlyInFaces = {
  name: 'electron',
  message: 'Only electron/main.ts, electron/preload/ and electron/shell/ may import electron.',
};
const noTestSupport = { regex: '(^|/)test-support/', message: 'test-support/ is for tests only.' };
const nodeBuiltins = `^(node:|(${builtinModules.join('|')})(/|$))`;
const restrict = (paths, patterns) => ['error', { paths, patterns }];

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'e2e/electron-standin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-console': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  // The floors (build/eslint-floors.js): leaves, contract, domains, Companion, faces; imports go
  // down, never round.
  {
    files: ['electron/**/*.ts'],
    plugins: { ringdesk: floors },
    rules: { 'ringdesk/floors': ['error', { root: 'electron' }] },
  },
  // Import boundaries. For each file the last matching block decides, so each block states its
  // area's whole list.
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload/**', 'electron/shell/**'],
    rules: { 'no-restricted-imports': restrict([electronOnlyInFaces], [noTestSupport]) },
  },
  {
    files: ['electron/**/*.test.ts', 'electron/test-support/**/*.ts'],
    ignores: ['electron/shell/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': restrict([electronOnlyInFaces], []) },
  },
  {
    // The faces' tests use Electron's types with fakes; they never load Electron itself.
    files: ['electron/shell/**/*.test.ts', 'electron/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Tests cannot load Electron: import its types only.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer runs in a sandboxed page: no Node, no Electron, nothing of electron/ but the contract.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [{ name: 'electron', message: 'The renderer talks to the app through the contract only.' }],
        [
          { regex: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' },
          {
            regex: '(^|/)electron/(?!contract(/|$))',
            message: 'The renderer may import only the contract from electron/.',
          },
        ],
      ),
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
);
