/**
 * Ringdesk's click-to-dial to a dialplan application (FreePBX's echo test `*43`: context
 * app-echo-test, `Answer, Wait(1), Playback(demo-echotest), Echo(), Playback(demo-echodone),
 * Hangup`; no Dial, so no DialBegin/DialEnd toward a far side and no second call) in the orders
 * Asterisk really emits, and failed Originates: every dial ends, none stays "dialing".
 *
 * Transcripts: written for these tests after Asterisk's source (github.com/asterisk/asterisk):
 * - Asterisk 13 (branch 13): main/manager.c `action_originate` (the `Async` ack "Originate
 *   successfully queued" is sent after the originate thread starts, so a quick failure's
 *   `OriginateResponse` can come first) and `fast_originate` (`OriginateResponse` with `Channel`,
 *   `Context`, `Exten`, `Reason`, `Uniqueid`: the channel's, or the `ChannelId` on failure, when
 *   no channel is returned); main/pbx.c `pbx_outgoing_attempt` / `pbx_outgoing_exec` (the answered
 *   channel runs the dialplan while the response is being sent; the response is a direct manager
 *   event, the channel events go through Stasis, so it can overtake them);
 *   main/core_unreal.c (`;2` gets the `ChannelId` + `;2` and `;1`'s `Linkedid`); main/dial.c
 *   (an Originate's `DialBegin`/`DialEnd` carry only the `Dest` side); main/manager_channels.c
 *   event docs. A Local pair is optimised away only when both halves are in bridges, so `;1`
 *   running `Echo()` stays.
 * - Asterisk 11 (branch 11): main/pbx.c `ast_pbx_outgoing_exten` and main/manager.c
 *   `fast_originate` (`Uniqueid: <null>` on failure); channels/chan_local.c (`LocalBridge` before
 *   `;2` runs the dialplan; the optimisation masquerades the phone into `;1` once `;2` is bridged
 *   to it and `;1` is up), in the order of the recorded Asterisk 11 Originate in
 *   testdata/ami/panoramisk_originate_call_events_only.ami.txt (Masquerade, Rename ×3, the
 *   `<ZOMBIE>` hangs up with the phone's old uniqueid).
 * - `Reason` of a failed Originate: 0 no channel, 1 hung up, 3 no answer, 5 busy, 8 congestion
 *   (main/pbx.c `pbx_dial_reason`; testdata/ami/ami_originate_and_dial_reference.txt).
 */
import { describe, expect, it } from 'vitest';
import { channelSnapshot } from '../../test-support/ami-channel-snapshot.js';
import { amiRig, flush } from '../../test-support/ami-provider-rig.js';
import type { AmiLineInput } from './ami-settings.js';
import { CallState } from '../call-session.js';

/** A channel snapshot of an originated call (Asterisk 13; see ami-channel-snapshot.ts). */
const snap = (
  channel: string,
  uniqueid: string,
  state: 0 | 4 | 5 | 6,
  exten = 's',
  prefix: '' | 'Dest' = '',
) => channelSnapshot({ channel, uniqueid, state, exten, prefix, linkedid: 'rd-1' });
const ev = (name: string, body: string) => `Event: ${name}\nPrivilege: call,all\n${body}`;
const hangup13 = (channel: string, uniqueid: string, state: 0 | 4 | 5 | 6, cause = '16') =>
  ev('Hangup', `${snap(channel, uniqueid, state)}\nCause: ${cause}\nCause-txt: Normal Clearing`);
const originateResponse = (
  response: 'Success' | 'Failure',
  channel: string,
  reason: string,
  uniqueid: string,
) =>
  ev(
    'OriginateResponse',
    `ActionID: originate-rd-1\nResponse: ${response}\nChannel: ${channel}\nContext: from-internal\n` +
      `Exten: *43\nReason: ${reason}\nUniqueid: ${uniqueid}\nCallerIDNum: <unknown>\nCallerIDName: <unknown>`,
  );

