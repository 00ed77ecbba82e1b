/**
 * Why a call ended, in the UI language, where the call log names it: a call the PBX never
 * reported hung up, which Ringdesk closed after the ring timeout (the Companion's cause
 * NO_HANGUP_CAUSE, see electron/companion/ring-timeout.ts). Other causes are not shown.
 */
import { NO_HANGUP_CAUSE } from '../../electron/contract/call-causes.js';
import type { Translator } from './i18n/i18n.js';

/** The words for `cause`, or null when the call log does not name it. */
export function causeText(cause: string | null, t: Translator['t']): string | null {
  return cause === NO_HANGUP_CAUSE ? t('calls.cause.noHangupFromPbx') : null;
}
