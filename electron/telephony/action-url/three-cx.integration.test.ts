/**
 * 3CX through the Zammad CTI endpoint, over real HTTP on loopback, as 3CX's Zammad CRM template
 * sends it.
 *
 * Source: Mancy/Zammad_3CX, zammad.xml (stored commit 1b340af1e140196451578c5d789d97527627a4f7):
 * the contact-lookup scenario posts `event=newCall`, `callId=[Number]`, `to=[tofield]`,
 * `from=[Number]`, `direction=in` (URL-encoded); the ReportCall scenario posts `event=hangup`
 * with the same `callId`, `direction` `in` for Inbound/Missed else `out`, `cause` `noAnswer` for
 * Notanswered/Missed else `normalClearing`, and `CallType`, `Number`, `Agent`, `Duration`,
 * `DurationTimespan`, `DateTime` and the call's start and end times. It never sends `answer`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { post, startListener, type Listener } from '../../test-support/action-url-listener.js';

const TOKEN = 'three-cx-token-0123456789';
const listeners: Listener[] = [];
afterEach(async () => {
  for (const listener of listeners.splice(0)) await listener.provider.disconnect();
});

async function threeCx() {
  const listener = await startListener(TOKEN, { zammad: {} });
  listeners.push(listener);
  const send = async (values: Record<string, string>) => {
    const answer = await post(`${listener.base}/api/v1/cti/${TOKEN}`, new URLSearchParams(values).toString());
    return { status: answer.status, body: JSON.parse(answer.text) as unknown };
  };
  return { ...listener, send };
}

/** The lookup scenario's newCall for a call from `number`. */
const newCall = (number: string) => ({
  event: 'newCall',
  callId: number,
  to: 'CustomerService',
  from: number,
  direction: 'in',
});

/** The ReportCall scenario's hang-up, with the template's own direction and cause rules. */
function reportCall(number: string, callType: 'Inbound' | 'Missed' | 'Outbound' | 'Notanswered') {
  return {
    event: 'hangup',
    callId: number,
    to: '101',
    from: number,
    direction: callType === 'Inbound' || callType === 'Missed' ? 'in' : 'out',
    cause: callType === 'Notanswered' || callType === 'Missed' ? 'noAnswer' : 'normalClearing',
    CallType: callType,
    Number: number,
    Agent: '101',
    Duration: '00:01:05',
    DurationTimespan: '1',
    DateTime: '06.12.2026 12:00:00',
    CallStartTimeLocal: '2026-12-06T13:00:00Z',
    CallStartTimeUTC: '2026-12-06T12:00:00Z',
    CallEndTimeLocal: '2026-12-06T13:01:05Z',
    CallEndTimeUTC: '2026-12-06T12:01:05Z',
  };
}

describe("3CX's Zammad template on the Zammad endpoint", () => {
  it('takes answered from CallType: Inbound was answered, Missed was not', async () => {
    const { send, finished, dropped } = await threeCx();
    expect(await send(newCall('02115551234'))).toEqual({ status: 200, body: {} });
    expect(await send(reportCall('02115551234', 'Inbound'))).toEqual({ status: 200, body: {} });
    await send(newCall('0301234567'));
    await send(reportCall('0301234567', 'Missed'));
    expect(
      finished.map(({ call }) => [call.remote, call.state, call.cause, call.answeredAt !== null]),
    ).toEqual([
      ['02115551234', 'ended', 'normalClearing', true],
      ['0301234567', 'missed', 'noAnswer', false],
    ]);
    expect(dropped).toEqual([]);
  });

  it('keeps a repeated call from the same number (the same callId) as its own call', async () => {
    const { send, finished, tracker } = await threeCx();
    await send(newCall('02115551234'));
    await send(reportCall('02115551234', 'Missed'));
    await send(newCall('02115551234'));
    expect(tracker.active().map((call) => [call.callId, call.state])).toEqual([['02115551234', 'ringing']]);
    await send(reportCall('02115551234', 'Inbound'));
    expect(finished.map(({ call }) => [call.callId, call.state])).toEqual([
      ['02115551234', 'missed'],
      ['02115551234', 'ended'],
    ]);
  });
});
