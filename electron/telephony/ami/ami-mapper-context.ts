/**
 * What the parts of the AMI call mapper share: the calls, the channels, the details (party,
 * outcome, queues), which channels are the agent's phone, and the small rules more than one
 * part applies (attaching a leg, a failed dial's cause, the far side of an Originate).
 */
import type { AmiCall } from './ami-call.js';
import type { AmiCallBook } from './ami-call-book.js';
import type { AmiCallDetails, AmiLineNote } from './ami-call-details.js';
import { dialStatusCause } from './ami-causes.js';
import { isLocalChannel } from './ami-channel-names.js';
import type { ChannelTable } from './ami-channel-table.js';
import type { DialLeg } from './ami-dial-events.js';

/** The mapper's state and tests, shared by its parts (one per mapper). */
export interface AmiMapperContext {
  readonly calls: AmiCallBook;
  readonly channels: ChannelTable;
  readonly details: AmiCallDetails;
  /** True for a call leg of the agent's phone (`PJSIP/phone-b7-00000012`). */
  readonly isWatched: (channel: string) => boolean;
  /** True for the first channel Ringdesk's Originate creates (Asterisk 11 has no ChannelId). */
  readonly isOriginated: (channel: string) => boolean;
  /** The agent's own extension: its caller ID is never the remote party. */
  readonly ownNumber: string;
  readonly note: (note: AmiLineNote) => void;
}

/** Makes dial leg `leg` one of `call`'s anchors, in the call its channel belongs to. */
export function attachLeg(context: AmiMapperContext, call: AmiCall, leg: DialLeg): void {
  context.calls.attach(call, leg.uniqueid, leg.name, context.channels.rootOf(leg.uniqueid));
}

/** Remembers why a dial of a call not yet connected failed (`DialStatus` as a cause). */
export function failedDial(call: AmiCall, status: string | undefined): void {
  const cause = dialStatusCause(status);
  if (cause !== null && !call.connected) call.dialCause = cause;
}

/** A channel whose answer means the far side of an Originate picked up: not the phone, not a Local helper. */
export function isFarSide(context: AmiMapperContext, name: string): boolean {
  return name !== '' && !context.isWatched(name) && !isLocalChannel(name);
}
