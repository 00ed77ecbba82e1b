import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (`x.test.ts`); integration tests, which start real servers
// or processes, are named `x.integration.test.ts`. `expect.poll` waits up to 10 s (Vitest's
// default is 1 s): polls wait on fsync, lookups and child processes, slow on a busy machine.
const expect = { poll: { timeout: 10_000, interval: 25 } };
// A unit test that loads many modules (the CLI's command table, every catalogue entry) takes
// seconds when the machine is busy: 30 s, not Vitest's 5 s, before one counts as hung.
const testTimeout = 30_000;
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          expect,
          testTimeout,
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
          testTimeout,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
