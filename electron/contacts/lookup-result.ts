/** What one lookup across every directory gives: the merged contacts and the directories that could not answer. */
import type { Contact } from './contact.js';

/** A directory that could not answer, and why. */
export interface DirectoryFailure {
  readonly directory: string;
  readonly error: string;
}

export interface LookupResult {
  readonly contacts: readonly Contact[];
  readonly failures: readonly DirectoryFailure[];
}
