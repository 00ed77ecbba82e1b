/**
 * Dials that wait for the agent's yes. A clicked phone link (and, when the settings say so, a
 * callback from the call log) is not dialled at once: the number is looked up, and the agent is
 * shown who it belongs to and exactly what the line will dial, then confirms or cancels. This
 * catches a wrong or manipulated link (`tel:` links come from any web page or e-mail) before the
 * phone rings.
 *
 * Each confirmation is a small state machine:
 *
 * ```
 *  pending ──confirm──▶ confirmed   (the number is dialled)
 *     ├─────cancel───▶ cancelled   (nothing is dialled)
 *     └─────expire───▶ expired     (nobody answered within the time limit; nothing is dialled)
 * ```
 *
 * Invariants:
 * - A confirmation MUST leave `pending` at most once, so a double click or a second window can
 *   never dial twice: the move happens synchronously before the line is asked to dial.
 * - Several confirmations may wait at once; a new one never replaces another. At most
 *   {@link MAX_PENDING} wait: a link clicked (or sent) beyond that is refused with a clear
 *   error, so a flood of links cannot bury the agent in windows or the host in memory.
 * - Every confirmation that leaves `pending` is announced with `dialConfirmationClosed`.
 */
import type { LookupResult } from '../contacts/contact-lookup.js';
import type { EventName, EventPayload } from '../contract/channels.js';
import type { ConfirmationOutcome, DialConfirmation, DialResult, NumberView } from '../contract/models.js';
import type { PhoneLink } from '../numbers/tel-uri.js';
import { CompanionError } from './companion-error.js';
import { contactView } from './popup-builder.js';

/** Where a confirmation is in its life. */
export enum ConfirmationState {
  Pending = 'pending',
  Confirmed = 'confirmed',
  Cancelled = 'cancelled',
  Expired = 'expired',
}

/** What can happen to a pending confirmation. */
export type ConfirmationMove = 'confirm' | 'cancel' | 'expire';

/** A move the state machine does not allow. */
export class IllegalConfirmationMoveError extends Error {
  override readonly name = 'IllegalConfirmationMoveError';

  constructor(
    readonly from: ConfirmationState,
    readonly move: ConfirmationMove,
  ) {
    super(`a ${from} confirmation cannot ${move}`);
  }
}

const OUTCOME: Record<ConfirmationMove, ConfirmationState> = {
  confirm: ConfirmationState.Confirmed,
  cancel: ConfirmationState.Cancelled,
  expire: ConfirmationState.Expired,
};

const OUTCOME_NAME: Record<ConfirmationMove, ConfirmationOutcome> = {
  confirm: 'confirmed',
  cancel: 'cancelled',
  expire: 'expired',
};

/** The one transition function. @throws IllegalConfirmationMoveError when not pending. */
export function nextConfirmationState(from: ConfirmationState, move: ConfirmationMove): ConfirmationState {
  if (from !== ConfirmationState.Pending) throw new IllegalConfirmationMoveError(from, move);
  return OUTCOME[move];
}

/** What would be dialled: the number as shown, and the exact strings the line gets. */
export interface DialTarget {
  /** The number as given (typed, from the journal, or the link's number). */
  readonly number: string;
  readonly e164: string | null;
  /** Exactly what the line is asked to dial. */
  readonly dialable: string;
  /** How faces show it. */
  readonly view: NumberView;
}

/** The target of a parsed phone link, shown as the popup would show its number. */
export function linkTarget(link: PhoneLink, shown: (number: string) => NumberView): DialTarget {
  const view = shown(link.e164 ?? link.number);
  return {
    number: link.number,
    e164: link.e164,
    dialable: link.dialable,
    view: {
      ...view,
      raw: link.input,
      e164: link.e164,
      kind: link.kind,
      dialable: link.dialable,
      display: view.kind === 'unknown' ? link.number : view.display,
    },
  };
}

/** What a confirmation may be sent to: a face event. */
export type ConfirmationEvent = {
  [E in EventName]: { readonly channel: E; readonly payload: EventPayload<E> };
}['dialConfirmation' | 'dialConfirmationClosed'];

