/**
 * One lookup across every directory: all are asked in parallel, each with its own timeout; a
 * directory that fails or is slow is reported, never allowed to block or break the answer.
 * Each answer is reported as it arrives (so the popup appears with the fastest directory's
 * contacts and fills in as the others answer), merged in directory priority order with the same
 * person from two directories listed once (see contact-merge.ts). Recent answers are cached.
 */
import { systemClock, type Clock } from '../shared/clock.js';
import type { Contact } from './contact.js';
import { mergeContacts } from './contact-merge.js';
import type { Directory } from './directory.js';
import { LookupCache } from './lookup-cache.js';
import type { DirectoryFailure, LookupResult } from './lookup-result.js';

export type { DirectoryFailure, LookupResult };

export interface LookupOptions {
  /** Per-directory timeout in milliseconds (default 1500). */
  readonly timeoutMs?: number;
  /** Cache for found contacts (ms; default 0: off). */
  readonly cacheTtlMs?: number;
  /** Cache for "nobody has this number" (ms; default 0: off). */
  readonly negativeCacheTtlMs?: number;
  /** The clock for the cache and the timeouts (default: the system's). */
  readonly clock?: Clock;
}

type Answer = { contacts: readonly Contact[] } | { error: string };

export class ContactLookup {
  private readonly cache: LookupCache;

  constructor(
    private readonly directories: readonly Directory[],
    private readonly options: LookupOptions = {},
  ) {
    this.cache = new LookupCache({
      ttlMs: options.cacheTtlMs ?? 0,
      negativeTtlMs: options.negativeCacheTtlMs ?? 0,
      now: (options.clock ?? systemClock).now,
    });
  }

  /**
   * Asks every directory for `e164`. `onProgress` gets the merged answer so far each time a
   * directory answers (not called for a cached answer). Never rejects.
   */
  async lookup(e164: string, onProgress?: (partial: LookupResult) => void): Promise<LookupResult> {
    const cached = this.cache.get(e164);
    if (cached !== null) return cached;
    const timeoutMs = this.options.timeoutMs ?? 1500;
    const answers: (Answer | null)[] = this.directories.map(() => null);
    const current = () => this.combine(answers);
    await Promise.all(
      this.directories.map(async (directory, index) => {
        answers[index] = await askWithTimeout(directory, e164, timeoutMs, this.options.clock ?? systemClock);
        if (onProgress !== undefined && answers.some((answer) => answer === null)) onProgress(current());
      }),
    );
    const result = current();
    this.cache.set(e164, result);
    return result;
  }

  /** Forgets cached answers (a directory changed). */
  forget(): void {
    this.cache.clear();
  }

  /** Every contact of every directory, in directory order. */
  async listAll(): Promise<{ contacts: Contact[]; failures: DirectoryFailure[] }> {
    const contacts: Contact[] = [];
    const failures: DirectoryFailure[] = [];
    for (const directory of this.directories) {
      try {
        contacts.push(...(await directory.list()));
      } catch (error) {
        failures.push({ directory: directory.name, error: messageOf(error) });
      }
    }
    return { contacts, failures };
  }

  private combine(answers: readonly (Answer | null)[]): LookupResult {
    const found: (readonly Contact[])[] = [];
    const failures: DirectoryFailure[] = [];
    answers.forEach((answer, index) => {
      if (answer === null) return;
      if ('error' in answer)
        failures.push({ directory: (this.directories[index] as Directory).name, error: answer.error });
      else found.push(answer.contacts);
    });
    return { contacts: mergeContacts(found), failures };
  }
}

async function askWithTimeout(
  directory: Directory,
  e164: string,
  timeoutMs: number,
  clock: Clock,
): Promise<Answer> {
  const controller = new AbortController();
  let cancel = (): void => undefined;
  const timeout = new Promise<Answer>((resolve) => {
    cancel = clock.schedule(() => {
      controller.abort();
      resolve({ error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  try {
    const answer = directory.lookup(e164, controller.signal).then(
      (contacts): Answer => ({ contacts }),
      (error: unknown): Answer => ({ error: messageOf(error) }),
    );
    return await Promise.race([answer, timeout]);
  } finally {
    cancel();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
