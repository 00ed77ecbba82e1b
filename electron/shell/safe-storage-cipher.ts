/**
 * The desktop app's cipher for the secret store: Electron's `safeStorage` (DPAPI on Windows, the
 * Keychain on macOS, libsecret/kwallet on Linux), through its asynchronous API (the synchronous
 * one is deprecated). Where the OS offers no real secret storage (`basic_text` on a Linux desktop
 * without a keyring), it is not used: the caller falls back to the key-file cipher and says so.
 */
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../settings/secret-store.js';

export type SafeStorageApi = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
> & {
  getSelectedStorageBackend?: () => string;
};

/** The cipher, or null when safeStorage would not really protect the secrets. */
export async function safeStorageCipher(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform,
): Promise<SecretCipher | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    scheme: 'safeStorage',
    encrypt: async (value) => (await safeStorage.encryptStringAsync(value)).toString('base64'),
    decrypt: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result,
  };
}
