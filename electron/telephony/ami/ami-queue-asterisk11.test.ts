/**
 * Asterisk 11 queues: a caller who gives up is journaled from `QueueCallerAbandon`, which
 * Asterisk 11 sends too (so its `Leave` is not needed to tell an abandon from an answer).
 *
 * Transcript: written for this test after apps/app_queue.c of Asterisk 11
 * (github.com/asterisk/asterisk, branch 11): `Join` (class call: `Channel`, `CallerIDNum`,
 * `CallerIDName`, `ConnectedLineNum`, `ConnectedLineName`, `Queue`, `Position`, `Count`,
 * `Uniqueid`), `record_abandoned` → `QueueCallerAbandon` (class agent: `Queue`, `Uniqueid`,
 * `Position`, `OriginalPosition`, `HoldTime`; no caller ID, hence the one `Join` gave), then
 * `leave_queue` → `Leave` (class call: `Channel`, `Queue`, `Count`, `Position`, `Uniqueid`), then
 * the channel's `Hangup` (main/channel.c).
 */
import { describe, expect, it } from 'vitest';
import { AmiCallLog } from '../../test-support/ami-call-log.js';
import { parseBlocks } from '../../test-support/ami-transcripts.js';
import { AmiCallMapper } from './ami-call-mapper.js';

const CALLER = 'SIP/trunk-0000002a';
const join = (queue: string, uniqueid: string) =>
  `Event: Join\nPrivilege: call,all\nChannel: ${CALLER}\nCallerIDNum: 02115551234\nCallerIDName: Ann\n` +
  `ConnectedLineNum: unknown\nConnectedLineName: unknown\nQueue: ${queue}\nPosition: 1\nCount: 1\nUniqueid: ${uniqueid}`;
const abandon = (queue: string, uniqueid: string) =>
  `Event: QueueCallerAbandon\nPrivilege: agent,all\nQueue: ${queue}\nUniqueid: ${uniqueid}\nPosition: 1\n` +
  'OriginalPosition: 1\nHoldTime: 42';
const leave = (queue: string, uniqueid: string) =>
  `Event: Leave\nPrivilege: call,all\nChannel: ${CALLER}\nQueue: ${queue}\nCount: 0\nPosition: 1\nUniqueid: ${uniqueid}`;
const hangup = (uniqueid: string) =>
  `Event: Hangup\nPrivilege: call,all\nChannel: ${CALLER}\nUniqueid: ${uniqueid}\nCallerIDNum: 02115551234\n` +
  'CallerIDName: Ann\nConnectedLineNum: <unknown>\nConnectedLineName: <unknown>\nAccountCode: \nCause: 16\nCause-txt: Normal Clearing';

describe('Asterisk 11 queues', () => {
  it('journals a caller who gave up in a listed queue, with the number its Join gave', () => {
    const log = new AmiCallLog();
    const mapper = new AmiCallMapper({
      line: 'SIP/12',
      originateChannel: 'SIP/12',
      emit: (event) => log.handle(event),
      abandonedQueues: new Set(['Support']),
    });
    const events = [
      join('Sales', '1400.1'),
      abandon('Sales', '1400.1'),
      leave('Sales', '1400.1'),
      hangup('1400.1'),
      join('Support', '1400.5'),
      abandon('Support', '1400.5'),
      leave('Support', '1400.5'),
      hangup('1400.5'),
    ];
    for (const message of parseBlocks(events)) mapper.handle(message);
    expect(log.events).toEqual([
      {
        type: 'offering',
        callId: '1400.5',
        line: 'SIP/12',
        remote: '02115551234',
        name: 'Ann',
        queue: 'Support',
        ringsHere: false,
      },
      { type: 'ended', callId: '1400.5', outcome: { kind: 'abandoned', queue: 'Support' } },
    ]);
  });
});
