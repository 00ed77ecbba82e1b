/**
 * One lookup across every directory: all are asked in parallel, each with its own timeout; a
 * directory that fails or is slow is reported, never allowed to block or break the answer.
 * Results are merged in directory order (the settings' order is the priority), and a contact
 * two directories both return (same directory and id) is listed once.
 */
import type { Contact } from './contact.js';
import type { Directory } from './directory.js';

/** A directory that could not answer, and why. */
export interface DirectoryFailure {
  readonly directory: string;
  readonly error: string;
}

export interface LookupResult {
  readonly contacts: readonly Contact[];
  readonly failures: readonly DirectoryFailure[];
}

export interface LookupOptions {
  /** Per-directory timeout in milliseconds (default 1500). */
  readonly timeoutMs?: number;
}

export class ContactLookup {
  constructor(
    private readonly directories: readonly Directory[],
    private readonly options: LookupOptions = {},
  ) {}

  /** Asks every directory for `e164`. Never rejects. */
  async lookup(e164: string): Promise<LookupResult> {
    const timeoutMs = this.options.timeoutMs ?? 1500;
    const answers = await Promise.all(
      this.directories.map((directory) => askWithTimeout(directory, e164, timeoutMs)),
    );
    const contacts: Contact[] = [];
    const seen = new Set<string>();
    const failures: DirectoryFailure[] = [];
    answers.forEach((answer, index) => {
      const directory = this.directories[index] as Directory;
      if ('error' in answer) {
        failures.push({ directory: directory.name, error: answer.error });
        return;
      }
      for (const contact of answer.contacts) {
        const key = `${contact.directory}\u0000${contact.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        contacts.push(contact);
      }
    });
    return { contacts, failures };
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
}

async function askWithTimeout(
  directory: Directory,
  e164: string,
  timeoutMs: number,
): Promise<{ contacts: readonly Contact[] } | { error: string }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ error: string }>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  try {
    const answer = directory.lookup(e164, controller.signal).then(
      (contacts) => ({ contacts }),
      (error: unknown) => ({ error: messageOf(error) }),
    );
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
