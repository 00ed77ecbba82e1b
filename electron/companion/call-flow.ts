/**
 * What the Companion does with each change of a call: a new call's number is completed and
 * looked up, its popup published at once (lookup pending) and again as directories answer; a new
 * remote party is looked up anew; an ended call is written to the journal before its end is
 * published. Split from companion.ts, which owns the line, the timers and the faces' commands.
 *
 * Invariants:
 * - Work for one call is serialised (lookup, then end), so the journal records the contact even
 *   when a caller hangs up during the lookup.
 * - Only the latest state of a call is shown, and never once its popup was closed (`dismissed`).
 * - A blocked caller is rejected where the line can, never shown, and journaled as blocked.
 * - A queue call that never rang here (`ringsHere: false`) is only journaled, never shown.
 */
import type { ContactLookup, LookupResult } from '../contacts/contact-lookup.js';
import type { CompanionEvent } from '../contract/channels.js';
import type { PopupModel } from '../contract/models.js';
import type { CallJournal } from '../journal/call-journal.js';
import type { DialingRules } from '../numbers/dialing-rules.js';
import type { CallChange } from '../telephony/call-tracker.js';
import type { CallSnapshot } from '../telephony/call-session.js';
import type { LineProvider } from '../telephony/line-provider.js';
import type { Blocklist } from './blocklist.js';
import type { CallRecords } from './call-records.js';
import { journalRecordOf } from './journal-entry.js';
import { numberView } from './number-view.js';
import { selectionAfterLookup, type PickMemory } from './pick-memory.js';
import type { PopupBuilder, PopupState } from './popup-builder.js';

/** What the flow needs of the Companion: its parts, and how it reaches the faces. */
export interface CallFlowOptions {
  readonly rules: DialingRules;
  readonly provider: LineProvider;
  readonly lookup: ContactLookup;
  readonly journal: CallJournal;
  readonly popups: PopupBuilder;
  readonly blocklist: Blocklist;
  readonly picks: PickMemory;
  readonly now: () => number;
  readonly newId: () => string;
  readonly onWarning: (message: string) => void;
  /** How many finished calls keep their popup until dismissed (default 10). */
  readonly keepFinishedPopups?: number;
  /** True once the Companion stops: a finished popup then never closes itself. */
  readonly isStopped: () => boolean;
  readonly emit: (event: CompanionEvent) => void;
  /** A finished call's popup: starts its self-closing timer. */
  readonly finished: (callId: string) => void;
  /** Closes a popup as the agent would. */
  readonly dismiss: (callId: string) => void;
}

/** The Companion's calls from line change to popup and journal (see the file comment). */
export class CallFlow {
  constructor(
    private readonly options: CallFlowOptions,
    private readonly calls: CallRecords,
  ) {}

  /** Queues a call's work; resolves once it is done: false if the call's journal write failed. */
  change({ kind, call }: CallChange): Promise<boolean> {
    let written = true;
    const work = this.enqueue(call.callId, async () => {
      if (kind === 'started') await this.started(call);
      else if (kind === 'party') await this.partyChanged(call);
      else {
        const next = this.stateOf(call);
        if (kind === 'finished') written = await this.record(next);
        await this.publish(next);
        if (kind === 'finished') this.ended(call.callId);
      }
    });
    return work.then(() => written);
  }

  /** Publishes `state` as the call's popup (unless it was closed or a newer state came first). */
  async publish(state: PopupState): Promise<PopupModel> {
    const record = this.calls.of(state.call.callId);
    record.state = state;
    const model = await this.options.popups.build(state);
    if (record.state === state && !record.dismissed) {
      record.model = model;
      this.options.emit({ channel: 'popup', payload: model });
    }
    return model;
  }

  private async started(call: CallSnapshot): Promise<void> {
    const number = numberView(call.remote, this.options.rules, call.presentation);
    if (call.direction === 'incoming' && this.options.blocklist.has(call.remote)) {
      this.block(call.callId, {
        call,
        number,
        lookup: 'done',
        contacts: [],
        selected: null,
        failures: [],
        blocked: true,
      });
      return;
    }
    if (call.ringsHere === false) this.calls.of(call.callId).dismissed = true;
    await this.lookUp({ call, number, lookup: 'pending', contacts: [], selected: null, failures: [] });
  }

