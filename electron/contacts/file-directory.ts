/**
 * A local address book file (CSV or vCard) as a directory: read once at open, indexed by E.164,
 * and read again when the file changes. A change that cannot be read (the file is half-written,
 * or gone for a moment while an editor replaces it) keeps the last good index and warns.
 */
import { systemClock, type Clock } from '../shared/clock.js';
import { watch, type FSWatcher } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { DialingRules } from '../numbers/dialing-rules.js';
import type { Contact } from './contact.js';
import { readCsvAddressBook, type AddressBookContents } from './csv-address-book.js';
import type { Directory } from './directory.js';
import { PhoneIndex } from './phone-index.js';
import { decodeText } from './text-decoding.js';
import { readVcardAddressBook } from './vcard-address-book.js';

export interface FileDirectoryOptions {
  readonly type: 'csv' | 'vcard';
  /** Absolute path of the file. */
  readonly path: string;
  /** Shown as the contacts' source; defaults to the file name. */
  readonly name?: string | undefined;
  readonly rules: DialingRules;
  /** Told about skipped rows, unusable numbers and failed reloads. */
  readonly onWarning?: (message: string) => void;
  /** Re-read the file when it changes (default true). */
  readonly watch?: boolean;
  /** Quiet time after a change before re-reading (default 150 ms). */
  readonly debounceMs?: number;
  /** The clock for that quiet time (default: the system's). */
  readonly clock?: Clock;
}

/**
 * The largest address book read (64 MiB: a few hundred thousand contacts). The path may come
 * from the API and point anywhere: a device that never ends or a huge file must not exhaust the
 * host's memory.
 */
export const MAX_ADDRESS_BOOK_BYTES = 64 * 1024 * 1024;

/** The file's bytes, when it is a regular file of at most `limit` bytes. */
async function readBounded(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${path.basename(file)} is not a regular file`);
    const tooLarge = `${path.basename(file)} is larger than ${limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MiB` : `${Math.round(limit / 1024)} KiB`}: split it, or use a directory server`;
    if (info.size > limit) throw new Error(tooLarge);
    // Read to the end, but never more than the limit: a file that grew meanwhile is refused too.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, length);
      length += bytesRead;
      if (length > limit) throw new Error(tooLarge);
      chunks.push(chunk.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/** Reads an address book file's contents (for `ringdesk contacts` and tests). */
export async function readAddressBookFile(
  options: FileDirectoryOptions,
  limit = MAX_ADDRESS_BOOK_BYTES,
): Promise<AddressBookContents> {
  const text = decodeText(await readBounded(options.path, limit));
  const read = { file: path.basename(options.path), directory: directoryName(options), rules: options.rules };
  return options.type === 'csv' ? readCsvAddressBook(text, read) : readVcardAddressBook(text, read);
}

export class FileDirectory implements Directory {
  readonly name: string;
  readonly kind: 'csv' | 'vcard';
  private index: PhoneIndex = PhoneIndex.build([]);
  private contacts: readonly Contact[] = [];
  private watcher: FSWatcher | null = null;
  private cancelReload: (() => void) | null = null;
  private readonly reloadListeners = new Set<(count: number) => void>();

  constructor(private readonly options: FileDirectoryOptions) {
    this.name = directoryName(options);
    this.kind = options.type;
  }

  /** Reads the file and starts watching it. Rejects when the first read fails. */
  async open(): Promise<this> {
    await this.reload();
    if (this.options.watch !== false) this.startWatching();
    return this;
  }

  lookup(e164: string): Promise<readonly Contact[]> {
    return Promise.resolve(this.index.lookup(e164));
  }

  list(): Promise<readonly Contact[]> {
    return Promise.resolve(this.contacts);
  }

  /** Called with the new contact count after every successful re-read. */
  onReload(listener: (count: number) => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  close(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
    this.cancelReload?.();
    this.cancelReload = null;
    return Promise.resolve();
  }

  /** Reads the file now and swaps the index in. */
  async reload(): Promise<void> {
    const { contacts, warnings } = await readAddressBookFile(this.options);
    for (const warning of warnings) this.options.onWarning?.(warning);
    this.contacts = contacts;
    this.index = PhoneIndex.build(contacts);
    for (const listener of this.reloadListeners) listener(contacts.length);
  }

  private startWatching(): void {
    const file = path.basename(this.options.path);
    // Watch the folder, not the file: editors replace a file by renaming a new one over it.
    this.watcher = watch(path.dirname(this.options.path), (_event, changed) => {
      if (changed === null || changed === file) this.scheduleReload();
    });
    this.watcher.on('error', (error) =>
      this.options.onWarning?.(`${this.name}: stopped watching: ${error.message}`),
    );
  }

  private scheduleReload(): void {
    this.cancelReload?.();
    this.cancelReload = (this.options.clock ?? systemClock).schedule(() => {
      this.cancelReload = null;
      this.reload().catch((error: unknown) => {
        this.options.onWarning?.(
          `${this.name}: kept the previous contacts, re-reading failed: ${String(error)}`,
        );
      });
    }, this.options.debounceMs ?? 150);
  }
}

function directoryName(options: { name?: string | undefined; path: string }): string {
  return options.name ?? path.basename(options.path);
}
