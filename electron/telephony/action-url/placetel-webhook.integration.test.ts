/**
 * Placetel notifications to the action-url listener over real HTTP on loopback, with XML replies
 * read by an XML parser.
 *
 * Source of the transcribed cases: zammad/zammad, spec/requests/integration/placetel_spec.rb
 * (stored commit 0b6010c390fa7af469a3a4f08d284ae70527e0d3): "does token check", "does basic call",
 * "does log call", "does log call with peer" — the same form bodies, the same settings (routing
 * table `41*` and `491714000000` → `41715880339000`, default caller ID `4930777000000`, blocked
 * `491715000000`) and the same replies; the calls' outcome follows Zammad's `done` flag and its
 * Placetel driver (app/models/cti/driver/placetel.rb, same commit): `type=missed` → `cancel`,
 * `accepted` → `normalClearing`, answered only after `CallAccepted`, voicemail not answered.
 * Zammad's lookups of Placetel users by `peer` (an API call) are not part of Ringdesk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseXml, post, startListener, type Listener } from '../../test-support/action-url-listener.js';

const TOKEN = 'placetel-token-0123456789';
const listeners: Listener[] = [];
afterEach(async () => {
  for (const listener of listeners.splice(0)) await listener.provider.disconnect();
});

const ZAMMAD_CONFIG = {
  outbound: [
    { dest: '41*', callerId: '41715880339000' },
    { dest: '491714000000', callerId: '41715880339000' },
  ],
  defaultCallerId: '4930777000000',
};

async function placetel(settings: object = { placetel: ZAMMAD_CONFIG }) {
  const listener = await startListener(TOKEN, settings, (remote) => remote === '+491715000000');
  listeners.push(listener);
  const send = async (body: string, token = TOKEN) => {
    const answer = await post(`${listener.base}/api/v1/placetel/${token}`, body);
    expect(answer.contentType).toMatch(/^application\/xml/);
    return { status: answer.status, xml: parseXml(answer.text) };
  };
  return { ...listener, send };
}

describe('Placetel (Zammad placetel_spec.rb)', () => {
  it('does token check: 401 with an XML error, and no call', async () => {
    const { send, tracker } = await placetel();
    const reply = await send(
      'event=IncomingCall&from=01114100300&to=030600000000&call_id=4991155921769858278-1',
      'not_existing_token',
    );
    expect(reply.status).toBe(401);
    expect(reply.xml).toEqual({ Response: { Error: 'Invalid token, please contact your admin!' } });
    expect(tracker.active()).toEqual([]);
  });

  it('does basic call: an empty Response, Reject busy for a blocked caller, Dial with the caller ID', async () => {
    const { send } = await placetel();
    let reply = await send(
      'event=IncomingCall&from=01114100300&to=030600000000&call_id=4991155921769858278-1',
    );
    expect(reply.status).toBe(200);
    expect(reply.xml).toEqual({ Response: '' });
    reply = await send('event=IncomingCall&from=491715000000&to=030600000000&call_id=4991155921769858278-2');
    expect(reply.xml).toEqual({ Response: { Reject: { '@reason': 'busy' } } });
    for (const [to, callerId, id] of [
      ['01114100300', '4930777000000', '3'],
      ['491714000000', '41715880339000', '4'],
      ['4147110000000', '41715880339000', '5'],
    ] as const) {
      reply = await send(
        `event=OutgoingCall&direction=out&from=030600000000&to=${to}&call_id=8621106404543334274-${id}`,
      );
      expect(reply.status).toBe(200);
      expect(reply.xml).toEqual({ Response: { Dial: { '@callerId': callerId, Number: to } } });
    }
  });

  it('answers 422 with an XML error when Placetel is not set up on the line', async () => {
    const { send } = await placetel({});
    const reply = await send(
      'event=IncomingCall&from=01114100300&to=030600000000&call_id=4991155921769858278-6',
    );
    expect(reply.status).toBe(422);
    expect(reply.xml).toEqual({ Response: { Error: 'Feature not configured, please contact your admin!' } });
  });

  it('does log call: answered only after CallAccepted, voicemail and unanswered calls missed', async () => {
    const { send, finished, tracker, dropped } = await placetel();
    const steps = [
      'event=OutgoingCall&direction=out&from=030600000000&to=01114100300&call_id=1234567890-1',
      'event=HungUp&call_id=1234567890-1&type=missed',
      'event=OutgoingCall&direction=out&from=030600000000&to=01114100300&call_id=1234567890-2',
      'event=CallAccepted&call_id=1234567890-2&from=030600000000&to=01114100300',
      'event=HungUp&call_id=1234567890-2&type=accepted&from=030600000000&to=01114100300',
      'event=IncomingCall&to=030600000000&from=01114100300&call_id=1234567890-3',
      'event=CallAccepted&call_id=1234567890-3&to=030600000000&from=01114100300',
      'event=HungUp&call_id=1234567890-3&type=accepted&to=030600000000&from=01114100300',
      'event=IncomingCall&to=030600000000&from=01114100300&call_id=1234567890-4',
      'event=CallAccepted&call_id=1234567890-4&to=030600000000&from=01114100300&user=voicemail',
      'event=HungUp&call_id=1234567890-4&type=accepted&to=030600000000&from=01114100300',
      'event=IncomingCall&to=030600000000&from=01114100300&call_id=1234567890-5',
      'event=HungUp&call_id=1234567890-5&type=accepted&to=030600000000&from=01114100300',
      'event=IncomingCall&to=030600000000&from=49999992222222&call_id=1234567890-6',
      'event=IncomingCall&to=030600000000&from=anonymous&call_id=1234567890-7',
    ];
    for (const body of steps) expect((await send(body)).status).toBe(200);
    expect(
      finished.map(({ call }) => [
        call.callId,
        call.direction,
        call.remote,
        call.state,
        call.cause,
        call.answeredAt !== null,
      ]),
    ).toEqual([
      ['1234567890-1', 'outgoing', '01114100300', 'ended', 'cancel', false],
      ['1234567890-2', 'outgoing', '01114100300', 'ended', 'normalClearing', true],
      ['1234567890-3', 'incoming', '01114100300', 'ended', 'normalClearing', true],
      ['1234567890-4', 'incoming', '01114100300', 'missed', 'normalClearing', false],
      ['1234567890-5', 'incoming', '01114100300', 'missed', 'normalClearing', false],
    ]);
    expect(tracker.active().map((call) => [call.callId, call.remote, call.state])).toEqual([
      ['1234567890-6', '+49999992222222', 'ringing'],
      ['1234567890-7', 'anonymous', 'ringing'],
    ]);
    expect(dropped).toEqual([]);
  });

  it('does log call with peer: a Placetel SIP user as caller, a national number as callee', async () => {
    const { send, tracker } = await placetel();
    const steps = [
      'event=OutgoingCall&direction=out&from=030600000000&to=01114100300&call_id=1234567890-1&peer=something@example.com',
      'event=OutgoingCall&direction=out&to=099999222222&call_id=1234567890-2&from=777008478072@example.com',
      'event=IncomingCall&direction=in&to=030600000000&from=012345&call_id=1234567890-3&peer=777008478072@example.com',
    ];
    for (const body of steps) expect((await send(body)).status).toBe(200);
    expect(tracker.active().map((call) => [call.callId, call.direction, call.remote])).toEqual([
      ['1234567890-1', 'outgoing', '01114100300'],
      ['1234567890-2', 'outgoing', '099999222222'],
      ['1234567890-3', 'incoming', '012345'],
    ]);
  });

  it('ends a call with each HungUp type Zammad maps, and answers an unknown event 422 in XML', async () => {
    const { send, finished } = await placetel();
    for (const type of ['missed', 'voicemail', 'blocked']) {
      await send(`event=IncomingCall&from=01114100300&to=030600000000&call_id=t-${type}`);
      await send(`event=HungUp&call_id=t-${type}&type=${type}`);
    }
    expect(finished.map(({ call }) => [call.callId, call.state, call.cause])).toEqual([
      ['t-missed', 'missed', 'cancel'],
      ['t-voicemail', 'missed', 'voicemail'],
      ['t-blocked', 'missed', 'blocked'],
    ]);
    const unknown = await send('event=Transfer&call_id=t-x');
    expect(unknown.status).toBe(422);
    expect(unknown.xml).toEqual({ Response: { Error: 'Invalid event!' } });
  });
});