  /**
   * A new remote party (late caller ID, a transfer): the popup shows it and looks it up anew; the
   * journal entry will hold it. The old party stays in the line's own log.
   */
  private async partyChanged(call: CallSnapshot): Promise<void> {
    const number = numberView(call.remote, this.options.rules, call.presentation);
    const current = this.calls.get(call.callId)?.state ?? null;
    const fresh = { call, number, lookup: 'pending', contacts: [], selected: null, failures: [] } as const;
    await this.lookUp(current === null ? fresh : { ...current, ...fresh });
  }

  private stateOf(call: CallSnapshot): PopupState {
    const state = this.calls.get(call.callId)?.state ?? null;
    if (state !== null) return { ...state, call };
    const number = numberView(call.remote, this.options.rules, call.presentation);
    return { call, number, lookup: 'done', contacts: [], selected: null, failures: [] };
  }

  private ended(callId: string): void {
    const record = this.calls.of(callId);
    if (record.dismissed) record.state = null;
    else if (!this.options.isStopped() && record.model !== null) this.options.finished(callId);
    this.trimFinished();
  }

  /** Publishes `state` (lookup pending), looks its number up, and publishes each answer. */
  private async lookUp(state: PopupState): Promise<void> {
    const callId = state.call.callId;
    await this.publish(state);
    const e164 = state.number.e164;
    // Each directory's answer updates the popup as it arrives; the last one completes it.
    const progress = (partial: LookupResult) => {
      const latest = this.calls.get(callId)?.state ?? state;
      void this.publish({ ...latest, contacts: partial.contacts, failures: partial.failures });
    };
    const found =
      e164 === null ? { contacts: [], failures: [] } : await this.options.lookup.lookup(e164, progress);
    const current = this.calls.get(callId)?.state ?? state;
    await this.publish({
      ...current,
      selected: selectionAfterLookup(current, found.contacts, this.options.picks),
      lookup: 'done',
      contacts: found.contacts,
      failures: found.failures,
    });
  }

  private block(callId: string, state: PopupState): void {
    const record = this.calls.of(callId);
    record.state = state;
    record.dismissed = true;
    const { provider } = this.options;
    if (provider.capabilities.has('reject') && provider.reject !== undefined) {
      provider.reject(callId).catch((error: unknown) => {
        this.options.onWarning(
          `could not reject blocked call ${callId}: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
  }

  /** Writes a finished call to the journal; false (and a warning) when that failed. */
  private async record(state: PopupState): Promise<boolean> {
    const record = journalRecordOf(state, this.options.newId(), this.options.now());
    try {
      await this.options.journal.append(record);
    } catch (error) {
      this.options.onWarning(
        `call ${state.call.callId} could not be written to the journal: ${String(error)}`,
      );
      return false;
    }
    this.options.emit({ channel: 'journal', payload: record });
    return true;
  }

  /** Keeps at most `keepFinishedPopups` popups of finished calls; the oldest go first. */
  private trimFinished(): void {
    const keep = this.options.keepFinishedPopups ?? 10;
    const finished = this.calls
      .shown()
      .filter((model) => model.state === 'ended' || model.state === 'missed');
    for (const model of finished.slice(0, Math.max(0, finished.length - keep)))
      this.options.dismiss(model.callId);
  }

  private enqueue(callId: string, task: () => Promise<void>): Promise<void> {
    const record = this.calls.of(callId);
    const next = (record.work ?? Promise.resolve()).then(task).catch((error: unknown) => {
      this.options.onWarning(`call ${callId}: ${error instanceof Error ? error.message : String(error)}`);
    });
    record.work = next;
    void next.then(() => {
      if (record.work !== next) return;
      record.work = null;
      this.calls.release(callId);
    });
    return next;
  }
}
