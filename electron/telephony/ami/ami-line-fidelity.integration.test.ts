/**
 * What the agent sees of real PBX situations on an `ami` line: the whole Companion on a loopback
 * TCP Asterisk, asserted in the popup and the journal.
 *
 * Transcripts: written for these tests (no recording of these situations is public), each event
 * in the shape Asterisk's own documentation and source give it (github.com/asterisk/asterisk,
 * master f0c1c1a7b7):
 * - `DialBegin`/`DialState`/`DialEnd` (caller fields plain, called leg prefixed `Dest`, `Forward:`
 *   only on a forward, `DialStatus` RINGING/PROCEEDING/PROGRESS make `DialState`, any other
 *   `DialEnd`), `NewCallerid` (`CID-CallingPres: %d (%s)`, never on a channel's first snapshot),
 *   `NewConnectedLine` (13.13+): main/manager_channels.c, `channel_dial_cb`,
 *   `channel_new_callerid`, `channel_new_connected_line` and their managerEvent docs;
 * - a 302 forward: apps/app_dial.c `do_forward` publishes the forwarded leg's end as
 *   `DialStatus: CANCEL` with `Forward: <target>`;
 * - presentation texts: main/callerid.c `pres_types` (33 = "Presentation Prohibited, Passed Screen");
 * - queues: apps/app_queue.c managerEvent docs of `QueueCallerJoin`, `QueueCallerAbandon`,
 *   `AgentCalled`, `AgentConnect` (channel snapshot of the caller, `Dest` snapshot of the member,
 *   `Queue`, `MemberName`, `Interface`); FreePBX rings queue members through
 *   `Local/<ext>@from-queue` channels;
 * - Asterisk 11 (`Event: Dial`, `SubEvent: Begin`/`End`, `UniqueID`, `DestUniqueID`): the 11
 *   manager's `Dial` event as in testdata/ami/panoramisk_originate_call_events_only.ami.txt.
 * Channel snapshots carry the fields of `ast_manager_build_channel_state_string` that matter here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { amiCompanionRig, type AmiCompanionRig } from '../../test-support/ami-companion-rig.js';
import { contactWith, FakeDirectory } from '../../test-support/fake-directory.js';
import { useTempDir } from '../../test-support/temp-dir.js';
import { defaultSettings } from '../../companion/settings/load-settings.js';
import type { AmiLineLogEntry } from './ami-provider.js';

const tempDir = useTempDir();
const rigs: AmiCompanionRig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.close();
});

const ann = contactWith('Ann Example', '+492115551234', { company: 'ACME', id: 'ann' });
const book = () => new FakeDirectory('Book', [ann]);

async function rig(...args: Parameters<typeof amiCompanionRig> extends [string, ...infer R] ? R : never) {
  const started = await amiCompanionRig(tempDir(), ...args);
  rigs.push(started);
  return started;
}

/** A channel snapshot (`ast_manager_build_channel_state_string`), `Dest`-prefixed when asked. */
function snapshot(
  prefix: '' | 'Dest',
  channel: string,
  uniqueid: string,
  linkedid: string,
  caller: [string, string] = ['<unknown>', '<unknown>'],
  connected: [string, string] = ['<unknown>', '<unknown>'],
  state: [string, string] = ['0', 'Down'],
): string {
  return [
    `${prefix}Channel: ${channel}`,
    `${prefix}ChannelState: ${state[0]}`,
    `${prefix}ChannelStateDesc: ${state[1]}`,
    `${prefix}CallerIDNum: ${caller[0]}`,
    `${prefix}CallerIDName: ${caller[1]}`,
    `${prefix}ConnectedLineNum: ${connected[0]}`,
    `${prefix}ConnectedLineName: ${connected[1]}`,
    `${prefix}Language: en`,
    `${prefix}AccountCode: `,
    `${prefix}Context: from-internal`,
    `${prefix}Exten: s`,
    `${prefix}Priority: 1`,
    `${prefix}Uniqueid: ${uniqueid}`,
    `${prefix}Linkedid: ${linkedid}`,
  ].join('\n');
}

