import { describe, expect, it } from 'vitest';
import { AmiCallLog } from '../../test-support/ami-call-log.js';
import { CallState } from '../call-session.js';
import { AmiCallMapper } from './ami-call-mapper.js';
import { AmiMessage } from './ami-message.js';

function mapperFor(line: string, originateChannel = 'PJSIP/none') {
  const log = new AmiCallLog();
  const mapper = new AmiCallMapper({ line, originateChannel, emit: (event) => log.handle(event) });
  return { log, mapper };
}

/** What a user sees of a call: direction, state, cause, number. */
const seen = (calls: readonly { direction: string; state: string; cause: string | null; remote: string }[]) =>
  calls.map(({ direction, state, cause, remote }) => ({ direction, state, cause, remote }));

const event = (fields: Record<string, string>) => new AmiMessage(Object.entries(fields));

describe('AmiCallMapper on Asterisk 13 events', () => {
  const trunkCalls12 = [
    event({
      Event: 'Newchannel',
      Channel: 'PJSIP/trunk-00000001',
      Uniqueid: 't1',
      Linkedid: 't1',
      CallerIDNum: '+492115551234',
      Exten: '339903',
    }),
    event({
      Event: 'Newchannel',
      Channel: 'PJSIP/12-00000002',
      Uniqueid: 'a1',
      Linkedid: 't1',
      ChannelState: '0',
    }),
    event({
      Event: 'DialBegin',
      Channel: 'PJSIP/trunk-00000001',
      Uniqueid: 't1',
      Linkedid: 't1',
      CallerIDNum: '+492115551234',
      DestChannel: 'PJSIP/12-00000002',
      DestUniqueid: 'a1',
      DestLinkedid: 't1',
      DialString: '12',
    }),
    event({
      Event: 'Newstate',
      Channel: 'PJSIP/12-00000002',
      Uniqueid: 'a1',
      Linkedid: 't1',
      ChannelState: '5',
    }),
  ];

  it('reports an incoming call with its caller ID, answered, ended with the hangup cause', () => {
    const { log, mapper } = mapperFor('12');
    for (const message of [
      ...trunkCalls12,
      event({
        Event: 'DialEnd',
        Uniqueid: 't1',
        DestChannel: 'PJSIP/12-00000002',
        DestUniqueid: 'a1',
        DialStatus: 'ANSWER',
      }),
      event({
        Event: 'BridgeEnter',
        Channel: 'PJSIP/12-00000002',
        Uniqueid: 'a1',
        Linkedid: 't1',
        BridgeUniqueid: 'b',
      }),
      event({ Event: 'Hangup', Channel: 'PJSIP/12-00000002', Uniqueid: 'a1', Linkedid: 't1', Cause: '16' }),
    ])
      mapper.handle(message);
    expect(log.events).toEqual([
      { type: 'offering', callId: 't1', line: '12', remote: '+492115551234' },
      { type: 'connected', callId: 't1' },
      { type: 'ended', callId: 't1', cause: 'normalClearing' },
    ]);
  });

  it('reports a ringing call answered elsewhere (cause 26) as answered elsewhere, not missed', () => {
    const { log, mapper } = mapperFor('12');
    for (const message of [
      ...trunkCalls12,
      event({
        Event: 'DialEnd',
        Uniqueid: 't1',
        DestUniqueid: 'a1',
        DestChannel: 'PJSIP/12-00000002',
        DialStatus: 'CANCEL',
      }),
      event({ Event: 'Hangup', Channel: 'PJSIP/12-00000002', Uniqueid: 'a1', Cause: '26' }),
    ])
      mapper.handle(message);
    expect(seen(log.finished)).toEqual([
      { direction: 'incoming', state: CallState.Ended, cause: 'answeredElsewhere', remote: '+492115551234' },
    ]);
    expect(log.events.at(-1)).toEqual({
      type: 'ended',
      callId: 't1',
      cause: 'answeredElsewhere',
      outcome: { kind: 'answeredElsewhere' },
    });
    expect(() => mapper.ringingLegs('t1')).toThrow(/no call "t1" on line 12/);
  });

  it('reports the number an agent dialled on the phone, and busy when the far side was', () => {
    const { log, mapper } = mapperFor('PJSIP/12');
    for (const message of [
      event({
        Event: 'Newchannel',
        Channel: 'PJSIP/12-00000003',
        Uniqueid: 'a2',
        Linkedid: 'a2',
        ChannelState: '4',
        Exten: '0211555',
      }),
      event({
        Event: 'DialBegin',
        Channel: 'PJSIP/12-00000003',
        Uniqueid: 'a2',
        Linkedid: 'a2',
        Exten: 's',
        DestChannel: 'PJSIP/trunk-00000004',
        DestUniqueid: 't2',
        DialString: 'trunk/0211555',
      }),
      event({
        Event: 'DialEnd',
        Channel: 'PJSIP/12-00000003',
        Uniqueid: 'a2',
        DestUniqueid: 't2',
        DialStatus: 'BUSY',
      }),
      event({ Event: 'Hangup', Channel: 'PJSIP/trunk-00000004', Uniqueid: 't2', Cause: '17' }),
      event({ Event: 'Hangup', Channel: 'PJSIP/12-00000003', Uniqueid: 'a2', Cause: '16' }),
    ])
      mapper.handle(message);
    expect(log.finished).toMatchObject([
      {
        callId: 'a2',
        direction: 'outgoing',
        state: CallState.Ended,
        cause: 'busy',
        remote: '0211555',
        answeredAt: null,
      },
    ]);
  });

  it("lists a ringing call's legs for refusing, and refuses what is not ringing", () => {
    const { mapper } = mapperFor('12');
    for (const message of trunkCalls12) mapper.handle(message);
    expect(mapper.ringingLegs('t1')).toEqual(['PJSIP/12-00000002']);
    mapper.handle(event({ Event: 'Newstate', Uniqueid: 'a1', ChannelState: '6' }));
    expect(() => mapper.ringingLegs('t1')).toThrow(/already answered/);
  });

  it("connects Ringdesk's Originate only when the far side answers, never offering the agent's own leg", () => {
    const { log, mapper } = mapperFor('12', 'Local/12@from-internal');
    expect(mapper.expectOriginate('rd-1', '+492115551234', '02115551234')).toBe(true);
    mapper.handle(
      event({
        Event: 'Newchannel',
        Channel: 'Local/12@from-internal-00000001;1',
        Uniqueid: 'rd-1',
        Linkedid: 'rd-1',
      }),
    );
    expect(log.events).toEqual([]); // silent until Asterisk accepts the action
    mapper.announceOriginate('rd-1');
    for (const message of [
      event({
        Event: 'Newchannel',
        Channel: 'Local/12@from-internal-00000001;2',
        Uniqueid: 'rd-1;2',
        Linkedid: 'rd-1',
      }),
      event({
        Event: 'DialBegin',
        Channel: 'Local/12@from-internal-00000001;2',
        Uniqueid: 'rd-1;2',
        Linkedid: 'rd-1',
        DestChannel: 'PJSIP/12-00000005',
        DestUniqueid: 'a5',
        DestLinkedid: 'rd-1',
      }),
      event({
        Event: 'DialEnd',
        Uniqueid: 'rd-1;2',
        DestChannel: 'PJSIP/12-00000005',
        DestUniqueid: 'a5',
        DialStatus: 'ANSWER',
      }),
      event({ Event: 'BridgeEnter', Channel: 'PJSIP/12-00000005', Uniqueid: 'a5', Linkedid: 'rd-1' }),
    ])
      mapper.handle(message);
    expect(log.events.map((e) => e.type)).toEqual(['dialing']); // the agent picking up is not the far side
    for (const message of [
      event({
        Event: 'DialBegin',
        Channel: 'Local/12@from-internal-00000001;1',
        Uniqueid: 'rd-1',
        Linkedid: 'rd-1',
        DestChannel: 'PJSIP/trunk-00000006',
        DestUniqueid: 't6',
        DestLinkedid: 'rd-1',
      }),
      event({
        Event: 'DialEnd',
        Uniqueid: 'rd-1',
        DestChannel: 'PJSIP/trunk-00000006',
        DestUniqueid: 't6',
        DialStatus: 'ANSWER',
      }),
      event({ Event: 'Hangup', Channel: 'Local/12@from-internal-00000001;1', Uniqueid: 'rd-1', Cause: '16' }),
      event({
        Event: 'Hangup',
        Channel: 'Local/12@from-internal-00000001;2',
        Uniqueid: 'rd-1;2',
        Cause: '16',
      }),
    ])
      mapper.handle(message);
    expect(log.active()).toMatchObject([
      { callId: 'rd-1', state: CallState.Connected, remote: '+492115551234' },
    ]);
    mapper.handle(event({ Event: 'Hangup', Channel: 'PJSIP/12-00000005', Uniqueid: 'a5', Cause: '16' }));
    expect(log.finished).toMatchObject([
      {
        callId: 'rd-1',
        direction: 'outgoing',
        state: CallState.Ended,
        cause: 'normalClearing',
        dialled: '02115551234',
      },
    ]);
  });
});

