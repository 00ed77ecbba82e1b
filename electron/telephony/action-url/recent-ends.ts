/**
 * What the line remembers about ends, so that what a PBX repeats or reorders is counted once:
 *
 * - calls that ended lately, so a repeated hang-up or `MISSED` (or a Snom `missed` after its
 *   `disconnected`) is not a second missed call, and a newCall re-sent after its hang-up is not a
 *   ghost call. A PBX's call id is remembered for {@link ENDED_ID_MS}; an id-less call, known only
 *   by line and number, for {@link EARLY_HANGUP_MS} (a caller may well ring again after that);
 * - hang-ups that came before their newCall, for {@link EARLY_HANGUP_MS}, so that the newCall
 *   closes at once instead of ringing.
 *
 * Invariant: nothing is remembered of a call whose id is its caller's number (3CX's template for
 * Zammad's endpoint): there the same id comes back with the next call, which MUST be a call of
 * its own. Both memories are bounded ({@link MAX_REMEMBERED}), so a flood cannot grow memory.
 */

/** How long a hang-up without its call, or an id-less ended call, is remembered. */
export const EARLY_HANGUP_MS = 10_000;
/** How long the id of an ended call is remembered. */
export const ENDED_ID_MS = 15 * 60_000;
/** Most entries each memory keeps; beyond, the oldest are forgotten. */
export const MAX_REMEMBERED = 2000;

/** A hang-up (or missed report) that arrived before its call. */
export interface EarlyEnd {
  readonly pbxId: string | null;
  readonly line: string;
  readonly remote: string;
  readonly cause: string;
  readonly at: number;
}

interface EndedCall {
  readonly ids: readonly string[];
  readonly line: string;
  readonly remote: string;
  readonly at: number;
}

export class RecentEnds {
  private early: EarlyEnd[] = [];
  private ended: EndedCall[] = [];

  constructor(private readonly now: () => number) {}

  /** Remembers that a call ended; `ids` are the PBX's id (if any) and Ringdesk's. */
  noteEnded(ids: readonly string[], line: string, remote: string): void {
    this.ended.push({ ids, line, remote, at: this.now() });
    if (this.ended.length > MAX_REMEMBERED) this.ended.splice(0, this.ended.length - MAX_REMEMBERED);
  }

  /** True when the call with the PBX's id `pbxId` ended lately. */
  endedId(pbxId: string): boolean {
    this.prune();
    return this.ended.some((call) => call.ids.includes(pbxId));
  }

  /**
   * True when an id-less call from `remote` on `line` ended in the last few seconds (an empty
   * `remote` matches any number on the line).
   */
  endedNumber(line: string, remote: string): boolean {
    this.prune();
    const since = this.now() - EARLY_HANGUP_MS;
    return this.ended.some(
      (call) => call.at >= since && call.line === line && (remote === '' || call.remote === remote),
    );
  }

  /** Remembers a hang-up that found no call. */
  noteEarly(end: Omit<EarlyEnd, 'at'>): void {
    this.early.push({ ...end, at: this.now() });
    if (this.early.length > MAX_REMEMBERED) this.early.splice(0, this.early.length - MAX_REMEMBERED);
  }

  /**
   * The remembered early hang-up of a call that now begins (by the PBX's id, or for an id-less
   * call by line and number), taken out of memory; null when there is none.
   */
  takeEarly(pbxId: string | null, line: string, remote: string): EarlyEnd | null {
    this.prune();
    const index = this.early.findIndex((end) =>
      pbxId !== null ? end.pbxId === pbxId : end.pbxId === null && end.line === line && end.remote === remote,
    );
    if (index < 0) return null;
    const [found] = this.early.splice(index, 1);
    return found ?? null;
  }

  private prune(): void {
    const time = this.now();
    this.early = this.early.filter((end) => time - end.at <= EARLY_HANGUP_MS);
    this.ended = this.ended.filter((call) => time - call.at <= ENDED_ID_MS);
  }
}
