/** The headless host's and the CLI's secret store: `secrets.json` and `secret.key` in the user-data folder. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { keyFileCipher } from './key-file-cipher.js';
import { SecretStore } from './secret-store.js';

/** Opens (creating the key on first use) the store in `dataDir`. */
export async function openHostSecretStore(
  dataDir: string,
  onWarning?: (message: string) => void,
): Promise<SecretStore> {
  return SecretStore.open(
    path.join(dataDir, 'secrets.json'),
    await keyFileCipher(path.join(dataDir, 'secret.key'), onWarning),
  );
}

/** The store in `dataDir` if secrets were ever stored there, else null (nothing is created). */
export async function existingHostSecretStore(
  dataDir: string,
  onWarning?: (message: string) => void,
): Promise<SecretStore | null> {
  return existsSync(path.join(dataDir, 'secrets.json')) ? openHostSecretStore(dataDir, onWarning) : null;
}
