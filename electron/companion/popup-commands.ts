/**
 * The agent's commands on a popup: pick one of several contacts (remembered for the number, so
 * the next call from it shows that contact), show the choice again, close the popup, open one of
 * its actions. Split from companion.ts, which delegates these as it does the dials
 * (companion-dialer.ts) and the calls' work (call-flow.ts).
 *
 * Invariants:
 * - A command on a popup that is not shown, or for a contact or action it does not offer, is
 *   refused with a {@link CompanionError} and changes nothing.
 * - Only an http(s) URL is handed out for an action (the face opens it in the browser).
 * - Every command the agent gives a popup restarts its auto-close; closing it cancels that.
 */
import type { ActionId, PopupModel } from '../contract/models.js';
import { isWebUrl } from '../shared/web-url.js';
import type { CallRecords } from './call-records.js';
import { CompanionError } from './companion-error.js';
import type { PickMemory } from './pick-memory.js';
import type { PopupAutoClose } from './popup-auto-close.js';
import type { PopupState } from './popup-builder.js';

/** The Companion's parts the popup commands work on. */
export interface PopupCommandsOptions {
  readonly calls: CallRecords;
  readonly picks: PickMemory;
  readonly autoClose: PopupAutoClose;
  /** Builds and publishes a popup from `state` (call-flow.ts). */
  readonly publish: (state: PopupState) => Promise<PopupModel>;
  /** True while call `callId` is still on the line (its popup is then hidden, not forgotten). */
  readonly isActive: (callId: string) => boolean;
  /** Tells the faces that the popup of `callId` closed. */
  readonly closed: (callId: string) => void;
}

/** The popup commands of the Companion (see the file comment). */
export class PopupCommands {
  constructor(private readonly options: PopupCommandsOptions) {}

  /** The agent picks contact `index` of a popup. */
  async selectContact(callId: string, index: number): Promise<PopupModel> {
    const state = this.shownState(callId);
    const contact = state.contacts[index];
    if (contact === undefined)
      throw new CompanionError('no such contact in this popup', 'popup.no-such-contact');
    if (state.number.e164 !== null && state.contacts.length > 1) {
      await this.options.picks.set(state.number.e164, { directory: contact.directory, id: contact.id });
    }
    this.options.autoClose.restart(callId);
    return this.options.publish({ ...state, selected: index });
  }

  /** Shows the choice of contacts again (after a remembered pick or a wrong click). */
  async chooseAgain(callId: string): Promise<PopupModel> {
    const state = this.shownState(callId);
    this.options.autoClose.restart(callId);
    return this.options.publish({ ...state, selected: null });
  }

  /** Closes a popup: an active call's is hidden until the call ends, a finished call's forgotten. */
  dismiss(callId: string): void {
    this.options.autoClose.cancel(callId);
    const record = this.options.calls.get(callId);
    if (record === undefined) return;
    if (this.options.isActive(callId)) record.dismissed = true;
    else record.state = null;
    const shown = record.model !== null;
    record.model = null;
    this.options.calls.release(callId);
    if (shown) this.options.closed(callId);
  }

  /** The URL of a popup action, checked to be http(s). */
  actionUrl(callId: string, action: ActionId): string {
    const model = this.options.calls.get(callId)?.model;
    const url = model?.actions.find((each) => each.id === action)?.url;
    if (url === undefined)
      throw new CompanionError(
        `action "${action}" is not offered for this call`,
        'popup.action-not-offered',
        { action },
      );
    if (!isWebUrl(url))
      throw new CompanionError('refused to open a URL that is not http(s)', 'popup.not-web-url');
    this.options.autoClose.restart(callId);
    return url;
  }

  /** @throws CompanionError when call `callId` has no popup state. */
  private shownState(callId: string): PopupState {
    const state = this.options.calls.get(callId)?.state;
    if (state === undefined || state === null) throw new CompanionError('no such popup', 'popup.not-found');
    return state;
  }
}