/** What the confirmations need of the Companion: its clock, ids, lookup, line and faces. */
export interface DialConfirmationsDeps {
  readonly now: () => number;
  readonly newId: () => string;
  /** Runs `task` after `ms`; returns a function that cancels it. */
  readonly schedule: (task: () => void, ms: number) => () => void;
  /** The Companion's contact lookup (never rejects). */
  readonly lookup: (e164: string) => Promise<LookupResult>;
  /** Places the call on the line. */
  readonly place: (target: DialTarget) => Promise<DialResult>;
  readonly emit: (event: ConfirmationEvent) => void;
  /** How long a confirmation waits for the agent (default 60 s). */
  readonly timeoutMs?: number;
}

/** Most confirmations that may wait at once. */
export const MAX_PENDING = 20;

interface Entry {
  state: ConfirmationState;
  readonly confirmation: DialConfirmation;
  readonly target: DialTarget;
  readonly afterDial: (() => Promise<unknown>) | undefined;
  readonly cancelTimer: () => void;
}

/** The pending confirmations of one Companion. */
export class DialConfirmations {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  constructor(private readonly deps: DialConfirmationsDeps) {}

  /**
   * Looks the number up and asks the agent; resolves at once (nothing dialled) with the
   * confirmation's id. `afterDial` runs once the call is placed (a callback marks its missed
   * call handled).
   */
  async request(
    source: DialConfirmation['source'],
    target: DialTarget,
    afterDial?: () => Promise<unknown>,
  ): Promise<DialResult> {
    this.refuseWhenFull();
    const found: LookupResult =
      target.e164 === null ? { contacts: [], failures: [] } : await this.deps.lookup(target.e164);
    if (this.closed)
      throw new CompanionError('Ringdesk is stopping: nothing was dialled', 'confirm.stopping');
    // Again after the lookup: many links may have been waiting for theirs at once.
    this.refuseWhenFull();
    const id = this.deps.newId();
    const createdAt = this.deps.now();
    const timeoutMs = this.deps.timeoutMs ?? 60_000;
    const confirmation: DialConfirmation = {
      id,
      source,
      number: target.view,
      contacts: found.contacts.map(contactView),
      failures: [...found.failures],
      dialable: target.dialable,
      createdAt,
      expiresAt: createdAt + timeoutMs,
    };
    const cancelTimer = this.deps.schedule(() => {
      this.leave(id, 'expire');
    }, timeoutMs);
    this.entries.set(id, { state: ConfirmationState.Pending, confirmation, target, afterDial, cancelTimer });
    this.deps.emit({ channel: 'dialConfirmation', payload: confirmation });
    return {
      callId: null,
      number: target.number,
      e164: target.e164,
      dialable: target.dialable,
      confirmationId: id,
    };
  }

  /** The agent said yes: dials exactly what was shown. */
  async confirm(id: string): Promise<DialResult> {
    const entry = this.leave(id, 'confirm');
    const result = await this.deps.place(entry.target);
    await entry.afterDial?.();
    return result;
  }

  /** The agent said no: nothing is dialled. */
  cancel(id: string): void {
    this.leave(id, 'cancel');
  }

  /** The confirmations still waiting, oldest first. */
  pending(): DialConfirmation[] {
    return [...this.entries.values()].map((entry) => entry.confirmation);
  }

  /** Forgets every confirmation without dialling (the Companion stops); refuses new ones. */
  close(): void {
    this.closed = true;
    for (const entry of this.entries.values()) entry.cancelTimer();
    this.entries.clear();
  }

  private refuseWhenFull(): void {
    if (this.entries.size >= MAX_PENDING)
      throw new CompanionError(
        `${MAX_PENDING} calls already wait for the agent's confirmation: answer or cancel them first; nothing was dialled`,
        'confirm.too-many',
        { max: MAX_PENDING },
      );
  }

  private leave(id: string, move: ConfirmationMove): Entry {
    const entry = this.entries.get(id);
    if (entry === undefined)
      throw new CompanionError(
        'this call is no longer waiting for confirmation (answered or expired)',
        'confirm.gone',
      );
    entry.state = nextConfirmationState(entry.state, move);
    entry.cancelTimer();
    this.entries.delete(id);
    this.deps.emit({ channel: 'dialConfirmationClosed', payload: { id, outcome: OUTCOME_NAME[move] } });
    return entry;
  }
}