const LOCAL1 = 'Local/12@from-internal-0000000a;1';
const LOCAL2 = 'Local/12@from-internal-0000000a;2';
const PHONE = 'PJSIP/12-00000021';

/** Asterisk 13, Originate on Local/12@from-internal: the pair, `;2` dials the phone, it answers. */
const local13Answered = [
  ev('Newchannel', snap(LOCAL1, 'rd-1', 0, '12')),
  ev('Newchannel', snap(LOCAL2, 'rd-1;2', 4, '12')),
  ev('Newchannel', snap(PHONE, 'p1', 0, '12')),
  ev(
    'DialBegin',
    `${snap(LOCAL2, 'rd-1;2', 4, '12')}\n${snap(PHONE, 'p1', 0, '12', 'Dest')}\nDialString: 12`,
  ),
  ev('Newstate', snap(PHONE, 'p1', 5, '12')),
  ev('Newstate', snap(PHONE, 'p1', 6, '12')),
  ev(
    'DialEnd',
    `${snap(LOCAL2, 'rd-1;2', 4, '12')}\n${snap(PHONE, 'p1', 6, '12', 'Dest')}\nDialStatus: ANSWER`,
  ),
  ev('BridgeEnter', `BridgeUniqueid: b1\nBridgeType: basic\n${snap(LOCAL2, 'rd-1;2', 6, '12')}`),
  ev('BridgeEnter', `BridgeUniqueid: b1\nBridgeType: basic\n${snap(PHONE, 'p1', 6, '12')}`),
  ev('Newstate', snap(LOCAL1, 'rd-1', 6, '*43')),
];
const SUCCESS_LOCAL = originateResponse('Success', LOCAL1, '4', 'rd-1');
/** The agent hangs up: the phone, then `;2` (its Dial returned), then `;1` (queued hangup ends Echo). */
const local13HungUp = [hangup13(PHONE, 'p1', 6), hangup13(LOCAL2, 'rd-1;2', 6), hangup13(LOCAL1, 'rd-1', 6)];

async function dialStar43(settings: Partial<AmiLineInput> = {}) {
  const rig = amiRig({ settings });
  await rig.provider.connect();
  const dialling = rig.provider.dial('*43', '*43');
  dialling.catch(() => undefined);
  await flush();
  const send = async (...blocks: string[]) => {
    rig.session().send(...blocks);
    await flush();
  };
  return { ...rig, dialling, send };
}

