/** An in-memory directory for tests: answers from a list, optionally late or failing. */
import type { Contact } from '../contacts/contact.js';
import type { Directory } from '../contacts/directory.js';

export interface FakeDirectoryOptions {
  readonly delayMs?: number;
  readonly failWith?: string;
}

export class FakeDirectory implements Directory {
  readonly kind = 'fake';
  lookups = 0;

  constructor(
    readonly name: string,
    private readonly contacts: readonly Contact[],
    private readonly options: FakeDirectoryOptions = {},
  ) {}

  async lookup(e164: string): Promise<readonly Contact[]> {
    this.lookups++;
    if (this.options.delayMs !== undefined)
      await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
    if (this.options.failWith !== undefined) throw new Error(this.options.failWith);
    return this.contacts.filter((contact) => contact.phones.some((phone) => phone.e164 === e164));
  }

  list(): Promise<readonly Contact[]> {
    return Promise.resolve(this.contacts);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A contact with one work number. */
export function contactWith(name: string, e164: string, extra: Partial<Contact> = {}): Contact {
  return {
    name,
    company: null,
    phones: [{ type: 'work', raw: e164, e164 }],
    email: null,
    directory: 'Fake',
    id: name.toLowerCase().replace(/\W+/g, '-'),
    department: null,
    title: null,
    ...extra,
  };
}
