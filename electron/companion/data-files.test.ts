import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { defaultSettings } from './settings/load-settings.js';
import { SimulatorProvider } from '../telephony/simulator-provider.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { createCompanion } from './create-companion.js';

const tempDir = useTempDir();
const mode = (file: string) => statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('files that hold callers’ data', () => {
  it('are created readable by the user only, in a folder only the user may enter', async () => {
    const dataDir = path.join(tempDir(), 'fresh', 'demo');
    const recording = path.join(dataDir, 'line.jsonl');
    const parts = await createCompanion(
      { ...defaultSettings('DE'), line: { provider: 'simulator', line: '12' }, recordLine: recording },
      { dataDir, templatesDir: bundledTemplatesDir(), locale: 'en-GB', env: {}, onWarning: () => undefined },
    );
    await parts.companion.start();
    if (!(parts.provider instanceof SimulatorProvider)) throw new Error('expected the simulator');
    const callId = parts.provider.incoming('0211 5551234');
    parts.provider.hangup(callId);
    await expect
      .poll(() => parts.companion.snapshot().journal.map((record) => record.callId))
      .toEqual([callId]);
    await parts.companion.stop();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'journal.jsonl'))).toBe(0o600);
    expect(mode(recording)).toBe(0o600);
  });

  it('tightens a journal an older version left readable by others', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'journal.jsonl'), '', { mode: 0o644 });
    const parts = await createCompanion(
      { ...defaultSettings('DE'), line: { provider: 'simulator', line: '12' } },
      { dataDir, templatesDir: bundledTemplatesDir(), locale: 'en-GB', env: {}, onWarning: () => undefined },
    );
    await parts.companion.stop();
    expect(mode(path.join(dataDir, 'journal.jsonl'))).toBe(0o600);
  });
});