const TRUNK = 'PJSIP/trunk-00000011';
const ANN: [string, string] = ['02115551234', '<unknown>'];
const trunk = (caller: [string, string] = ANN) =>
  snapshot('', TRUNK, '1700.11', '1700.11', caller, undefined, ['4', 'Ring']);
const newTrunk = (caller: [string, string] = ANN) =>
  `Event: Newchannel\nPrivilege: call,all\n${trunk(caller)}`;
const dialBegin = (caller: string, dest: string, dialString: string) =>
  `Event: DialBegin\nPrivilege: call,all\n${caller}\n${dest}\nDialString: ${dialString}`;
const dialEnd = (caller: string, dest: string, status: string, forward?: string) =>
  `Event: DialEnd\nPrivilege: call,all\n${caller}\n${dest}\n${forward === undefined ? '' : `Forward: ${forward}\n`}DialStatus: ${status}`;
const phone = (
  ext: string,
  uniqueid: string,
  state: [string, string] = ['0', 'Down'],
  who: [string, string] = [ext, '<unknown>'],
) => snapshot('Dest', `PJSIP/${ext}-0000001${uniqueid.slice(-1)}`, uniqueid, '1700.11', who, ANN, state);
const newstate = (ext: string, uniqueid: string, state: [string, string]) =>
  `Event: Newstate\nPrivilege: call,all\n${snapshot('', `PJSIP/${ext}-0000001${uniqueid.slice(-1)}`, uniqueid, '1700.11', [ext, '<unknown>'], ANN, state)}`;
const hangup = (channel: string, uniqueid: string, cause: string, text: string) =>
  `Event: Hangup\nPrivilege: call,all\nChannel: ${channel}\nUniqueid: ${uniqueid}\nLinkedid: 1700.11\nCause: ${cause}\nCause-txt: ${text}`;

describe('ami: calls answered elsewhere, refused or forwarded are not missed', () => {
  it('a ring-group call answered at Anna’s phone reads "Answered by Anna (7003)"', async () => {
    const r = await rig([book()]);
    r.session.send(
      newTrunk(),
      dialBegin(trunk(), phone('7002', '1700.12'), 'PJSIP/7002'),
      dialBegin(trunk(), phone('7003', '1700.13', undefined, ['7003', 'Anna']), 'PJSIP/7003'),
      newstate('7002', '1700.12', ['5', 'Ringing']),
      dialEnd(trunk(), phone('7003', '1700.13', ['6', 'Up'], ['7003', 'Anna']), 'ANSWER'),
      dialEnd(trunk(), phone('7002', '1700.12', ['5', 'Ringing']), 'CANCEL'),
      hangup('PJSIP/7002-00000012', '1700.12', '26', 'Answered elsewhere'),
    );
    const journal = await r.journaled('1700.11');
    expect(journal).toMatchObject({
      missed: false,
      contact: { name: 'Ann Example' },
      outcome: { kind: 'answeredElsewhere', by: { name: 'Anna', number: '7003' } },
    });
    await r.until((event) => event.channel === 'popup' && event.payload.state === 'ended');
    expect(r.popups('1700.11').at(-1)?.html).toContain('Answered by Anna (7003)');
  });

  it('a call the phone refused busy before it rang reads "Rejected: busy", not missed', async () => {
    const r = await rig([book()]);
    r.session.send(
      newTrunk(),
      dialBegin(trunk(), phone('7002', '1700.12'), 'PJSIP/7002'),
      dialEnd(trunk(), phone('7002', '1700.12'), 'BUSY'),
      hangup('PJSIP/7002-00000012', '1700.12', '17', 'User busy'),
    );
    const journal = await r.journaled('1700.11');
    expect(journal).toMatchObject({
      missed: false,
      cause: 'busy',
      outcome: { kind: 'rejected', reason: 'busy' },
    });
    await r.until((event) => event.channel === 'popup' && event.payload.state === 'ended');
    expect(r.popups('1700.11').at(-1)?.html).toContain('Rejected: busy');
  });

  it('a call the phone forwarded (302) reads "Forwarded to 208", in German too', async () => {
    const r = await rig([book()], {}, { app: { ...defaultSettings('DE').app, language: 'de' } });
    r.session.send(
      newTrunk(),
      dialBegin(trunk(), phone('7002', '1700.12'), 'PJSIP/7002'),
      dialEnd(trunk(), phone('7002', '1700.12'), 'CANCEL', '208'),
      dialBegin(trunk(), phone('208', '1700.14'), 'PJSIP/208'),
      hangup('PJSIP/7002-00000012', '1700.12', '16', 'Normal Clearing'),
    );
    const journal = await r.journaled('1700.11');
    expect(journal).toMatchObject({ missed: false, outcome: { kind: 'forwarded', to: '208' } });
    await r.until((event) => event.channel === 'popup' && event.payload.state === 'ended');
    expect(r.popups('1700.11').at(-1)?.html).toContain('Weitergeleitet an 208');
  });

  it('a call that rang here and nobody answered is still missed', async () => {
    const r = await rig([book()]);
    r.session.send(
      newTrunk(),
      dialBegin(trunk(), phone('7002', '1700.12'), 'PJSIP/7002'),
      newstate('7002', '1700.12', ['5', 'Ringing']),
      dialEnd(trunk(), phone('7002', '1700.12', ['5', 'Ringing']), 'NOANSWER'),
      hangup('PJSIP/7002-00000012', '1700.12', '16', 'Normal Clearing'),
    );
    expect(await r.journaled('1700.11')).toMatchObject({ missed: true, cause: 'noAnswer' });
    expect((await r.journaled('1700.11')).outcome).toBeUndefined();
  });
});

