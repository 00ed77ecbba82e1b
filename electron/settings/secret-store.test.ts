import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';
import { keyFileCipher } from './key-file-cipher.js';
import { SecretStore } from './secret-store.js';

const tempDir = useTempDir();
const OWNER = '/home/agent/.config/Ringdesk/config.json';

describe('the secret store (key file)', () => {
  it('keeps secrets encrypted on disk, readable only with the key, across a restart', async () => {
    const dir = tempDir();
    const store = await SecretStore.open(
      path.join(dir, 'secrets.json'),
      await keyFileCipher(path.join(dir, 'secret.key')),
    );
    const id = await store.put('pbx-pa55word', OWNER);
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('pbx-pa55word');
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const again = await SecretStore.open(
      path.join(dir, 'secrets.json'),
      await keyFileCipher(path.join(dir, 'secret.key')),
    );
    await expect(again.get(id, OWNER)).resolves.toBe('pbx-pa55word');
  });

  it('cannot read secrets with another key, and says what to do', async () => {
    const dir = tempDir();
    const store = await SecretStore.open(
      path.join(dir, 'secrets.json'),
      await keyFileCipher(path.join(dir, 'a.key')),
    );
    const id = await store.put('token', OWNER);
    const stranger = await SecretStore.open(
      path.join(dir, 'secrets.json'),
      await keyFileCipher(path.join(dir, 'b.key')),
    );
    await expect(stranger.get(id, OWNER)).rejects.toThrow(/cannot be decrypted here .* enter it again/);
    await expect(stranger.get('nope', OWNER)).rejects.toThrow(/not in the secret store/);
  });

  it('tightens a key file that others can read', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'secret.key');
    await keyFileCipher(key);
    chmodSync(key, 0o644);
    const warnings: string[] = [];
    await keyFileCipher(key, (message) => warnings.push(message));
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(warnings[0]).toMatch(/readable by others/);
  });

  it('forgets secrets nothing refers to', async () => {
    const dir = tempDir();
    const store = await SecretStore.open(
      path.join(dir, 'secrets.json'),
      await keyFileCipher(path.join(dir, 'k')),
    );
    const keep = await store.put('a', OWNER);
    const drop = await store.put('b', OWNER);
    const other = await store.put('c', '/profiles/test.json');
    await store.keepOnly(OWNER, new Set([keep]));
    // Another settings file's secret stays: saving one profile never deletes another's.
    await expect(store.get(other, '/profiles/test.json')).resolves.toBe('c');
    // …and one profile cannot read another's.
    await expect(store.get(other, OWNER)).rejects.toThrow(/belongs to another settings file/);
    await expect(store.get(keep, OWNER)).resolves.toBe('a');
    await expect(store.get(drop, OWNER)).rejects.toThrow(/not in the secret store/);
    writeFileSync(path.join(dir, 'broken.json'), '{oops');
    await expect(
      SecretStore.open(path.join(dir, 'broken.json'), await keyFileCipher(path.join(dir, 'k'))),
    ).rejects.toThrow(/cannot read the secret store/);
  });

  it('keeps every secret when several are stored at once', async () => {
    const dir = tempDir();
    const cipher = await keyFileCipher(path.join(dir, 'k'));
    const store = await SecretStore.open(path.join(dir, 'secrets.json'), cipher);
    const ids = await Promise.all(['ami', 'ldap', 'zammad'].map((value) => store.put(value, OWNER)));
    const reopened = await SecretStore.open(path.join(dir, 'secrets.json'), cipher);
    expect(await Promise.all(ids.map((id) => reopened.get(id, OWNER)))).toEqual(['ami', 'ldap', 'zammad']);
  });

  it('reads what another face sealed when it has that cipher, and says who to ask otherwise', async () => {
    const dir = tempDir();
    const host = await keyFileCipher(path.join(dir, 'secret.key'));
    const hostStore = await SecretStore.open(path.join(dir, 'secrets.json'), host);
    const id = await hostStore.put('from-the-host', OWNER);
    // A stand-in for the desktop's safeStorage cipher (the OS keychain is not reachable in tests).
    const fakeKeychain = {
      scheme: 'safeStorage',
      encrypt: (value: string) => Promise.resolve(Buffer.from(value).toString('base64')),
      decrypt: (sealed: string) => Promise.resolve(Buffer.from(sealed, 'base64').toString()),
    };
    const desktop = await SecretStore.open(path.join(dir, 'secrets.json'), fakeKeychain, [host]);
    await expect(desktop.get(id, OWNER)).resolves.toBe('from-the-host');
    const desktopId = await desktop.put('from-the-desktop', OWNER);
    const hostAgain = await SecretStore.open(path.join(dir, 'secrets.json'), host);
    await expect(hostAgain.get(desktopId, OWNER)).rejects.toThrow(
      /saved by the desktop app .* enter it again here/,
    );
  });
});
