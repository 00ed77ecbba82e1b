import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir.js';
import { loadSettings, SettingsError } from './load-settings.js';

const tempDir = useTempDir();
const options = { defaultRegion: 'DE', required: true };

async function load(document: Record<string, unknown>) {
  const dir = tempDir({ 'config.json': JSON.stringify(document) });
  return loadSettings(`${dir}/config.json`, options);
}

async function problemsOf(document: Record<string, unknown>): Promise<readonly string[]> {
  try {
    await load(document);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('no SettingsError');
}

describe('app.shortcuts', () => {
  it('an older settings file without them loads with the default shortcuts', async () => {
    const older = await load({ app: { startAtLogin: true } });
    expect(older.app.shortcuts).toEqual({
      focusPopup: 'CommandOrControl+Alt+P',
      dialSelection: 'CommandOrControl+Alt+D',
    });
    expect((await load({})).app.shortcuts.dialSelection).toBe('CommandOrControl+Alt+D');
  });

  it('keeps what the user chose; the empty string switches one off', async () => {
    const settings = await load({ app: { shortcuts: { focusPopup: '', dialSelection: 'Super+F9' } } });
    expect(settings.app.shortcuts).toEqual({ focusPopup: '', dialSelection: 'Super+F9' });
  });

  it('refuses a combination Electron cannot register, in plain words, at its path', async () => {
    const problems = await problemsOf({ app: { shortcuts: { dialSelection: 'Ctrl+Alt+' } } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('app.shortcuts.dialSelection');
    expect(problems[0]).toContain(
      '“Ctrl+Alt+” is not a key combination: a “+” has nothing on one side (the + key is written Plus)',
    );
  });

  it('refuses the same combination for both, however it is spelt', async () => {
    const problems = await problemsOf({
      app: { shortcuts: { focusPopup: 'Ctrl+Alt+D', dialSelection: 'alt+control+d' } },
    });
    expect(problems).toEqual([expect.stringContaining('app.shortcuts.dialSelection')]);
    expect(problems[0]).toContain('is already the shortcut to focus the newest popup');
  });

  it('refuses an unknown key in the section (a misspelt name is not silently ignored)', async () => {
    const problems = await problemsOf({ app: { shortcuts: { dialSelecton: 'Ctrl+Alt+D' } } });
    expect(problems.join('\n')).toContain('dialSelecton');
  });
});