describe('click-to-dial to *43 (a dialplan application) ends when the agent hangs up', () => {
  it('Asterisk 13, Local originate, the OriginateResponse after the channel events', async () => {
    const { log, send, dialling } = await dialStar43();
    await send(...local13Answered, SUCCESS_LOCAL);
    await expect(dialling).resolves.toEqual({ callId: 'rd-1' });
    expect(log.active()).toMatchObject([{ callId: 'rd-1', state: CallState.Dialing, remote: '*43' }]);
    await send(...local13HungUp);
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended, cause: 'normalClearing' }]);
    expect(log.active()).toEqual([]);
  });

  it('Asterisk 13, Local originate, the OriginateResponse overtaking the channel events (Stasis lag)', async () => {
    const { log, send } = await dialStar43();
    await send(SUCCESS_LOCAL, ...local13Answered, ...local13HungUp);
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended }]);
    expect(log.active()).toEqual([]);
  });

  it('Asterisk 13, Local originate, the agent hangs up before the OriginateResponse is read', async () => {
    const { log, send } = await dialStar43();
    await send(...local13Answered, hangup13(PHONE, 'p1', 6), SUCCESS_LOCAL);
    await send(hangup13(LOCAL2, 'rd-1;2', 6), hangup13(LOCAL1, 'rd-1', 6));
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended }]);
    expect(log.active()).toEqual([]);
  });

  it('Asterisk 13, Originate on the device itself: no Local pair, the phone runs *43', async () => {
    const { log, send } = await dialStar43({ line: 'PJSIP/12' });
    await send(
      ev('Newchannel', snap(PHONE, 'rd-1', 0, '*43')),
      ev('DialBegin', `${snap(PHONE, 'rd-1', 0, '*43', 'Dest')}\nDialString: 12`),
      ev('Newstate', snap(PHONE, 'rd-1', 5, '*43')),
      ev('Newstate', snap(PHONE, 'rd-1', 6, '*43')),
      originateResponse('Success', PHONE, '4', 'rd-1'),
      ev('DialEnd', `${snap(PHONE, 'rd-1', 6, '*43', 'Dest')}\nDialStatus: ANSWER`),
    );
    expect(log.active()).toMatchObject([{ callId: 'rd-1', state: CallState.Dialing }]);
    await send(hangup13(PHONE, 'rd-1', 6));
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended, cause: 'normalClearing' }]);
  });

  it('Asterisk 11, Local originate: the phone is masqueraded into ;1, which runs *43', async () => {
    const { log, send } = await dialStar43({ line: 'SIP/12', originateChannel: 'Local/12@from-internal' });
    const l1 = 'Local/12@from-internal-00000000;1';
    const l2 = 'Local/12@from-internal-00000000;2';
    const sip = 'SIP/12-00000000';
    const ch = (channel: string, uniqueid: string, state: 0 | 4 | 5 | 6) =>
      `Channel: ${channel}\nChannelState: ${state}\nChannelStateDesc: ${{ 0: 'Down', 4: 'Ring', 5: 'Ringing', 6: 'Up' }[state]}\n` +
      `CallerIDNum: \nCallerIDName: \nAccountCode: \nExten: 12\nContext: from-internal\nUniqueid: ${uniqueid}`;
    await send(
      ev('Newchannel', ch(l1, '1414510600.0', 0)),
      ev('Newchannel', ch(l2, '1414510600.1', 4)),
      ev(
        'LocalBridge',
        `Channel1: ${l1}\nChannel2: ${l2}\nUniqueid1: 1414510600.0\nUniqueid2: 1414510600.1\nContext: from-internal\nExten: 12\nLocalOptimization: Yes`,
      ),
      ev('Newchannel', ch(sip, '1414510601.2', 0)),
      ev(
        'Dial',
        `SubEvent: Begin\nChannel: ${l2}\nDestination: ${sip}\nCallerIDNum: \nCallerIDName: \nConnectedLineNum: \nConnectedLineName: \nUniqueID: 1414510600.1\nDestUniqueID: 1414510601.2\nDialstring: 12`,
      ),
      ev('Newstate', ch(sip, '1414510601.2', 5)),
      ev('Newstate', ch(l1, '1414510600.0', 5)),
      ev('Newstate', ch(sip, '1414510601.2', 6)),
      ev('Newstate', ch(l2, '1414510600.1', 6)),
      ev(
        'Bridge',
        `Bridgestate: Link\nBridgetype: core\nChannel1: ${l2}\nChannel2: ${sip}\nUniqueid1: 1414510600.1\nUniqueid2: 1414510601.2\nCallerID1: \nCallerID2: 12`,
      ),
      ev('Newstate', ch(l1, '1414510600.0', 6)),
      ev('Masquerade', `Clone: ${sip}\nCloneState: Up\nOriginal: ${l1}\nOriginalState: Up`),
      ev('Rename', `Channel: ${sip}\nNewname: ${sip}<MASQ>\nUniqueid: 1414510601.2`),
      ev('Rename', `Channel: ${l1}\nNewname: ${sip}\nUniqueid: 1414510600.0`),
      ev('Rename', `Channel: ${sip}<MASQ>\nNewname: ${l1}<ZOMBIE>\nUniqueid: 1414510601.2`),
      ev(
        'Bridge',
        `Bridgestate: Unlink\nBridgetype: core\nChannel1: ${l2}\nChannel2: ${l1}<ZOMBIE>\nUniqueid1: 1414510600.1\nUniqueid2: 1414510601.2\nCallerID1: \nCallerID2: 12`,
      ),
      ev(
        'Hangup',
        `Channel: ${l1}<ZOMBIE>\nUniqueid: 1414510601.2\nCallerIDNum: 12\nCallerIDName: \nConnectedLineNum: \nConnectedLineName: \nAccountCode: \nCause: 16\nCause-txt: Normal Clearing`,
      ),
      ev('Dial', `SubEvent: End\nChannel: ${l2}\nUniqueID: 1414510600.1\nDialStatus: ANSWER`),
      ev(
        'Hangup',
        `Channel: ${l2}\nUniqueid: 1414510600.1\nCallerIDNum: \nCallerIDName: \nConnectedLineNum: \nConnectedLineName: \nAccountCode: \nCause: 16\nCause-txt: Normal Clearing`,
      ),
      originateResponse('Success', sip, '4', '1414510600.0'),
    );
    expect(log.active()).toMatchObject([{ callId: 'rd-1', state: CallState.Dialing }]);
    await send(
      ev(
        'Hangup',
        `Channel: ${sip}\nUniqueid: 1414510600.0\nCallerIDNum: 12\nCallerIDName: \nConnectedLineNum: \nConnectedLineName: \nAccountCode: \nCause: 16\nCause-txt: Normal Clearing`,
      ),
    );
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended }]);
    expect(log.active()).toEqual([]);
  });
});

