/**
 * The Companion: one line, one lookup, popups and a journal, joined.
 *
 * A provider's call events become call sessions; each new call's number is completed with the
 * dialing rules and looked up in every directory, and its popup is published at once (lookup
 * pending) and again when the contacts are known. When a call ends, its journal record is on
 * disk before the end is published. Commands from any face (dial, call back, pick a contact,
 * open an action) arrive here, already validated by the face's router.
 *
 * What happens to each call (lookup, popups, journal) is call-flow.ts; the dials are
 * companion-dialer.ts, the agent's commands on a popup popup-commands.ts.
 *
 * Invariants:
 * - Work for one call is serialised (lookup, then end; see call-flow.ts), so the journal records
 *   the contact even when a caller hangs up during the lookup.
 * - The Companion alone reconnects a lost line (see ReconnectPolicy); calls open when the line
 *   was lost are closed, a ringing one as missed.
 * - A call that rings with no news for the ring timeout is closed as missed (see ring-timeout.ts).
 * - An ended call's journal write is held on the line event's receipt, so a provider that
 *   acknowledges ends to a PBX answers only once the call is on disk.
 * - A clicked link (and a callback, if so set) is dialled only after the agent confirms it (see
 *   dial-confirmations.ts); a finished call's popup closes itself (see popup-auto-close.ts).
 */
import type { CompanionEvent, EventName, EventPayload } from '../contract/channels.js';
import type {
  ActionId,
  DialResult,
  JournalRecord,
  LineStatus,
  PopupModel,
  Snapshot,
} from '../contract/models.js';
import { journalCsv } from '../journal/journal-csv.js';
import type { DialingRules } from '../numbers/dialing-rules.js';
import { CallState } from '../telephony/call-session.js';
import { CallTracker, type CallChange } from '../telephony/call-tracker.js';
import type { LineEvent, LineReceipt } from '../telephony/line-provider.js';
import { CompanionError } from './companion-error.js';
import { CallFlow } from './call-flow.js';
import type { CompanionOptions } from './companion-options.js';
import { CompanionDialer, type TextSource } from './companion-dialer.js';
import { LineKeeper } from './line-keeper.js';
import { lineProblem } from '../telephony/line-problem.js';
import { PopupAutoClose } from './popup-auto-close.js';
import { PopupCommands } from './popup-commands.js';
import { CallRecords } from './call-records.js';
import { DEFAULT_RING_TIMEOUT_MS, NO_HANGUP_CAUSE, RingTimeout } from './ring-timeout.js';

export { CompanionError };
export type { CompanionOptions };

export class Companion {
  private readonly tracker: CallTracker;
  /** One record per call: popup state, shown model, queued work, dismissed. */
  private readonly calls = new CallRecords();
  private readonly listeners = new Set<(event: CompanionEvent) => void>();
  private readonly line: LineKeeper;
  private readonly dialer: CompanionDialer;
  private readonly autoClose: PopupAutoClose;
  private readonly ringTimeout: RingTimeout;
  private readonly flow: CallFlow;
  private readonly popups: PopupCommands;

  constructor(private readonly options: CompanionOptions) {
    this.tracker = new CallTracker(options.now, (event, reason) => {
      options.onWarning(`line event ${event.type} dropped: ${reason}`);
    });
    this.line = new LineKeeper({
      provider: options.provider,
      reconnect: options.reconnect,
      schedule: options.schedule,
      now: options.now,
      onFailure: () => this.emit('line', this.lineStatus()),
    });
    this.dialer = new CompanionDialer({
      ...options,
      markHandled: (journalId) => this.markHandled(journalId),
      emit: (event) => this.emit(event.channel, event.payload),
    });
    this.autoClose = new PopupAutoClose({
      seconds: options.autoCloseSeconds ?? 0,
      schedule: options.schedule,
      close: (callId) => this.dismissPopup(callId),
    });
    this.ringTimeout = new RingTimeout({
      ms: options.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS,
      schedule: options.schedule,
      expire: (callId) => this.onLineEvent({ type: 'ended', callId, cause: NO_HANGUP_CAUSE }),
    });
    this.flow = new CallFlow(
      {
        ...options,
        isStopped: () => this.line.isStopped,
        emit: (event) => this.emit(event.channel, event.payload),
        finished: (callId) => this.autoClose.start(callId),
        dismiss: (callId) => this.dismissPopup(callId),
      },
      this.calls,
    );
    this.popups = new PopupCommands({
      calls: this.calls,
      picks: options.picks,
      autoClose: this.autoClose,
      publish: (state) => this.flow.publish(state),
      isActive: (callId) => this.tracker.active().some((call) => call.callId === callId),
      closed: (callId) => this.emit('popupClosed', { callId }),
    });
  }