describe('ami: the remote party changes and withheld numbers', () => {
  it('after an attended transfer (NewConnectedLine) shows and journals the party the agent talks to', async () => {
    const r = await rig([book()]);
    const colleague = snapshot('', 'PJSIP/7003-00000015', '1700.15', '1700.15', ['7003', 'Anna']);
    const agent = (connected: [string, string], state: [string, string]) =>
      snapshot('', 'PJSIP/7002-00000016', '1700.16', '1700.15', ['7002', 'Agent'], connected, state);
    r.session.send(
      `Event: Newchannel\nPrivilege: call,all\n${colleague}`,
      dialBegin(colleague, agent(['7003', 'Anna'], ['0', 'Down']).replace(/^/gm, 'Dest'), '7002'),
      dialEnd(colleague, agent(['7003', 'Anna'], ['6', 'Up']).replace(/^/gm, 'Dest'), 'ANSWER'),
      // Anna completes the attended transfer: the agent now talks to her first caller.
      `Event: NewConnectedLine\nPrivilege: call,all\n${agent(['02115551234', 'Ann Example'], ['6', 'Up'])}`,
      hangup('PJSIP/7003-00000015', '1700.15', '16', 'Normal Clearing'),
    );
    await r.until(
      (event) =>
        event.channel === 'popup' &&
        event.payload.callId === '1700.15' &&
        event.payload.html.includes('Ann Example'),
    );
    r.session.send(hangup('PJSIP/7002-00000016', '1700.16', '16', 'Normal Clearing'));
    const journal = await r.journaled('1700.15');
    expect(journal).toMatchObject({ contact: { name: 'Ann Example' }, number: { e164: '+492115551234' } });
    const log = r.provider.requestLog?.() as AmiLineLogEntry[];
    expect(log).toContainEqual(
      expect.objectContaining({
        callId: '1700.15',
        note: 'party changed',
        detail: expect.objectContaining({
          event: 'NewConnectedLine',
          from: '7003 "Anna"',
          to: '02115551234 "Ann Example"',
        }) as unknown,
      }),
    );
  });

  it('a caller who withholds the number (CID-CallingPres 33) shows "Number withheld"; the delivered number stays in the line log', async () => {
    const directory = book();
    const r = await rig([directory]);
    const withheld: [string, string] = ['02115551234', 'Ann Example'];
    r.session.send(
      newTrunk(ANN),
      `Event: NewCallerid\nPrivilege: call,all\n${trunk(withheld)}\nCID-CallingPres: 33 (Presentation Prohibited, Passed Screen)`,
      dialBegin(trunk(withheld), phone('7002', '1700.12'), 'PJSIP/7002'),
      newstate('7002', '1700.12', ['5', 'Ringing']),
      dialEnd(trunk(withheld), phone('7002', '1700.12', ['5', 'Ringing']), 'CANCEL'),
      hangup('PJSIP/7002-00000012', '1700.12', '16', 'Normal Clearing'),
    );
    const journal = await r.journaled('1700.11');
    expect(journal).toMatchObject({
      missed: true,
      presentation: 'withheld',
      contact: null,
      number: { raw: '', e164: null, dialable: '' },
    });
    expect(JSON.stringify(journal)).not.toContain('5551234');
    const popups = r.popups('1700.11');
    expect(popups.every((popup) => !popup.html.includes('5551234') && !popup.html.includes('Ann'))).toBe(
      true,
    );
    expect(popups[0]?.html).toContain('Number withheld');
    expect(directory.lookups).toBe(0);
    expect(r.provider.requestLog?.()).toContainEqual(
      expect.objectContaining({
        callId: '1700.11',
        note: 'number withheld',
        detail: { CallerIDNum: '02115551234' },
      }),
    );
  });

  it('a caller ID that arrives after the call (NewCallerid) is looked up and shown', async () => {
    const r = await rig([book()]);
    const none: [string, string] = ['<unknown>', '<unknown>'];
    r.session.send(newTrunk(none), dialBegin(trunk(none), phone('7002', '1700.12'), 'PJSIP/7002'));
    await r.until((event) => event.channel === 'popup' && event.payload.html.includes('Number unknown'));
    r.session.send(
      `Event: NewCallerid\nPrivilege: call,all\n${trunk(ANN)}\nCID-CallingPres: 0 (Presentation Allowed, Not Screened)`,
    );
    await r.until(
      (event) =>
        event.channel === 'popup' &&
        event.payload.lookup === 'done' &&
        event.payload.html.includes('Ann Example'),
    );
    r.session.send(hangup('PJSIP/7002-00000012', '1700.12', '16', 'Normal Clearing'));
    expect(await r.journaled('1700.11')).toMatchObject({ contact: { name: 'Ann Example' } });
  });
});

