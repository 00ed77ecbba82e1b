/**
 * ha-sip web-hook events to the action-url listener over real HTTP on loopback.
 *
 * Sources of the transcribed events:
 * - arnonym/ha-plugins, README.md, section "Web-hooks" (the stored version documenting
 *   `sip_account` and `internal_id`; an older stored version, commit
 *   fc1b6ea09c35f560906411c42dfac19a4f5182f9, documents the same events without them): the JSON of
 *   `incoming_call`, `call_established`, `entered_menu`, `dtmf_digit`, `call_disconnected`,
 *   `playback_done`, `ring_timeout` and `timeout`.
 * - arnonym/ha-plugins, ha-sip/src/webhook.py (stored commit
 *   009bece85f71df2a978a6a485e5ee07f9ffcd7c7): the base fields every event carries in newer
 *   versions (`called`, `parsed_called`, `call_id`, `internal_id`, `headers`), and `caller`
 *   `unknown` when ha-sip has no call info.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { post, startListener, type Listener } from '../../test-support/action-url-listener.js';

const TOKEN = 'ha-sip-token-0123456789';
const listeners: Listener[] = [];
afterEach(async () => {
  for (const listener of listeners.splice(0)) await listener.provider.disconnect();
});

async function haSip(settings: object = { haSip: {} }) {
  const listener = await startListener(TOKEN, settings);
  listeners.push(listener);
  const send = async (body: object | string) => {
    const answer = await post(`${listener.base}/api/v1/ha-sip/${TOKEN}`, body);
    return { status: answer.status, body: JSON.parse(answer.text) as unknown };
  };
  return { ...listener, send };
}

/** The README's fields for a call from 5551234456 on account `account`. */
const readme = (event: string, account = 1, extra: object = {}) => ({
  event,
  caller: '<sip:5551234456@fritz.box>',
  parsed_caller: '5551234456',
  sip_account: account,
  internal_id: 'something-unique',
  ...extra,
});

describe('ha-sip web-hooks (ha-sip README, "Web-hooks")', () => {
  it('follows a documented call that is answered and hung up, and ignores the events between', async () => {
    const { send, finished, tracker, dropped } = await haSip();
    expect(await send(readme('incoming_call'))).toEqual({ status: 200, body: {} });
    expect(tracker.active().map((call) => [call.remote, call.state])).toEqual([['5551234456', 'ringing']]);
    for (const event of [
      readme('call_established'),
      readme('entered_menu', 1, { menu_id: 'owner' }),
      readme('dtmf_digit', 1, { digit: '1' }),
      readme('playback_done', 1, { type: 'message', message: 'message that has been played' }),
      readme('timeout', 1, { menu_id: 'main' }),
    ])
      expect((await send(event)).status).toBe(200);
    expect(tracker.active().map((call) => call.state)).toEqual(['connected']);
    expect((await send(readme('call_disconnected'))).status).toBe(200);
    expect(
      finished.map(({ call }) => [call.direction, call.remote, call.state, call.answeredAt !== null]),
    ).toEqual([['incoming', '5551234456', 'ended', true]]);
    expect(dropped).toEqual([]);
  });

  it('records a call that is disconnected before it was established as missed', async () => {
    const { send, finished } = await haSip();
    await send(readme('incoming_call'));
    await send(readme('ring_timeout'));
    await send(readme('call_disconnected'));
    expect(finished.map(({ call }) => [call.remote, call.state])).toEqual([['5551234456', 'missed']]);
  });

  it('tells calls apart by account and caller: a hang-up on one account ends only its call', async () => {
    const { send, finished, tracker } = await haSip();
    await send(readme('incoming_call', 1));
    await send(readme('incoming_call', 2));
    await send({
      event: 'incoming_call',
      caller: '<sip:0301234567@fritz.box>',
      parsed_caller: '0301234567',
      sip_account: 1,
    });
    await send(readme('call_established', 2));
    await send(readme('call_disconnected', 2));
    expect(finished.map(({ call }) => [call.remote, call.state])).toEqual([['5551234456', 'ended']]);
    expect(tracker.active().map((call) => [call.remote, call.state])).toEqual([
      ['5551234456', 'ringing'],
      ['0301234567', 'ringing'],
    ]);
    await send(readme('call_disconnected', 1));
    expect(finished.map(({ call }) => [call.remote, call.state]).at(-1)).toEqual(['5551234456', 'missed']);
  });

  it("reads newer ha-sip's full events, and the caller's URI when parsed_caller is missing", async () => {
    const { send, finished } = await haSip();
    const newer = {
      caller: '"Anna" <sip:+492111234567@sip.example.com>',
      called: '<sip:12@fritz.box>',
      parsed_caller: null,
      parsed_called: '12',
      sip_account: 1,
      call_id: 'a84b4c76e66710@pc33.example.com',
      internal_id: 'x-1',
      headers: { 'X-Custom': 'value' },
    };
    await send({ event: 'incoming_call', ...newer });
    await send({ event: 'call_established', ...newer });
    await send({ event: 'call_disconnected', ...newer });
    expect(finished.map(({ call }) => [call.remote, call.state])).toEqual([['+492111234567', 'ended']]);
  });

  it('answers an event it cannot place 200 without a change, and one without a name 422', async () => {
    const { send, tracker, finished } = await haSip();
    expect(await send(readme('call_disconnected', 7))).toEqual({ status: 200, body: {} });
    expect(await send({ event: 'call_established', caller: 'unknown', sip_account: '__proto__' })).toEqual({
      status: 200,
      body: {},
    });
    expect(await send({ caller: '<sip:1@x>' })).toEqual({ status: 422, body: { error: 'Invalid event!' } });
    expect(tracker.active()).toEqual([]);
    // Keys named like Object's members are just keys: the call still rings and ends.
    await send({ event: 'incoming_call', caller: '<sip:constructor@x>', sip_account: '__proto__' });
    await send({ event: 'call_disconnected', caller: '<sip:constructor@x>', sip_account: '__proto__' });
    expect(finished.map(({ call }) => [call.remote, call.state])).toEqual([['constructor', 'missed']]);
  });

  it('is off unless switched on (404), and needs the token (401)', async () => {
    const off = await haSip({ zammad: {} });
    expect(await off.send(readme('incoming_call'))).toEqual({
      status: 404,
      body: { error: 'ha-sip web-hooks are not enabled on this line (line.haSip)' },
    });
    const on = await haSip();
    const wrong = await post(`${on.base}/api/v1/ha-sip/wrong-token-0000000000`, readme('incoming_call'));
    expect(wrong.status).toBe(401);
    expect(on.tracker.active()).toEqual([]);
  });
});