describe('a failed Originate ends the dial with a cause, never leaves it dialing', () => {
  const cases = [
    ['0', 'unavailable'],
    ['1', 'callRejected'],
    ['3', 'noAnswer'],
    ['5', 'busy'],
    ['8', 'congestion'],
  ] as const;

  for (const [reason, cause] of cases)
    it(`Asterisk 13, Reason ${reason}: no channel returned, Uniqueid is the ChannelId`, async () => {
      const { log, send, dialling } = await dialStar43({ line: 'PJSIP/12' });
      const events =
        reason === '0'
          ? [] // the channel could not even be created
          : [
              ev('Newchannel', snap(PHONE, 'rd-1', 0, '*43')),
              ev('DialBegin', `${snap(PHONE, 'rd-1', 0, '*43', 'Dest')}\nDialString: 12`),
            ];
      await send(...events, originateResponse('Failure', 'PJSIP/12', reason, 'rd-1'));
      await expect(dialling).rejects.toThrow(/the call to \*43 failed: /);
      expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended, cause }]);
      // The channel's own end, read later through Stasis, changes nothing.
      if (reason !== '0') await send(hangup13(PHONE, 'rd-1', 0, '17'));
      expect(log.finished).toHaveLength(1);
      expect(log.active()).toEqual([]);
    });

  it('Asterisk 13: the channel hangs up (busy) before the Failure is read', async () => {
    const { log, send, dialling } = await dialStar43({ line: 'PJSIP/12' });
    await send(
      ev('Newchannel', snap(PHONE, 'rd-1', 0, '*43')),
      ev('DialBegin', `${snap(PHONE, 'rd-1', 0, '*43', 'Dest')}\nDialString: 12`),
      ev('DialEnd', `${snap(PHONE, 'rd-1', 0, '*43', 'Dest')}\nDialStatus: BUSY`),
      hangup13(PHONE, 'rd-1', 0, '17'),
      originateResponse('Failure', 'PJSIP/12', '5', 'rd-1'),
    );
    await expect(dialling).rejects.toThrow('the call to *43 failed: your phone (PJSIP/12) is busy');
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended, cause: 'busy' }]);
    expect(log.active()).toEqual([]);
  });

  it('Asterisk 11, Reason 3 with Uniqueid <null>, after the Local pair hung up', async () => {
    const { log, send, dialling } = await dialStar43();
    const l1 = 'Local/12@from-internal-00000003;1';
    await send(
      ev(
        'Newchannel',
        `Channel: ${l1}\nChannelState: 0\nChannelStateDesc: Down\nCallerIDNum: \nCallerIDName: \nAccountCode: \nExten: 12\nContext: from-internal\nUniqueid: 1414510700.0`,
      ),
      ev(
        'Hangup',
        `Channel: ${l1}\nUniqueid: 1414510700.0\nCallerIDNum: \nCallerIDName: \nConnectedLineNum: \nConnectedLineName: \nAccountCode: \nCause: 16\nCause-txt: Normal Clearing`,
      ),
    );
    await send(originateResponse('Failure', 'Local/12@from-internal', '3', '<null>'));
    await expect(dialling).rejects.toThrow('rang but nobody answered');
    expect(log.finished).toHaveLength(1);
    expect(log.active()).toEqual([]);
  });

  it('a Failure read before the action’s own "queued" answer: nothing stays dialing', async () => {
    const { asterisk, provider, log, session } = amiRig({ settings: { line: 'PJSIP/12' } });
    asterisk.on('originate', (action, peer) => {
      // main/manager.c: the originate thread can report before `astman_send_ack`.
      peer.send(originateResponse('Failure', 'PJSIP/12', '0', action.get('ChannelId') ?? ''));
      peer.reply(action, 'Response: Success\nMessage: Originate successfully queued');
    });
    await provider.connect();
    await expect(provider.dial('*43', '*43')).rejects.toThrow('Asterisk could not reach your phone');
    session().send(ev('Newchannel', snap(PHONE, 'rd-9', 0, '12')));
    await flush();
    expect(log.active()).toEqual([]);
    expect(log.events.filter((event) => event.type === 'dialing')).toEqual([]);
  });
});