describe('ami: queues', () => {
  const join = (queue: string, caller: string) =>
    `Event: QueueCallerJoin\nPrivilege: agent,all\n${caller}\nQueue: ${queue}\nPosition: 1\nCount: 1`;
  const local = (ext: string, half: '1' | '2', uniqueid: string, prefix: '' | 'Dest' = '') =>
    snapshot(prefix, `Local/${ext}@from-queue-00000002;${half}`, uniqueid, '1700.11', ANN, ANN);

  it('a queue call ringing here names the queue; answered by a colleague it reads "Answered by Anna (7003)"', async () => {
    const r = await rig([book()]);
    r.session.send(
      newTrunk(),
      join('Support', trunk()),
      `Event: AgentCalled\nPrivilege: agent,all\n${trunk()}\n${local('7002', '1', '1700.21', 'Dest')}\nQueue: Support\nMemberName: Agent\nInterface: Local/7002@from-queue/n`,
      dialBegin(trunk(), local('7002', '1', '1700.21', 'Dest'), 'Local/7002@from-queue/n'),
      dialBegin(local('7002', '2', '1700.22'), phone('7002', '1700.12'), 'PJSIP/7002'),
      newstate('7002', '1700.12', ['5', 'Ringing']),
    );
    await r.until((event) => event.channel === 'popup' && event.payload.html.includes('Queue Support'));
    r.session.send(
      `Event: AgentConnect\nPrivilege: agent,all\n${trunk()}\n${snapshot('Dest', 'Local/7003@from-queue-00000003;1', '1700.31', '1700.11', ANN, ANN, ['6', 'Up'])}\nQueue: Support\nMemberName: Anna\nInterface: Local/7003@from-queue/n\nRingTime: 4\nHoldTime: 9`,
      dialEnd(local('7002', '2', '1700.22'), phone('7002', '1700.12', ['5', 'Ringing']), 'CANCEL'),
      hangup('PJSIP/7002-00000012', '1700.12', '26', 'Answered elsewhere'),
    );
    const journal = await r.journaled('1700.11');
    expect(journal).toMatchObject({
      missed: false,
      queue: 'Support',
      outcome: { kind: 'answeredElsewhere', by: { name: 'Anna', number: '7003' } },
    });
  });

  it('a caller who gives up in a queue the settings name is journaled "abandoned in queue Support", never popped up', async () => {
    const r = await rig([book()], { abandonedQueues: ['Support'] });
    const other = snapshot(
      '',
      'PJSIP/trunk-00000019',
      '1700.19',
      '1700.19',
      ['0211999', '<unknown>'],
      undefined,
      ['4', 'Ring'],
    );
    r.session.send(
      newTrunk(),
      join('Support', trunk()),
      `Event: Newchannel\nPrivilege: call,all\n${other}`,
      join('Sales', other),
      `Event: QueueCallerAbandon\nPrivilege: agent,all\n${other}\nQueue: Sales\nPosition: 1\nOriginalPosition: 1\nHoldTime: 12`,
      `Event: QueueCallerAbandon\nPrivilege: agent,all\n${trunk()}\nQueue: Support\nPosition: 1\nOriginalPosition: 1\nHoldTime: 31`,
    );
    const journal = await r.journaled('1700.11');
    expect(journal).toMatchObject({
      missed: false,
      contact: { name: 'Ann Example' },
      queue: 'Support',
      outcome: { kind: 'abandoned', queue: 'Support' },
    });
    // The Sales caller (a queue not named) came before and left no trace; nothing popped up.
    expect(r.events.filter((event) => event.channel === 'journal')).toHaveLength(1);
    expect(r.events.filter((event) => event.channel === 'popup')).toEqual([]);
  });
});

