/**
 * The desktop app's secret store: sealed with `safeStorage` where the OS offers real secret
 * storage, else with the key-file cipher (and a warning saying why). Secrets the headless host
 * sealed with its key file in the same folder can be read either way.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { keyFileCipher } from '../settings/key-file-cipher.js';
import { SecretStore } from '../settings/secret-store.js';
import { safeStorageCipher, type SafeStorageApi } from './safe-storage-cipher.js';

export async function openDesktopSecretStore(
  userData: string,
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform,
  onWarning: (message: string) => void,
): Promise<SecretStore> {
  const cipher = await safeStorageCipher(safeStorage, platform);
  const keyFile = path.join(userData, 'secret.key');
  if (cipher !== null) {
    // Secrets `ringdesk serve` stored in the same folder stay readable (never created here).
    const readers = existsSync(keyFile) ? [await keyFileCipher(keyFile, onWarning)] : [];
    return SecretStore.open(path.join(userData, 'secrets.json'), cipher, readers);
  }
  onWarning(
    'the OS offers no secure secret storage (no keyring?): secrets are sealed with a key file readable only by you',
  );
  return SecretStore.open(path.join(userData, 'secrets.json'), await keyFileCipher(keyFile, onWarning));
}
