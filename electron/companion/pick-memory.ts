/**
 * Remembers which contact the agent picked when several have the same number (a shared
 * switchboard, a family line), so the next call from that number shows that person at once.
 * Kept in `picks.json` in the data folder, written atomically; a damaged file is ignored.
 */
import { readFile } from 'node:fs/promises';
import type { Contact } from '../contacts/contact.js';
import { writeFileAtomic } from '../shared/atomic-write.js';
import type { PopupState } from './popup-builder.js';

export interface PickedContact {
  readonly directory: string;
  readonly id: string;
}

/** Most numbers remembered; the oldest picks are forgotten first. */
const CAPACITY = 5000;

export class PickMemory {
  private constructor(
    private readonly file: string | null,
    private readonly picks: Map<string, PickedContact>,
  ) {}

  /** Reads the picks from `file` (null: remember in memory only). */
  static async open(file: string | null): Promise<PickMemory> {
    const picks = new Map<string, PickedContact>();
    if (file !== null) {
      try {
        const stored = JSON.parse(await readFile(file, 'utf8')) as unknown;
        if (stored !== null && typeof stored === 'object') {
          for (const [e164, pick] of Object.entries(stored)) {
            const { directory, id } = (pick ?? {}) as Partial<PickedContact>;
            if (typeof directory === 'string' && typeof id === 'string') picks.set(e164, { directory, id });
          }
        }
      } catch {
        // no picks yet, or a damaged file: start afresh
      }
    }
    return new PickMemory(file, picks);
  }

  get(e164: string): PickedContact | undefined {
    return this.picks.get(e164);
  }

  /** Remembers a pick and saves it. */
  async set(e164: string, pick: PickedContact): Promise<void> {
    this.picks.delete(e164);
    this.picks.set(e164, pick);
    while (this.picks.size > CAPACITY) this.picks.delete(this.picks.keys().next().value as string);
    if (this.file !== null) await writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.picks)));
  }
}

/**
 * Which contact a popup's complete answer shows: the one the agent already clicked while the
 * directories were still answering (found again by identity, as the list may have grown), else
 * the one picked last time for this number; null when there is nothing to choose or no pick.
 */
export function selectionAfterLookup(
  state: Pick<PopupState, 'selected' | 'contacts' | 'number'>,
  contacts: readonly Contact[],
  picks: Pick<PickMemory, 'get'>,
): number | null {
  if (contacts.length < 2) return null;
  const clicked = state.selected === null ? undefined : state.contacts[state.selected];
  const pick = clicked ?? (state.number.e164 === null ? undefined : picks.get(state.number.e164));
  if (pick === undefined) return null;
  const index = contacts.findIndex(
    (contact) => contact.directory === pick.directory && contact.id === pick.id,
  );
  return index < 0 ? null : index;
}
