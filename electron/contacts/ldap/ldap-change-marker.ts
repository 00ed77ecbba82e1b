/**
 * Where sync mode's copy of a directory stands after a sync, and how the next delta asks for
 * what changed since (see ldap-sync.ts for when a delta runs):
 *
 * - Active Directory: the root DSE's `highestCommittedUSN` (or the highest `uSNChanged` seen)
 *   and the domain controller that counted it; the next delta asks for `uSNChanged >= usn + 1`.
 * - Other servers: the newest `modifyTimestamp` seen, moved back by two seconds (a write stamped
 *   before, but committed after, a search that saw a later timestamp), or ten minutes before now
 *   by this PC's clock when that is later.
 *
 * Kept apart from the sync's bookkeeping because it follows the servers' change tracking, which
 * differs per server and is what a new kind of server would change.
 */
import type { Entry } from 'ldapts';
import { texts, type ServerInfo } from './ldap-server-info.js';

/** How far back a timestamp delta looks before the newest timestamp seen. */
const TIMESTAMP_OVERLAP_MS = 2_000;
/** How far back before this PC's clock a timestamp delta always looks. */
const CLOCK_MARGIN_MS = 10 * 60_000;

/** Where the directory stands after the last sync. */
export type Marker =
  | { readonly kind: 'usn'; readonly usn: number; readonly server: string }
  | { readonly kind: 'time'; readonly time: string };

/** The attributes that identify an entry: its key and its change marker. */
export function keyAttributes(info: Pick<ServerInfo, 'activeDirectory'>): string[] {
  return info.activeDirectory ? ['objectGUID', 'uSNChanged'] : ['entryUUID', 'modifyTimestamp'];
}

/** The filter part that selects what changed since `marker`. */
export function changedSince(marker: Marker): string {
  if (marker.kind === 'usn') return `(uSNChanged>=${marker.usn + 1})`;
  return `(modifyTimestamp>=${marker.time})`;
}

/** Follows the newest change seen, to mark where the next delta starts. */
export class MarkerTracker {
  private usn: number;
  private time: string | null;

  constructor(
    private readonly info: ServerInfo,
    previous: Marker | null = null,
  ) {
    this.usn = previous?.kind === 'usn' ? previous.usn : 0;
    this.time = previous?.kind === 'time' ? previous.time : null;
  }

  /** Runs for every entry of a load: reads only the one attribute the marker needs. */
  see(entry: Entry): void {
    if (this.info.activeDirectory) {
      if (this.info.highestCommittedUsn !== null) return;
      const usn = Number(firstValue(entry, 'uSNChanged') ?? NaN);
      if (usn > this.usn) this.usn = usn;
      return;
    }
    const time = firstValue(entry, 'modifyTimestamp');
    if (time !== undefined && (this.time === null || time > this.time) && /^\d{14}/.test(time))
      this.time = time;
  }

  /** Where the next delta starts; `now` is this PC's clock (ms since 1970). */
  marker(now: number): Marker | null {
    const { info } = this;
    if (info.activeDirectory)
      return { kind: 'usn', usn: info.highestCommittedUsn ?? this.usn, server: info.serverName ?? '' };
    if (this.time === null) return null;
    const seen = earlier(this.time, TIMESTAMP_OVERLAP_MS);
    const clock = generalizedTime(now - CLOCK_MARGIN_MS);
    return { kind: 'time', time: clock > seen ? clock : seen };
  }
}

/** The first value of `attribute`: as spelt (servers answer with the requested spelling), else any case. */
function firstValue(entry: Entry, attribute: string): string | undefined {
  const value = entry[attribute];
  if (typeof value === 'string') return value;
  return value === undefined
    ? texts(entry, attribute)[0]
    : texts({ dn: '', [attribute]: value }, attribute)[0];
}

/** A generalized time (`20261206093000Z`, fractions allowed) moved back by `ms`, to the second. */
export function earlier(time: string, ms: number): string {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/.exec(time) ?? [];
  const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - ms;
  if (Number.isNaN(at)) return time;
  return generalizedTime(at);
}

/** Milliseconds since 1970 as a generalized time to the second (`20261206093000Z`). */
function generalizedTime(ms: number): string {
  return `${new Date(Math.max(0, ms)).toISOString().slice(0, 19).replace(/\D/g, '')}Z`;
}
