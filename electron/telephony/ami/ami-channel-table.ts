/**
 * What Ringdesk remembers about live Asterisk channels: the name, the call it belongs to (its
 * root: Asterisk 12+'s `Linkedid`, "the Uniqueid of the oldest channel associated with this
 * channel") and, for the agent's own legs, the extension the phone dialled.
 *
 * Asterisk 11 sends no `Linkedid`, so the root is worked out as Asterisk would: a dialled
 * channel joins its caller's call (`Dial` begin), the second half of a Local channel joins the
 * first (`LocalBridge`). A root Asterisk sent is never overwritten by one worked out.
 *
 * Invariants:
 * - Bounded: at most `capacity` channels; the oldest is forgotten first. A flood of channels
 *   that never hang up (or a hostile peer inventing them) costs memory up to the cap, not more.
 * - A channel is forgotten at its `Hangup` ("after Hangup no further events for that Uniqueid").
 */
import type { Presentation } from '../line-provider.js';

/** One live channel. */
export interface ChannelRecord {
  name: string;
  root: string;
  /** True when `root` came from Asterisk (`Linkedid`), not worked out. */
  rootFromAsterisk: boolean;
  /** The extension the agent's phone dialled, when the channel was created as the agent's leg. */
  dialled: string;
  /** The caller ID presentation a `NewCallerid` gave it (`CID-CallingPres`), when one did. */
  callingPres: Presentation | null;
}

/** The bounded table of live channels and their roots (see the file comment). */
export class ChannelTable {
  private readonly channels = new Map<string, ChannelRecord>();

  constructor(private readonly capacity = 4096) {}

  /** How many channels are remembered (for tests of the bound). */
  get size(): number {
    return this.channels.size;
  }

  /** The record of `uniqueid`, if remembered. */
  get(uniqueid: string): ChannelRecord | undefined {
    return this.channels.get(uniqueid);
  }

  /** The root (call) of `uniqueid`; a channel never seen is its own root. */
  rootOf(uniqueid: string): string {
    return this.channels.get(uniqueid)?.root ?? uniqueid;
  }

  /**
   * Records what an event says about a channel: its current name and, when Asterisk sent one,
   * its `Linkedid`. Returns the record.
   */
  note(uniqueid: string, name: string | undefined, linkedid: string | undefined): ChannelRecord {
    let record = this.channels.get(uniqueid);
    if (record === undefined) {
      if (this.channels.size >= this.capacity) {
        const oldest = this.channels.keys().next();
        if (oldest.done !== true) this.channels.delete(oldest.value);
      }
      record = { name: name ?? '', root: uniqueid, rootFromAsterisk: false, dialled: '', callingPres: null };
      this.channels.set(uniqueid, record);
    }
    if (name !== undefined && name !== '') record.name = name;
    if (linkedid !== undefined && linkedid !== '') {
      record.root = linkedid;
      record.rootFromAsterisk = true;
    }
    return record;
  }

  /** `child` joins `parent`'s call, unless Asterisk already said which call `child` is in. */
  link(child: string, parent: string): void {
    const record = this.channels.get(child);
    if (record !== undefined && !record.rootFromAsterisk) record.root = this.rootOf(parent);
  }

  /** Forgets `uniqueid` (it hung up). */
  remove(uniqueid: string): void {
    this.channels.delete(uniqueid);
  }

  /** Forgets everything (the connection is gone). */
  clear(): void {
    this.channels.clear();
  }
}
