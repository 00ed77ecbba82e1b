/**
 * The `ringdesk` process: builds the real CLI edges (stdio, environment, locale) and runs the
 * command line. Everything else lives in `run-cli.ts`, which tests drive directly.
 */
import { homedir } from 'node:os';
import { createInterface } from 'node:readline';
import { runCli } from './run-cli.js';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  stdinLines: () =>
    process.stdin.isTTY ? null : createInterface({ input: process.stdin, crlfDelay: Infinity }),
  platform: process.platform,
  env: process.env,
  homeDir: homedir(),
  locale: Intl.DateTimeFormat().resolvedOptions().locale,
  processEvents: process,
  waitForInterrupt: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
process.exitCode = exitCode;