describe('the agent’s end of a dial hanging up ends it, whatever else still runs', () => {
  it('Asterisk 13, Local originate: the answered phone hangs up while ;1 and ;2 still run the dialplan', async () => {
    // `;2` goes on after its Dial (FreePBX post-dial hooks, Dial's `g` option) and `;1` is still
    // in the application: without the rule the dial stays "dialing" until both are gone.
    const { log, send } = await dialStar43();
    await send(...local13Answered, SUCCESS_LOCAL, hangup13(PHONE, 'p1', 6));
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended, cause: 'normalClearing' }]);
    expect(log.active()).toEqual([]);
    await send(hangup13(LOCAL2, 'rd-1;2', 6), hangup13(LOCAL1, 'rd-1', 6));
    expect(log.finished).toHaveLength(1);
  });

  it('FreePBX rings two contacts of the extension: the one not picked up hanging up ends nothing', async () => {
    const { log, send } = await dialStar43();
    const second = 'PJSIP/12-00000022';
    await send(
      ev('Newchannel', snap(LOCAL1, 'rd-1', 0, '12')),
      ev('Newchannel', snap(LOCAL2, 'rd-1;2', 4, '12')),
      ev(
        'DialBegin',
        `${snap(LOCAL2, 'rd-1;2', 4, '12')}\n${snap(PHONE, 'p1', 0, '12', 'Dest')}\nDialString: 12`,
      ),
      ev(
        'DialBegin',
        `${snap(LOCAL2, 'rd-1;2', 4, '12')}\n${snap(second, 'p2', 0, '12', 'Dest')}\nDialString: 12`,
      ),
      ev('Newstate', snap(PHONE, 'p1', 6, '12')),
      ev(
        'DialEnd',
        `${snap(LOCAL2, 'rd-1;2', 4, '12')}\n${snap(PHONE, 'p1', 6, '12', 'Dest')}\nDialStatus: ANSWER`,
      ),
      ev(
        'DialEnd',
        `${snap(LOCAL2, 'rd-1;2', 4, '12')}\n${snap(second, 'p2', 5, '12', 'Dest')}\nDialStatus: CANCEL`,
      ),
      hangup13(second, 'p2', 5, '26'),
      SUCCESS_LOCAL,
    );
    expect(log.active()).toMatchObject([{ callId: 'rd-1', state: CallState.Dialing }]);
    await send(hangup13(PHONE, 'p1', 6));
    expect(log.finished).toMatchObject([{ callId: 'rd-1', state: CallState.Ended }]);
  });
});
