/** What a Companion is made of and how it behaves: built by create-companion.ts from the settings. */
import type { ContactLookup } from '../contacts/contact-lookup.js';
import type { Directory } from '../contacts/directory.js';
import type { CallJournal } from '../journal/call-journal.js';
import type { DialingRules } from '../numbers/dialing-rules.js';
import type { LineProvider } from '../telephony/line-provider.js';
import type { Blocklist } from './blocklist.js';
import type { LineIdentity } from './line-identity.js';
import type { PickMemory } from './pick-memory.js';
import type { PopupBuilder } from './popup-builder.js';
import type { ReconnectPolicy } from './reconnect-policy.js';

/** The Companion's parts, edges and policies; every timer and clock reading goes through `schedule`/`now`. */
export interface CompanionOptions {
  readonly rules: DialingRules;
  readonly provider: LineProvider;
  readonly directories: readonly Directory[];
  readonly lookup: ContactLookup;
  readonly journal: CallJournal;
  readonly popups: PopupBuilder;
  readonly blocklist: Blocklist;
  /** The agent's picks among several contacts with one number. */
  readonly picks: PickMemory;
  readonly reconnect: ReconnectPolicy;
  readonly now: () => number;
  readonly newId: () => string;
  /** Runs `task` after `ms`; returns a function that cancels it. */
  readonly schedule: (task: () => void, ms: number) => () => void;
  readonly onWarning: (message: string) => void;
  /** How many finished calls keep their popup until dismissed (default 10). */
  readonly keepFinishedPopups?: number;
  /** Which dials wait for the agent's yes (settings `links.confirm`/`confirmCallbacks`); default none. */
  readonly confirmDials?: { readonly links: boolean; readonly callbacks: boolean };
  /** How long a dial waits for the agent's yes (default 60 s). */
  readonly confirmTimeoutMs?: number;
  /** Seconds after a call ends before its popup closes itself (default 0: never). */
  readonly autoCloseSeconds?: number;
  /** The product and place of the line, for the faces' words (absent: faces name `provider.kind`). */
  readonly identity?: LineIdentity;
  /** The UI language the settings choose, for the faces; null or absent: the OS's. */
  readonly language?: 'en' | 'de' | null;
  /** How long a call may ring with no news before it is closed as missed (default 3 minutes). */
  readonly ringTimeoutMs?: number;
}
