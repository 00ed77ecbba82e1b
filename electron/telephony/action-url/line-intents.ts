/**
 * What a PBX or phone request means for the line, before it is matched to a call: a call rings
 * (`ring`), the agent calls out (`outgoing`), a call is answered (`answer`), ends (`hangup`), or
 * was missed (`missed`). Each endpoint's translator produces one of these; the provider turns
 * them into line events for the right call.
 */

/**
 * sipgate.io's hang-up causes (API reference, "Hangup causes"), which Zammad's generic CTI takes
 * too (app/models/cti/driver/sipgate_io.rb): kept as sent; any other cause is cut to 32 characters.
 */
export const HANGUP_CAUSES: ReadonlySet<string> = new Set([
  'normalClearing',
  'busy',
  'cancel',
  'noAnswer',
  'congestion',
  'notFound',
  'forwarded',
]);

export interface LineIntent {
  readonly kind: 'ring' | 'outgoing' | 'answer' | 'hangup' | 'missed';
  /** The PBX's call id, when it sends one. */
  readonly pbxId: string | null;
  /** The agent's line the call is on. */
  readonly line: string;
  /** The other party's number (caller for incoming, callee for outgoing). */
  readonly remote: string;
  readonly cause?: string;
  /** Only an open call may be ended (a request answered as an error that still names its call). */
  readonly onlyKnown?: boolean;
}

/** A request that cannot be understood: answered with `status` and `{"error": message}`. */
export class IntentError extends Error {
  override readonly name = 'IntentError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One parameter as a single string (the first of a list), or null. */
export function param(
  params: Readonly<Record<string, string | string[]>>,
  ...names: string[]
): string | null {
  for (const name of names) {
    // Own keys only: a table from the network must never answer with an inherited member.
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    const text: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string' && text.trim() !== '') return text.trim().slice(0, 256);
  }
  return null;
}
