/**
 * Where secrets live instead of the settings file: `secrets.json` in the user-data folder, each
 * value encrypted by a cipher — Electron's `safeStorage` (the OS keychain) in the desktop app,
 * AES-256-GCM with a key file readable only by the user in the headless host. The settings
 * refer to a secret as `{"stored": "<id>"}`.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';

/** Encrypts and decrypts one secret; `scheme` names how, so a store never mixes them up. */
export interface SecretCipher {
  readonly scheme: string;
  encrypt(value: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

/** A secret that cannot be read (wrong key, other machine, damaged file). */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
}

interface StoredFile {
  readonly version: 1;
  readonly secrets: Record<string, { readonly scheme: string; readonly sealed: string }>;
}

export class SecretStore {
  private constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
    private readonly entries: Map<string, { scheme: string; sealed: string }>,
  ) {}

  /** Opens the store in `file` (created on the first `put`). */
  static async open(file: string, cipher: SecretCipher): Promise<SecretStore> {
    const entries = new Map<string, { scheme: string; sealed: string }>();
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<StoredFile>;
      for (const [id, entry] of Object.entries(stored.secrets ?? {})) {
        if (typeof entry.scheme === 'string' && typeof entry.sealed === 'string')
          entries.set(id, { ...entry });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new SecretStoreError(`cannot read the secret store ${file}: ${String(error)}`);
    }
    return new SecretStore(file, cipher, entries);
  }

  /** The secret called `id`. @throws SecretStoreError when it is missing or cannot be decrypted. */
  async get(id: string): Promise<string> {
    const entry = this.entries.get(id);
    if (entry === undefined)
      throw new SecretStoreError(`the secret "${id.slice(0, 40)}" is not in the secret store`);
    if (entry.scheme !== this.cipher.scheme) {
      throw new SecretStoreError(
        `the secret "${id}" was sealed with ${entry.scheme}, not ${this.cipher.scheme}: enter it again`,
      );
    }
    try {
      return await this.cipher.decrypt(entry.sealed);
    } catch {
      throw new SecretStoreError(
        `the secret "${id}" cannot be decrypted here (another user or machine?): enter it again`,
      );
    }
  }

  /** Stores `value`; returns its new id. */
  async put(value: string): Promise<string> {
    const id = randomUUID();
    this.entries.set(id, { scheme: this.cipher.scheme, sealed: await this.cipher.encrypt(value) });
    await this.save();
    return id;
  }

  /** Forgets the secrets no settings refer to any more. */
  async keepOnly(ids: ReadonlySet<string>): Promise<void> {
    let changed = false;
    for (const id of [...this.entries.keys()]) {
      if (!ids.has(id)) {
        this.entries.delete(id);
        changed = true;
      }
    }
    if (changed) await this.save();
  }

  private async save(): Promise<void> {
    const file: StoredFile = { version: 1, secrets: Object.fromEntries(this.entries) };
    await writeFileAtomic(this.file, `${JSON.stringify(file, null, 2)}\n`, 0o600);
  }
}