  /** Subscribes to what faces show; returns the unsubscribe function. */
  onEvent(listener: (event: CompanionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts watching the line. A failed first connect is reported and retried, not thrown. */
  async start(): Promise<void> {
    this.options.provider.onEvent((event, receipt) => {
      this.onLineEvent(event, receipt);
    });
    await this.line.connect();
  }

  /** Stops the line, closes open calls into the journal and flushes it. */
  async stop(): Promise<void> {
    this.line.stop();
    this.dialer.close();
    this.ringTimeout.clear();
    await this.options.provider.disconnect();
    for (const change of this.tracker.closeAll('stopped')) void this.onCallChange(change);
    await Promise.all(this.calls.work());
    this.autoClose.clear();
    await this.options.journal.close();
    await Promise.all(this.options.directories.map((directory) => directory.close()));
  }

  snapshot(): Snapshot {
    return {
      line: this.lineStatus(),
      popups: this.calls.shown(),
      journal: this.options.journal.recent(100),
      confirmations: this.dialer.pending(),
      language: this.options.language ?? null,
    };
  }

  /** The dialing rules in force. */
  get rules(): DialingRules {
    return this.options.rules;
  }

  lineStatus(): LineStatus {
    const { provider, identity } = this.options;
    const reason = this.line.reason;
    const retryAt = this.line.retryAt;
    return {
      provider: provider.kind,
      line: provider.line,
      state: provider.state,
      reason,
      capabilities: [...provider.capabilities],
      ...(identity === undefined ? {} : { product: identity.product, target: identity.target }),
      problem: reason === null ? null : lineProblem(reason),
      retryInMs: retryAt === null ? null : Math.max(0, retryAt - this.line.now()),
    };
  }

  /**
   * The agent asks to connect the line now instead of waiting for the next scheduled attempt;
   * nothing happens while it is connected or connecting.
   */
  retryLine(): { started: boolean } {
    const started = this.line.retryNow();
    if (started) this.emit('line', this.lineStatus());
    return { started };
  }

  /** Dials a number as typed (never asks: the agent typed it). */
  dial(number: string): Promise<DialResult> {
    return this.dialer.dial(number);
  }

  /** Dials a phone link, parsed strictly; with `links.confirm`, only once the agent confirms. */
  dialLink(uri: string): Promise<DialResult> {
    return this.dialer.dialLink(uri);
  }

  /** Dials the number in selected or copied text, always after the agent's yes (companion-dialer.ts). */
  dialText(text: string, source: TextSource): Promise<DialResult> {
    return this.dialer.dialText(text, source);
  }

  /** Calls back the number of a journal record; a missed call is then handled. */
  callback(journalId: string): Promise<DialResult> {
    return this.dialer.callback(journalId);
  }

  /** The agent confirms a waiting dial: it is dialled now, exactly as shown. */
  confirmDial(id: string): Promise<DialResult> {
    return this.dialer.confirm(id);
  }

  /** The agent cancels a waiting dial. */
  cancelDial(id: string): void {
    this.dialer.cancel(id);
  }

  /** Marks a missed call as handled, by the agent of this line, now. */
  async markHandled(journalId: string): Promise<JournalRecord> {
    if (this.options.journal.find(journalId) === undefined)
      throw new CompanionError('no such call in the journal', 'call.not-in-journal');
    const record = await this.options.journal.markHandled(
      journalId,
      new Date(this.options.now()),
      this.options.provider.line,
    );
    this.emit('journal', record);
    return record;
  }

  /** Keeps the agent's note on a call in the journal ('' removes it). */
  async setNote(journalId: string, text: string): Promise<JournalRecord> {
    if (this.options.journal.find(journalId) === undefined)
      throw new CompanionError('no such call in the journal', 'call.not-in-journal');
    const record = await this.options.journal.setNote(journalId, text, new Date(this.options.now()));
    this.emit('journal', record);
    return record;
  }

  /** The journal as CSV for a spreadsheet, in the UI's language (its list separator, local times). */
  exportJournal(language: 'en' | 'de' = 'en'): { filename: string; csv: string } {
    const date = new Date(this.options.now()).toISOString().slice(0, 10);
    return {
      filename: `ringdesk-calls-${date}.csv`,
      csv: journalCsv(this.options.journal.all(), { language }),
    };
  }

  /** The agent picks contact `index` of a popup (see popup-commands.ts). */
  selectContact(callId: string, index: number): Promise<PopupModel> {
    return this.popups.selectContact(callId, index);
  }

  /** Shows the choice of contacts again (after a remembered pick or a wrong click). */
  chooseAgain(callId: string): Promise<PopupModel> {
    return this.popups.chooseAgain(callId);
  }

  /** Closes a popup. */
  dismissPopup(callId: string): void {
    this.popups.dismiss(callId);
  }

  /** The URL of a popup action, checked to be http(s). */
  actionUrl(callId: string, action: ActionId): string {
    return this.popups.actionUrl(callId, action);
  }

  private onLineEvent(event: LineEvent, receipt?: LineReceipt): void {
    if (event.type === 'state') {
      this.line.noteState(event.state, event.reason);
      this.emit('line', this.lineStatus());
      if (event.state === 'disconnected' && !this.line.isStopped)
        for (const change of this.tracker.closeAll('lineLost')) void this.onCallChange(change);
      return;
    }
    const change = this.tracker.handle(event);
    if (change === null) return;
    const written = this.onCallChange(change);
    if (change.kind === 'finished')
      receipt?.hold(
        written.then((ok) => {
          if (!ok) throw new Error(`call ${change.call.callId} could not be written to the journal`);
        }),
      );
  }

  /** Queues a call's work; resolves once it is done: false if the call's journal write failed. */
  private onCallChange(change: CallChange): Promise<boolean> {
    const { kind, call } = change;
    if (kind === 'finished' || call.state === CallState.Connected) this.ringTimeout.stop(call.callId);
    else this.ringTimeout.watch(call.callId);
    return this.flow.change(change);
  }

  private emit<E extends EventName>(channel: E, payload: EventPayload<E>): void {
    const event = { channel, payload } as CompanionEvent;
    for (const listener of this.listeners) listener(event);
  }
}
