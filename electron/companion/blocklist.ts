/**
 * Blocked callers: E.164 numbers from the settings. A caller ID is completed with the dialing
 * rules before it is compared, so `0171 5000000`, `+49 171 5000000` and `491715000000` (Zammad's
 * form) all hit the entry `+491715000000`.
 */
import type { DialingRules } from '../numbers/dialing-rules.js';
import { numberView } from './number-view.js';

export class Blocklist {
  private readonly numbers: ReadonlyMap<string, string | null>;

  constructor(
    entries: readonly { readonly e164: string; readonly note: string | null }[],
    private readonly rules: DialingRules,
  ) {
    this.numbers = new Map(entries.map((entry) => [entry.e164, entry.note]));
  }

  /** True when the caller ID `remote` (as the line reports it) is blocked. */
  has(remote: string): boolean {
    if (this.numbers.size === 0) return false;
    const { e164 } = numberView(remote, this.rules);
    return e164 !== null && this.numbers.has(e164);
  }

  get size(): number {
    return this.numbers.size;
  }
}