describe('AmiCallMapper under hostile input', () => {
  it('keeps at most 4096 channels and 64 calls, however many are invented', () => {
    const { log, mapper } = mapperFor('12');
    for (let i = 0; i < 10_000; i++)
      mapper.handle(event({ Event: 'Newchannel', Channel: `PJSIP/x-${i}`, Uniqueid: `u${i}` }));
    expect(mapper.stats.channels).toBe(4096);
    for (let i = 0; i < 200; i++)
      mapper.handle(
        event({
          Event: 'DialBegin',
          Channel: 'PJSIP/t-1',
          Uniqueid: `c${i}`,
          DestChannel: `PJSIP/12-${i}`,
          DestUniqueid: `d${i}`,
        }),
      );
    expect(mapper.stats.calls).toBe(64);
    expect(log.active()).toHaveLength(64);
  });

  it('ignores oversized fields and events it does not know', () => {
    const { log, mapper } = mapperFor('12');
    const huge = 'x'.repeat(10_000);
    mapper.handle(
      event({
        Event: 'DialBegin',
        Channel: 'PJSIP/t-1',
        Uniqueid: huge,
        DestChannel: 'PJSIP/12-1',
        DestUniqueid: huge,
      }),
    );
    mapper.handle(event({ Event: 'Hangup' }));
    mapper.handle(event({ Event: 'Dial', SubEvent: 'Begin' }));
    mapper.handle(event({ Response: 'Success' }));
    expect(log.events).toEqual([]);
    expect(mapper.stats).toEqual({ channels: 0, calls: 0 });
  });
});
