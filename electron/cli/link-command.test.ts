import { describe, expect, it } from 'vitest';
import { memoryCliIo } from '../test-support/memory-cli-io.js';
import { runCli } from './run-cli.js';

describe('ringdesk link (arguments)', () => {
  it('takes exactly one link to open, and nothing that could be read as an option after --', async () => {
    for (const args of [
      ['link', 'open'],
      ['link', 'open', '--', 'tel:1', 'tel:2'],
      ['link', 'open', '--sip', 'tel:1'],
      ['link', 'register', '--url', 'http://127.0.0.1:9/'],
      ['link', 'register', 'tel'],
      ['link'],
      ['link', 'forget'],
    ]) {
      const io = memoryCliIo();
      expect(await runCli(args, io), args.join(' ')).toBe(2);
      expect(io.out).toEqual([]);
      expect(io.err.join('\n')).toMatch(/usage: ringdesk link register/);
    }
  });

  it('explains off Linux that the desktop app registers itself, and exits 2', async () => {
    for (const action of ['register', 'unregister']) {
      const io = { ...memoryCliIo(), platform: 'darwin' as const };
      expect(await runCli(['link', action], io)).toBe(2);
      expect(io.err.join('\n')).toMatch(
        new RegExp(`ringdesk link ${action}: on darwin the Ringdesk desktop app registers itself`),
      );
    }
  });
});
