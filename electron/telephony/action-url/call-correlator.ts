/**
 * Matches what PBXs report to calls. Events with a call id belong to that call; events without
 * one are correlated by line and remote number (the newest open call); a call Ringdesk dialled
 * by URL adopts the PBX's id when the PBX reports it as outgoing within a minute. The number of
 * open calls is bounded, so a PBX that never reports hang-ups cannot grow memory.
 */

export interface OpenCall {
  readonly callId: string;
  /** The PBX's own id for the call; null when it sent none (then `callId` is Ringdesk's). */
  readonly pbxId: string | null;
  readonly line: string;
  readonly remote: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly dialled: string | null;
  /** Ringdesk placed this call by URL and waits for the PBX to report it. */
  readonly placedByUrl: boolean;
  readonly at: number;
  /** The PBX reported the call answered. */
  readonly answered: boolean;
}

/** Most calls open at once; beyond, the oldest is dropped. */
export const MAX_OPEN_CALLS = 500;
const ADOPT_WINDOW_MS = 60_000;

export class CallCorrelator {
  private readonly open = new Map<string, OpenCall>();
  private readonly aliases = new Map<string, string>();
  private next = 1;

  constructor(private readonly now: () => number) {}

  /** A new id for a call the PBX gave none. */
  newId(): string {
    return `au-${this.next++}`;
  }

  /** Registers a call; returns the call it pushed out, if the table was full. */
  add(call: Omit<OpenCall, 'at' | 'answered'>): OpenCall | null {
    this.open.set(call.callId, { ...call, at: this.now(), answered: false });
    if (this.open.size <= MAX_OPEN_CALLS) return null;
    const oldest = this.open.values().next().value as OpenCall;
    this.remove(oldest.callId);
    return oldest;
  }

  has(callId: string): boolean {
    return this.open.has(callId);
  }

  /** The open call an event refers to: by (aliased) PBX id, else by line and remote. */
  find(pbxId: string | null, line: string, remote: string): OpenCall | null {
    if (pbxId !== null) {
      const id = this.aliases.get(pbxId) ?? pbxId;
      return this.open.get(id) ?? null;
    }
    let found: OpenCall | null = null;
    for (const call of this.open.values()) if (call.line === line && call.remote === remote) found = call;
    return found;
  }

  /**
   * The call Ringdesk dialled (by URL) that a PBX's "outgoing" report describes, if any: same
   * dialled string or number, within a minute. The PBX's id then names that call.
   */
  adopt(pbxId: string | null, remote: string): OpenCall | null {
    const time = this.now();
    for (const call of this.open.values()) {
      const same =
        call.dialled === remote || call.remote === remote || call.remote.replace(/^\+/, '') === remote;
      if (
        call.placedByUrl &&
        same &&
        time - call.at <= ADOPT_WINDOW_MS &&
        ![...this.aliases.values()].includes(call.callId)
      ) {
        if (pbxId !== null) this.aliases.set(pbxId, call.callId);
        return call;
      }
    }
    return null;
  }

  /** Notes that the PBX reported `callId` answered. */
  markAnswered(callId: string): void {
    const call = this.open.get(callId);
    if (call !== undefined) this.open.set(callId, { ...call, answered: true });
  }

  /**
   * The call an id-less event with no number means (a phone's `disconnected` with an empty
   * remote): the only open call on `line`; of several, the newest answered one (the call the
   * phone was in), else the newest.
   */
  onLine(line: string): OpenCall | null {
    const calls = [...this.open.values()].filter((call) => call.line === line);
    if (calls.length <= 1) return calls[0] ?? null;
    return calls.filter((call) => call.answered).at(-1) ?? calls.at(-1) ?? null;
  }

  remove(callId: string): void {
    this.open.delete(callId);
    for (const [alias, target] of this.aliases) if (target === callId) this.aliases.delete(alias);
  }

  /** Every open call, oldest first. */
  list(): OpenCall[] {
    return [...this.open.values()];
  }
}
