import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (`x.test.ts`); integration tests, which start real servers
// or processes, are named `x.integration.test.ts`. `expect.poll` waits up to 10 s (Vitest's
// default is 1 s): polls wait on fsync, lookups and child processes, slow on a busy machine.
const expect = { poll: { timeout: 10_000, interval: 25 } };
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          expect,
          include: [
            'electron/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'bench/**/*.test.ts',
            'build/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          expect,
          include: ['electron/**/*.integration.test.ts', 'build/**/*.integration.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
