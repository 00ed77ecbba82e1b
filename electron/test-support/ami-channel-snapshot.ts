/**
 * A channel snapshot as Asterisk 13+ writes it into every channel event (main/manager.c
 * `ast_manager_build_channel_state_string`: Channel, ChannelState, ChannelStateDesc, CallerIDNum,
 * CallerIDName, ConnectedLineNum, ConnectedLineName, Language, AccountCode, Context, Exten,
 * Priority, Uniqueid, Linkedid), each field `Dest`-prefixed for a Dial event's callee. For AMI
 * transcripts written after the source; the values are what a FreePBX call carries.
 */

/** The channel states Ringdesk reads (main/channel.c `ast_state2str`). */
const STATE_DESC = { 0: 'Down', 4: 'Ring', 5: 'Ringing', 6: 'Up' } as const;

/** One channel's state, as a test writes it. */
export interface ChannelSnapshot {
  readonly channel: string;
  readonly uniqueid: string;
  readonly state: keyof typeof STATE_DESC;
  /** The channel's caller ID number (default `<unknown>`). */
  readonly callerIdNum?: string;
  readonly exten?: string;
  readonly linkedid?: string;
  /** `Dest` for the callee of a Dial event. */
  readonly prefix?: '' | 'Dest';
}

/** The snapshot's lines, joined for an event body. */
export function channelSnapshot(snapshot: ChannelSnapshot): string {
  const prefix = snapshot.prefix ?? '';
  return [
    `Channel: ${snapshot.channel}`,
    `ChannelState: ${String(snapshot.state)}`,
    `ChannelStateDesc: ${STATE_DESC[snapshot.state]}`,
    `CallerIDNum: ${snapshot.callerIdNum ?? '<unknown>'}`,
    'CallerIDName: <unknown>',
    'ConnectedLineNum: <unknown>',
    'ConnectedLineName: <unknown>',
    'Language: en',
    'AccountCode: ',
    'Context: from-internal',
    `Exten: ${snapshot.exten ?? 's'}`,
    'Priority: 1',
    `Uniqueid: ${snapshot.uniqueid}`,
    `Linkedid: ${snapshot.linkedid ?? snapshot.uniqueid}`,
  ]
    .map((line) => `${prefix}${line}`)
    .join('\n');
}
