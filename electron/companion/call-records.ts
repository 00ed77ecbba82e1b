/**
 * What the Companion keeps of each call it knows, in one record per call id rather than one map
 * per concern: the popup state (number, lookup, contacts, pick), the model the faces show, the
 * call's queued work, and whether the agent closed its popup.
 *
 * Invariants:
 * - A record exists while any part of it matters: a state, a shown model or work still queued;
 *   {@link CallRecords.release} drops it once none does, so finished calls do not pile up.
 * - `model` is non-null exactly while the faces show the call's popup.
 * - A `dismissed` call is still tracked and journaled; its popup MUST NOT be shown again.
 */
import type { PopupModel } from '../contract/models.js';
import type { PopupState } from './popup-builder.js';

export interface CallRecord {
  /** The popup's data, once the call was first published; null when forgotten. */
  state: PopupState | null;
  /** What the faces show; null when no popup is shown. */
  model: PopupModel | null;
  /** The tail of the call's serialised work (lookup, then end), or null when idle. */
  work: Promise<void> | null;
  /** The agent closed the popup (or the caller is blocked): never shown again. */
  dismissed: boolean;
}

export class CallRecords {
  private readonly calls = new Map<string, CallRecord>();

  get(callId: string): CallRecord | undefined {
    return this.calls.get(callId);
  }

  /** The record of `callId`, made when there is none. */
  of(callId: string): CallRecord {
    let record = this.calls.get(callId);
    if (record === undefined) {
      record = { state: null, model: null, work: null, dismissed: false };
      this.calls.set(callId, record);
    }
    return record;
  }

  /** The popups shown, in the order their calls first appeared. */
  shown(): PopupModel[] {
    return [...this.calls.values()].flatMap((record) => (record.model === null ? [] : [record.model]));
  }

  /** Every call's queued work, to wait for before the journal closes. */
  work(): Promise<void>[] {
    return [...this.calls.values()].flatMap((record) => (record.work === null ? [] : [record.work]));
  }

  /** Drops the record of `callId` when nothing of it matters any more. */
  release(callId: string): void {
    const record = this.calls.get(callId);
    if (record !== undefined && record.state === null && record.model === null && record.work === null)
      this.calls.delete(callId);
  }
}
