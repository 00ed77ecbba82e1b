/**
 * What the app's windows do about a Companion event, decided as a plain function (the Electron
 * face only carries it out): every event goes to every window; a ringing popup shows the popup
 * window unless the agent is not to be disturbed; the last closed popup hides it; a dial waiting
 * for the agent's yes shows the confirmation (on macOS the app takes the focus first, as only the
 * agent's own click on a link brings it here); when nothing waits any more, the confirmation hides.
 */
import type { RuntimeEvent } from '../companion/companion-runtime.js';
import type { Snapshot } from '../contract/models.js';

export type WindowAction =
  'broadcast' | 'showPopup' | 'hidePopup' | 'focusApp' | 'showConfirm' | 'hideConfirm';

export interface WindowContext {
  readonly doNotDisturb: boolean;
  readonly platform: NodeJS.Platform;
  /** The Companion's picture after the event. */
  readonly snapshot: Pick<Snapshot, 'popups' | 'confirmations'>;
}

/** The actions for `event`, in the order they are to be carried out. */
export function windowActions(event: RuntimeEvent, context: WindowContext): WindowAction[] {
  const actions: WindowAction[] = ['broadcast'];
  if (event.channel === 'popup' && event.payload.state === 'ringing' && !context.doNotDisturb)
    actions.push('showPopup');
  if (event.channel === 'popupClosed' && context.snapshot.popups.length === 0) actions.push('hidePopup');
  if (event.channel === 'dialConfirmation') {
    if (context.platform === 'darwin') actions.push('focusApp');
    actions.push('showConfirm');
  }
  if (
    (event.channel === 'dialConfirmationClosed' || event.channel === 'snapshot') &&
    context.snapshot.confirmations.length === 0
  )
    actions.push('hideConfirm');
  return actions;
}