describe('ami: Asterisk 11', () => {
  it('a caller who hangs up while it rings ends as cancel, read from the late Dial end', async () => {
    const r = await rig([book()]);
    r.session.send(
      'Event: Newchannel\nPrivilege: call,all\nChannel: SIP/trunk-00000001\nChannelState: 4\nChannelStateDesc: Ring\nCallerIDNum: 02115551234\nCallerIDName: \nAccountCode: \nExten: 7002\nContext: from-trunk\nUniqueid: 1400.1',
      'Event: Dial\nPrivilege: call,all\nSubEvent: Begin\nChannel: SIP/trunk-00000001\nDestination: SIP/7002-00000002\nCallerIDNum: 02115551234\nCallerIDName: <unknown>\nConnectedLineNum: 7002\nConnectedLineName: <unknown>\nUniqueID: 1400.1\nDestUniqueID: 1400.2\nDialstring: 7002',
      'Event: Newstate\nPrivilege: call,all\nChannel: SIP/7002-00000002\nChannelState: 5\nChannelStateDesc: Ringing\nCallerIDNum: 7002\nCallerIDName: \nConnectedLineNum: 02115551234\nConnectedLineName: \nUniqueid: 1400.2',
      'Event: Hangup\nPrivilege: call,all\nChannel: SIP/7002-00000002\nUniqueid: 1400.2\nCallerIDNum: 7002\nCallerIDName: <unknown>\nConnectedLineNum: 02115551234\nConnectedLineName: <unknown>\nCause: 16\nCause-txt: Normal Clearing',
      'Event: Dial\nPrivilege: call,all\nSubEvent: End\nChannel: SIP/trunk-00000001\nUniqueID: 1400.1\nDialStatus: CANCEL',
      'Event: Hangup\nPrivilege: call,all\nChannel: SIP/trunk-00000001\nUniqueid: 1400.1\nCallerIDNum: 02115551234\nCallerIDName: <unknown>\nConnectedLineNum: 7002\nConnectedLineName: <unknown>\nCause: 16\nCause-txt: Normal Clearing',
    );
    expect(await r.journaled('1400.1')).toMatchObject({
      missed: true,
      cause: 'cancel',
      contact: { name: 'Ann Example' },
    });
  });
});
