import { describe, expect, it } from 'vitest';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { defaultSettings, type Settings } from './settings/load-settings.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { CompanionRuntime } from './companion-runtime.js';
import { createCompanion } from './create-companion.js';

const tempDir = useTempDir();

function line(name: string): Settings {
  const settings = defaultSettings('DE');
  return { ...settings, line: { provider: 'simulator', line: name } };
}

describe('CompanionRuntime', () => {
  it('switches to new settings and tells the faces with a snapshot', async () => {
    const environment = {
      dataDir: tempDir(),
      templatesDir: bundledTemplatesDir(),
      locale: 'en-GB',
      env: {},
      onWarning: () => undefined,
    };
    const runtime = await CompanionRuntime.start(line('1'), (settings) =>
      createCompanion(settings, environment),
    );
    const snapshots: string[] = [];
    runtime.onEvent((event) => {
      if (event.channel === 'snapshot') snapshots.push(event.payload.line.line);
    });
    await runtime.replace(line('12'));
    expect(runtime.provider.line).toBe('12');
    expect(snapshots).toEqual(['12']);
    await runtime.stop();
  });

  it('keeps the agent on the previous settings when the new ones cannot start', async () => {
    const environment = {
      dataDir: tempDir(),
      templatesDir: bundledTemplatesDir(),
      locale: 'en-GB',
      env: {},
      onWarning: () => undefined,
    };
    const runtime = await CompanionRuntime.start(line('1'), (settings) => {
      if (settings.line.line === 'broken') return Promise.reject(new Error('the line cannot be opened'));
      return createCompanion(settings, environment);
    });
    await expect(runtime.replace(line('broken'))).rejects.toThrow('the line cannot be opened');
    expect(runtime.provider.line).toBe('1');
    expect(runtime.provider.state).toBe('connected');
    // The runtime still works and can switch again.
    await runtime.replace(line('7'));
    expect(runtime.provider.line).toBe('7');
    await runtime.stop();
  });
});
