/**
 * One call of the agent as the AMI mapper holds it: who the other party is, which channels are
 * the agent's and which the remote side's, and what Asterisk said of it so far. The call book
 * (ami-call-book.ts) keeps these records, finds them and says what happens to them; the record
 * and the party fields its events carry live here, so a new fact about a call is added in one
 * place.
 */
import type { CallOutcome, Presentation } from '../line-provider.js';

/** How a call began: dialled to the agent, dialled by the agent's phone, or Ringdesk's Originate. */
export type CallKind = 'incoming' | 'outgoing' | 'originate';

/** One call. */
export interface AmiCall {
  readonly callId: string;
  readonly kind: CallKind;
  /** The remote party as last reported (see the call book's `update`, ami-call-book.ts). */
  remote: string;
  presentation: Presentation;
  name: string | undefined;
  /** The queue the call rings from at this phone. */
  queue: string | undefined;
  readonly dialled: string;
  /** The remote side's channels (the caller's, for an incoming call), whose caller ID is the party. */
  readonly remoteLegs: Set<string>;
  /** One of the agent's legs reached Ringing (or Ringdesk refused it): unanswered, it was missed. */
  rang: boolean;
  /** Someone else's phone answered it (ring group, queue), and who where Asterisk said. */
  answeredElsewhere: { name?: string; number?: string } | null;
  /** The agent's phone forwarded it (`Forward`), to where. */
  forwardedTo: string | null;
  /** Asterisk 11: the dialling channel whose `Dial` end says why an unanswered call ended. */
  lateDialEnd: string | null;
  /** The agent's legs (and an Originate's first channel): uniqueid → channel name. */
  readonly anchors: Map<string, string>;
  /**
   * The channels that are the agent's end of a call being placed: an Originate's first channel
   * and the phone's leg that answered it, or the leg a phone dialled from. While the call is not
   * connected, any of them hanging up ends it (see the mapper's `hangup`).
   */
  readonly originLegs: Set<string>;
  readonly roots: Set<string>;
  announced: boolean;
  connected: boolean;
  ended: boolean;
  cause: string | undefined;
  outcome: CallOutcome | undefined;
  /** The status of the last failed dial, as a cause (`noAnswer`). */
  dialCause: string | null;
  /** An Originate whose first channel has not been seen yet. */
  awaitingChannel: boolean;
}

/**
 * A fresh record for call `callId`: not announced, connected or ended, no legs yet. The party's
 * presentation defaults to `unknown` for an empty number and `allowed` otherwise; an Originate
 * waits for its first channel.
 */
export function newAmiCall(
  callId: string,
  kind: CallKind,
  remote: string,
  dialled: string,
  party: { presentation?: Presentation; name?: string | undefined },
): AmiCall {
  return {
    callId,
    kind,
    remote,
    presentation: party.presentation ?? (remote === '' ? 'unknown' : 'allowed'),
    name: party.name,
    queue: undefined,
    dialled,
    remoteLegs: new Set(),
    rang: false,
    answeredElsewhere: null,
    forwardedTo: null,
    lateDialEnd: null,
    anchors: new Map(),
    originLegs: new Set(),
    roots: new Set(),
    announced: false,
    connected: false,
    ended: false,
    cause: undefined,
    outcome: undefined,
    dialCause: null,
    awaitingChannel: kind === 'originate',
  };
}

/** The party fields an event carries beyond `remote`: a presentation that is not plain, a name. */
export function partyFields(call: AmiCall): { presentation?: Presentation; name?: string } {
  const plain = call.presentation === (call.remote === '' ? 'unknown' : 'allowed');
  return {
    ...(plain ? {} : { presentation: call.presentation }),
    ...(call.name === undefined ? {} : { name: call.name }),
  };
}
