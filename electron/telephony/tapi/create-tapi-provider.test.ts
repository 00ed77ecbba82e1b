import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir.js';
import { BRIDGE_FILE, bundledBridgePath, createTapiProvider } from './create-tapi-provider.js';
import { tapiLineSchema } from './tapi-settings.js';

const tempDir = useTempDir();

function touch(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  return file;
}

describe('bundledBridgePath', () => {
  it('prefers the bridge in the packaged app’s resources', () => {
    const root = tempDir();
    const packaged = touch(path.join(root, 'resources', BRIDGE_FILE));
    touch(path.join(root, 'app', 'dist', 'native', BRIDGE_FILE));
    expect(
      bundledBridgePath(path.join(root, 'resources'), path.join(root, 'app', 'dist', 'electron', 'x.js')),
    ).toBe(packaged);
  });

  it('finds the development build in dist/native above the code', () => {
    const root = tempDir();
    const built = touch(path.join(root, 'app', 'dist', 'native', BRIDGE_FILE));
    const from = path.join(root, 'app', 'electron', 'telephony', 'tapi', 'create-tapi-provider.ts');
    expect(bundledBridgePath(path.join(root, 'no-resources'), from)).toBe(built);
  });

  it('names the packaged place when there is no bridge at all', () => {
    const root = tempDir();
    expect(bundledBridgePath(path.join(root, 'resources'), path.join(root, 'x', 'y.js'))).toBe(
      path.join(root, 'resources', BRIDGE_FILE),
    );
  });
});

describe('createTapiProvider', () => {
  it('uses the settings’ bridge path over the default one', async () => {
    const started: string[] = [];
    const provider = createTapiProvider(
      tapiLineSchema.parse({ provider: 'tapi', line: 'Desk', bridgePath: 'D:\\tools\\tapi-bridge.exe' }),
      {
        defaultBridgePath: 'C:\\Ringdesk\\tapi-bridge.exe',
        spawn: (file) => {
          started.push(file);
          throw new Error('not here');
        },
      },
    );
    expect(provider).toMatchObject({ kind: 'tapi', line: 'Desk' });
    expect([...provider.capabilities]).toEqual(['watch', 'dial', 'reject']);
    await expect(provider.connect()).rejects.toThrow('cannot start the TAPI bridge: not here');
    expect(started).toEqual(['D:\\tools\\tapi-bridge.exe']);
  });
});
