import { describe, expect, it } from 'vitest';
import { safeStorageCipher, type SafeStorageApi } from './safe-storage-cipher.js';

/** A fake of Electron's safeStorage (the OS keychain cannot be reached here): XOR with a fixed byte. */
function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageApi {
  const flip = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    encryptStringAsync: (value: string) => Promise.resolve(flip(Buffer.from(value, 'utf8'))),
    decryptStringAsync: (sealed: Buffer) =>
      Promise.resolve({ result: flip(sealed).toString('utf8'), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorageCipher', () => {
  it('seals with the OS keychain and opens again', async () => {
    const cipher = await safeStorageCipher(fakeSafeStorage(true), 'win32');
    if (cipher === null) throw new Error('expected a cipher');
    const sealed = await cipher.encrypt('pa55');
    expect(sealed).not.toContain('pa55');
    await expect(cipher.decrypt(sealed)).resolves.toBe('pa55');
    expect(cipher.scheme).toBe('safeStorage');
  });

  it('is not used where the OS offers no real secret storage', async () => {
    await expect(safeStorageCipher(fakeSafeStorage(false), 'darwin')).resolves.toBeNull();
    await expect(safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux')).resolves.toBeNull();
  });
});
