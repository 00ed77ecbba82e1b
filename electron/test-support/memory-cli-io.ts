/** An in-memory `CliIo`: what a command printed, and the standard input it was given. */
import type { CliIo } from '../cli/cli-context.js';

export interface MemoryCliIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
  /** Standard output parsed as JSON lines. */
  records(): unknown[];
}

export function memoryCliIo(
  options: {
    stdin?: string[];
    env?: Record<string, string>;
    locale?: string;
    interrupt?: Promise<void>;
  } = {},
): MemoryCliIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    records: () => out.map((line) => JSON.parse(line) as unknown),
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    stdinLines: () => {
      const lines = options.stdin;
      if (lines === undefined) return null;
      return (async function* () {
        for (const line of lines) {
          await Promise.resolve();
          yield line;
        }
      })();
    },
    platform: 'linux',
    env: { RINGDESK_HOME: '/nonexistent/ringdesk-test-home', ...options.env },
    homeDir: '/nonexistent',
    locale: options.locale ?? 'de-DE',
    waitForInterrupt: () => options.interrupt ?? new Promise(() => undefined),
  };
}
