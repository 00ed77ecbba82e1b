/** The preload bundles as the sandbox needs them: self-contained, requiring only electron. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePreloads } from './preload-bundle.js';

const out = mkdtempSync(path.join(tmpdir(), 'ringdesk-preload-'));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('preload bundles', () => {
  it('require nothing but electron, and expose only their window’s verbs', async () => {
    await bundlePreloads(out);
    for (const [name, verbs] of [
      ['popup-preload.cjs', ['getSnapshot', 'selectContact', 'chooseAgain', 'dismissPopup', 'openAction']],
      ['calls-preload.cjs', ['getSnapshot', 'callback', 'dial']],
      ['confirm-preload.cjs', ['getSnapshot', 'confirmDial', 'cancelDial']],
    ] as const) {
      const code = readFileSync(path.join(out, name), 'utf8');
      expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual([
        'electron',
      ]);
      for (const verb of verbs) expect(code).toContain(`"${verb}"`);
      expect(code).not.toMatch(/nodeIntegration|child_process|node:fs/);
    }
  });
});
