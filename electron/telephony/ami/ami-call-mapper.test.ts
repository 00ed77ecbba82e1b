import { describe, expect, it } from 'vitest';
import { AmiCallLog } from '../../test-support/ami-call-log.js';
import {
  parseBlocks,
  readEventsOnlyOriginate,
  readPanoramiskFixture,
  readSpecScenarios,
} from '../../test-support/ami-transcripts.js';
import { CallState } from '../call-session.js';
import { AmiCallMapper } from './ami-call-mapper.js';

function mapperFor(line: string, originateChannel = 'PJSIP/none') {
  const log = new AmiCallLog();
  const mapper = new AmiCallMapper({ line, originateChannel, emit: (event) => log.handle(event) });
  return { log, mapper };
}

function replay(line: string, blocks: readonly string[]) {
  const { log, mapper } = mapperFor(line);
  for (const message of parseBlocks(blocks)) mapper.handle(message);
  expect(log.dropped).toEqual([]); // every event fitted the call's state machine
  return log;
}

/** What a user sees of a call: direction, state, cause, number. */
const seen = (calls: readonly { direction: string; state: string; cause: string | null; remote: string }[]) =>
  calls.map(({ direction, state, cause, remote }) => ({ direction, state, cause, remote }));

describe('AmiCallMapper on the AMI v2 spec scenarios', () => {
  const spec = readSpecScenarios();
  const scenario = (n: string) => spec.get(n) ?? [];

  it('[4] a successful dial: the caller is connected, so is the called', () => {
    expect(seen(replay('PJSIP/kermit', scenario('4')).active())).toEqual([
      { direction: 'outgoing', state: CallState.Connected, cause: null, remote: '' },
    ]);
    expect(seen(replay('PJSIP/animal', scenario('4')).active())).toEqual([
      { direction: 'incoming', state: CallState.Connected, cause: null, remote: '' },
    ]);
  });

  it('[5] a dial that timed out: missed for the called, still dialling for the caller', () => {
    const animal = replay('PJSIP/animal', scenario('5'));
    expect(seen(animal.finished)).toEqual([
      { direction: 'incoming', state: CallState.Missed, cause: 'noAnswer', remote: '' },
    ]);
    const kermit = replay('PJSIP/kermit', scenario('5'));
    expect(seen(kermit.active())).toEqual([
      { direction: 'outgoing', state: CallState.Dialing, cause: null, remote: '' },
    ]);
  });

  it('[6] a parallel dial: one call for the caller, connected despite the cancelled leg', () => {
    const kermit = replay('PJSIP/kermit', scenario('6'));
    expect(kermit.events.filter((e) => e.type === 'dialing')).toHaveLength(1);
    expect(seen(kermit.active())).toEqual([
      { direction: 'outgoing', state: CallState.Connected, cause: null, remote: '' },
    ]);
    // Animal's phone rang too, but Dr. Teeth's answered: not missed, "answered by drteeth".
    const animal = replay('PJSIP/animal', scenario('6'));
    expect(seen(animal.finished)).toEqual([
      { direction: 'incoming', state: CallState.Ended, cause: 'cancel', remote: '' },
    ]);
    expect(animal.events.at(-1)).toMatchObject({
      type: 'ended',
      outcome: { kind: 'answeredElsewhere', by: { number: 'drteeth' } },
    });
    expect(replay('PJSIP/drteeth', scenario('6')).active()[0]?.state).toBe(CallState.Connected);
  });

  it('[3] [7] [8] channels that never dial nor are dialled make no call', () => {
    for (const n of ['3', '7', '8']) expect(replay('PJSIP/kermit', scenario(n)).events).toEqual([]);
  });

  it('[9] a call through a Local channel survives the optimisation that hangs the Local legs up', () => {
    const kermit = replay('PJSIP/kermit', scenario('9'));
    expect(kermit.active()).toMatchObject([
      { callId: 'asterisk-1368479150.0', direction: 'incoming', state: CallState.Connected },
    ]);
    expect(replay('PJSIP/gonzo', scenario('9')).active()[0]).toMatchObject({
      callId: 'asterisk-1368479150.0',
      direction: 'outgoing',
      state: CallState.Connected,
    });
  });
});

describe('AmiCallMapper on the panoramisk originate (Asterisk 11, 748 events)', () => {
  const full = readPanoramiskFixture('originate_with_events.ami.txt').replies;
  const filtered = readEventsOnlyOriginate().replies;

  it('sees the agent picked up the originated call, then the call to 254, both ended normally', () => {
    for (const line of ['SIP/ddddd', 'ddddd']) {
      const log = replay(line, full);
      expect(log.finished).toMatchObject([
        { callId: '1414510600.0', direction: 'incoming', state: CallState.Ended, cause: 'normalClearing' },
        {
          callId: '1414510600.0/2',
          direction: 'outgoing',
          state: CallState.Ended,
          cause: 'normalClearing',
          remote: '254',
          dialled: '254',
        },
      ]);
      expect(log.finished.every((call) => call.answeredAt !== null)).toBe(true);
    }
  });

  it('gives the called side an answered call from 259, and the filtered file the same calls', () => {
    expect(seen(replay('SIP/uuuuu', full).finished)).toEqual([
      { direction: 'incoming', state: CallState.Ended, cause: 'normalClearing', remote: '259' },
    ]);
    for (const line of ['SIP/ddddd', 'SIP/uuuuu'])
      expect(replay(line, filtered).events).toEqual(replay(line, full).events);
    expect(replay('259', full).events).toEqual([]); // no channel of the phone is named 259
  });
});
