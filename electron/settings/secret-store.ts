/**
 * Where secrets live instead of the settings file: `secrets.json` in the user-data folder, each
 * value encrypted by a cipher — Electron's `safeStorage` (the OS keychain) in the desktop app,
 * AES-256-GCM with a key file readable only by the user in the headless host. The settings
 * refer to a secret as `{"stored": "<id>"}`.
 *
 * Invariants:
 * - Writes are serialised and each writes the whole store: two secrets stored at once both land.
 * - Each secret belongs to the settings file that stored it; `keepOnly` only ever removes that
 *   file's own secrets, so saving one profile never deletes another's, and `get` MUST refuse a
 *   secret to any other file.
 * - Each secret is bound to the place in the settings it was stored for (`path`, and the address
 *   of its entry): stored-secrets.ts refuses a reference anywhere else. Entries stored before
 *   bindings existed carry only an owner and are bound where the next load finds them.
 * - A secret is decrypted with the cipher that sealed it (its `scheme`), when this store has it.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../shared/atomic-write.js';

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

interface Entry {
  readonly scheme: string;
  readonly sealed: string;
  /** The settings file the secret belongs to (absolute path). */
  readonly owner?: string;
  /** Where in that file's document it was stored (`directories[1].bindPassword`). */
  readonly path?: string;
  /** The address of the entry it was stored for (entry-address.ts), when that entry is in a list. */
  readonly address?: string;
}

/** Where a secret is bound: its file, its place in the document, and its entry's address. */
export interface SecretBinding {
  readonly owner?: string | undefined;
  readonly path?: string | undefined;
  readonly address?: string | undefined;
}

interface StoredFile {
  readonly version: 1;
  readonly secrets: Record<string, Entry>;
}

/** Who can read what another face sealed, said in the words of the user. */
const SCHEME_NAMES: Record<string, string> = {
  safeStorage: "the desktop app (the OS's keychain)",
  'aes-256-gcm': 'the headless host (its key file)',
};

export class SecretStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
    private readonly readers: readonly SecretCipher[],
    private readonly entries: Map<string, Entry>,
  ) {}

  /**
   * Opens the store in `file` (created on the first `put`). New secrets are sealed with
   * `cipher`; `readers` can also open secrets other faces sealed (the desktop app reads the
   * headless host's, when its key file is there).
   */
  static async open(
    file: string,
    cipher: SecretCipher,
    readers: readonly SecretCipher[] = [],
  ): Promise<SecretStore> {
    const entries = new Map<string, Entry>();
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<StoredFile>;
      for (const [id, entry] of Object.entries(stored.secrets ?? {})) {
        if (typeof entry.scheme === 'string' && typeof entry.sealed === 'string')
          entries.set(id, {
            scheme: entry.scheme,
            sealed: entry.sealed,
            ...(typeof entry.owner === 'string' ? { owner: entry.owner } : {}),
            ...(typeof entry.path === 'string' ? { path: entry.path } : {}),
            ...(typeof entry.address === 'string' ? { address: entry.address } : {}),
          });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new SecretStoreError(`cannot read the secret store ${file}: ${String(error)}`);
    }
    return new SecretStore(file, cipher, readers, entries);
  }

  /**
   * The secret called `id`, for the settings file `owner`.
   * @throws SecretStoreError when it is missing, belongs to another file, or cannot be decrypted.
   */
  async get(id: string, owner: string): Promise<string> {
    const entry = this.entries.get(id);
    if (entry === undefined)
      throw new SecretStoreError(`the secret "${id.slice(0, 40)}" is not in the secret store`);
    if (entry.owner !== undefined && entry.owner !== owner)
      throw new SecretStoreError(
        `the secret "${id.slice(0, 40)}" belongs to another settings file: enter it again here`,
      );
    const cipher = [this.cipher, ...this.readers].find((each) => each.scheme === entry.scheme);
    if (cipher === undefined) {
      const who = SCHEME_NAMES[entry.scheme] ?? entry.scheme;
      throw new SecretStoreError(
        `the secret "${id}" was saved by ${who}, which this one cannot read: enter it again here, or use {"env": "NAME"}`,
      );
    }
    try {
      return await cipher.decrypt(entry.sealed);
    } catch {
      throw new SecretStoreError(
        `the secret "${id}" cannot be decrypted here (another user or machine?): enter it again`,
      );
    }
  }

  /** Stores `value` for the settings file `owner`, at `binding`'s place; returns its new id. */
  async put(value: string, owner: string, binding: SecretBinding = {}): Promise<string> {
    const id = randomUUID();
    this.entries.set(id, {
      scheme: this.cipher.scheme,
      sealed: await this.cipher.encrypt(value),
      owner,
      ...placeOf(binding),
    });
    await this.save();
    return id;
  }

  /** Where the secret `id` is bound, or null when there is no such secret. */
  binding(id: string): SecretBinding | null {
    const entry = this.entries.get(id);
    return entry === undefined ? null : { owner: entry.owner, path: entry.path, address: entry.address };
  }

  /** Binds secrets of `owner` to new places (an older entry's first place, an entry that moved). */
  async bind(
    owner: string,
    places: readonly { id: string; path: string; address?: string }[],
  ): Promise<void> {
    let changed = false;
    for (const { id, ...place } of places) {
      const entry = this.entries.get(id);
      if (entry === undefined || (entry.owner !== undefined && entry.owner !== owner)) continue;
      const next: Entry = { scheme: entry.scheme, sealed: entry.sealed, owner, ...placeOf(place) };
      if (JSON.stringify(next) === JSON.stringify(entry)) continue;
      this.entries.set(id, next);
      changed = true;
    }
    if (changed) await this.save();
  }

  /** Forgets the secrets of `owner` that its settings no longer refer to. */
  async keepOnly(owner: string, ids: ReadonlySet<string>): Promise<void> {
    let changed = false;
    for (const [id, entry] of [...this.entries]) {
      if (entry.owner === owner && !ids.has(id)) {
        this.entries.delete(id);
        changed = true;
      }
    }
    if (changed) await this.save();
  }

  /** Writes the whole store, after any write already under way. */
  private save(): Promise<void> {
    const next = this.writing.then(() => {
      const file: StoredFile = { version: 1, secrets: Object.fromEntries(this.entries) };
      return writeFileAtomic(this.file, `${JSON.stringify(file, null, 2)}\n`, 0o600);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}

function placeOf(binding: SecretBinding): { path?: string; address?: string } {
  return {
    ...(binding.path === undefined ? {} : { path: binding.path }),
    ...(binding.address === undefined ? {} : { address: binding.address }),
  };
}
