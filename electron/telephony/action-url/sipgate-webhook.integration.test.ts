/**
 * sipgate.io pushes to the action-url listener over real HTTP on loopback, with XML replies read
 * by an XML parser.
 *
 * Sources of the transcribed cases:
 * - zammad/zammad, spec/requests/integration/sipgate_spec.rb (stored commit
 *   0b9e6676f85c1709abb59d9992149352c1317855): "does basic call", "does log call", "alternative
 *   fqdn" — the same form bodies, the same settings (routing table `41*` and `491714000000` →
 *   `41715880339000`, default caller ID `4930777000000`, blocked `491715000000`), the same
 *   expected replies; Zammad's URL has no token and its callbacks go to its FQDN, ours carry the
 *   token and go to `publicUrl`.
 * - sipgate/sipgate.io, README.md (stored commit bd2d1e4ce8204c947fad7b88d53e09aab122649b):
 *   the cURL examples of newCall, answer, hangup and dtmf, the hang-up causes, and the FAQ's
 *   transfer sequence (callId changes, `origCallId`, `diversion`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseXml, post, startListener, type Listener } from '../../test-support/action-url-listener.js';

const TOKEN = 'sipgate-token-0123456789';
const PUBLIC = 'http://zammad.example.com';
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

async function sipgate(settings: object = { sipgate: ZAMMAD_CONFIG, publicUrl: PUBLIC }) {
  const listener = await startListener(TOKEN, settings, (remote) => remote === '+491715000000');
  listeners.push(listener);
  const send = async (direction: 'in' | 'out', body: string) => {
    const answer = await post(`${listener.base}/api/v1/sipgate/${TOKEN}/${direction}`, body);
    expect(answer.contentType).toMatch(/^application\/xml/);
    return { status: answer.status, xml: parseXml(answer.text) };
  };
  return { ...listener, send };
}

type Tree = Record<string, unknown>;
const response = (xml: Tree) => xml.Response as Tree;
const callback = (direction: string) => `${PUBLIC}/api/v1/sipgate/${TOKEN}/${direction}`;

describe('sipgate.io push API (Zammad sipgate_spec.rb, "does basic call")', () => {
  it('asks for answer and hang-up, rejects a blocked caller busy, and sets the outbound caller ID', async () => {
    const { send } = await sipgate();
    // inbound - I
    let reply = await send(
      'in',
      'event=newCall&direction=in&from=4912347114711&to=4930600000000&callId=4991155921769858278-1&user%5B%5D=user+1&user%5B%5D=user+2',
    );
    expect(reply.status).toBe(200);
    expect(response(reply.xml)).toEqual({ '@onAnswer': callback('in'), '@onHangup': callback('in') });
    // inbound - II - block caller
    reply = await send(
      'in',
      'event=newCall&direction=in&from=491715000000&to=4930600000000&callId=4991155921769858278-2&user%5B%5D=user+1&user%5B%5D=user+2',
    );
    expect(response(reply.xml)).toEqual({
      '@onAnswer': callback('in'),
      '@onHangup': callback('in'),
      Reject: { '@reason': 'busy' },
    });
    // outbound - I - default caller ID; II - routing table, exact; III - routing table, 41*
    for (const [to, callerId] of [
      ['4912347114711', '4930777000000'],
      ['491714000000', '41715880339000'],
      ['4147110000000', '41715880339000'],
    ] as const) {
      reply = await send(
        'out',
        `event=newCall&direction=out&from=4930600000000&to=${to}&callId=8621106404543334274-${to}&user%5B%5D=user+1`,
      );
      expect(reply.status).toBe(200);
      expect(response(reply.xml)).toEqual({
        '@onAnswer': callback('out'),
        '@onHangup': callback('out'),
        Dial: { '@callerId': callerId, Number: to },
      });
    }
  });

  it('answers 422 with an XML error when sipgate.io is not set up on the line', async () => {
    const { send } = await sipgate({});
    const reply = await send(
      'in',
      'event=newCall&direction=in&from=4912347114711&to=4930600000000&callId=4991155921769858278-6&user%5B%5D=user+1&user%5B%5D=user+2',
    );
    expect(reply.status).toBe(422);
    expect(response(reply.xml)).toEqual({ Error: 'Feature not configured, please contact your admin!' });
  });

  it('calls back at the configured public address ("alternative fqdn")', async () => {
    const { send } = await sipgate({ sipgate: {}, publicUrl: 'https://external.host.example.com:8443/' });
    const reply = await send(
      'in',
      'event=newCall&direction=in&from=4912347114711&to=4930600000000&callId=4991155921769858278-1&user%5B%5D=user+1&user%5B%5D=user+2',
    );
    const url = `https://external.host.example.com:8443/api/v1/sipgate/${TOKEN}/in`;
    expect(response(reply.xml)).toEqual({ '@onAnswer': url, '@onHangup': url });
  });
});

describe('sipgate.io calls (Zammad sipgate_spec.rb, "does log call")', () => {
  it('ends, connects and misses calls as Zammad logs them, voicemail counting as missed', async () => {
    const { send, finished, tracker, dropped } = await sipgate();
    const steps: [string, string][] = [
      [
        'out',
        'event=newCall&direction=out&from=4930600000000&to=4912347114711&callId=1234567890-1&user%5B%5D=user+1',
      ],
      ['out', 'event=hangup&direction=out&callId=1234567890-1&cause=cancel'],
      [
        'out',
        'event=newCall&direction=out&from=4930600000000&to=4912347114711&callId=1234567890-2&user%5B%5D=user+1',
      ],
      ['out', 'event=answer&direction=out&callId=1234567890-2&from=4930600000000&to=4912347114711'],
      [
        'out',
        'event=hangup&direction=out&callId=1234567890-2&cause=normalClearing&from=4930600000000&to=4912347114711',
      ],
      [
        'in',
        'event=newCall&direction=in&to=4930600000000&from=4912347114711&callId=1234567890-3&user%5B%5D=user+1',
      ],
      ['in', 'event=answer&direction=in&callId=1234567890-3&to=4930600000000&from=4912347114711'],
      [
        'in',
        'event=hangup&direction=in&callId=1234567890-3&cause=normalClearing&to=4930600000000&from=4912347114711',
      ],
      [
        'in',
        'event=newCall&direction=in&to=4930600000000&from=4912347114711&callId=1234567890-4&user%5B%5D=user+1,user+2',
      ],
      [
        'in',
        'event=answer&direction=in&callId=1234567890-4&to=4930600000000&from=4912347114711&user=voicemail',
      ],
      [
        'in',
        'event=hangup&direction=in&callId=1234567890-4&cause=normalClearing&to=4930600000000&from=4912347114711',
      ],
      [
        'in',
        'event=newCall&direction=in&to=4930600000000&from=4912347114711&callId=1234567890-5&user%5B%5D=user+1,user+2',
      ],
      [
        'in',
        'event=hangup&direction=in&callId=1234567890-5&cause=normalClearing&to=4930600000000&from=4912347114711',
      ],
      [
        'in',
        'event=newCall&direction=in&to=4930600000000&from=49999992222222&callId=1234567890-6&user%5B%5D=user+1,user+2',
      ],
    ];
    for (const [direction, body] of steps)
      expect((await send(direction as 'in' | 'out', body)).status).toBe(200);
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
      ['1234567890-1', 'outgoing', '+4912347114711', 'ended', 'cancel', false],
      ['1234567890-2', 'outgoing', '+4912347114711', 'ended', 'normalClearing', true],
      ['1234567890-3', 'incoming', '+4912347114711', 'ended', 'normalClearing', true],
      ['1234567890-4', 'incoming', '+4912347114711', 'missed', 'normalClearing', false],
      ['1234567890-5', 'incoming', '+4912347114711', 'missed', 'normalClearing', false],
    ]);
    // The last call still rings: sipgate has not hung it up yet.
    expect(tracker.active().map((call) => [call.callId, call.remote, call.state])).toEqual([
      ['1234567890-6', '+49999992222222', 'ringing'],
    ]);
    expect(dropped).toEqual([]);
  });
});

describe("sipgate.io's API reference (README cURL examples, causes, transfers)", () => {
  it('follows the documented newCall, answer and hangup, and answers dtmf 200 without a change', async () => {
    const { send, finished } = await sipgate();
    let reply = await send(
      'in',
      'event=newCall&from=492111234567&to=4915791234567&direction=in&callId=123456&user[]=Alice&user[]=Bob&userId[]=w0&userId[]=w1&fullUserId[]=1234567w0&fullUserId[]=1234567w1',
    );
    expect(response(reply.xml)['@onHangup']).toBe(callback('in'));
    reply = await send(
      'in',
      'event=answer&callId=123456&user=John+Doe&userId=w0&fullUserId=1234567w0&from=492111234567&to=4915791234567&direction=in&answeringNumber=21199999999',
    );
    expect(reply.status).toBe(200);
    reply = await send('in', 'event=dtmf&dtmf=1&callId=123456');
    expect(reply.status).toBe(200);
    expect(reply.xml).toEqual({ Response: '' });
    reply = await send(
      'in',
      'event=hangup&cause=normalClearing&callId=123456&from=492111234567&to=4915791234567&direction=in&answeringNumber=4921199999999',
    );
    expect(reply.status).toBe(200);
    expect(finished.map(({ call }) => [call.callId, call.remote, call.state, call.cause])).toEqual([
      ['123456', '+492111234567', 'ended', 'normalClearing'],
    ]);
  });

  it('ends a ringing call with each documented cause; only a forwarded leg is not missed', async () => {
    const { send, finished } = await sipgate();
    const causes = ['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'];
    for (const cause of causes) {
      await send(
        'in',
        `event=newCall&from=492111234567&to=4915791234567&direction=in&callId=c-${cause}&user[]=Alice`,
      );
      await send(
        'in',
        `event=hangup&cause=${cause}&callId=c-${cause}&from=492111234567&to=4915791234567&direction=in`,
      );
    }
    // A forwarded leg went elsewhere: ended, not missed; every other unanswered end is missed.
    expect(finished.map(({ call }) => [call.callId, call.cause, call.state])).toEqual(
      causes.map((cause) => [`c-${cause}`, cause, cause === 'forwarded' ? 'ended' : 'missed']),
    );
  });

  it('follows a transfer: the new leg is its own call, with the caller as its number', async () => {
    const { send, finished } = await sipgate();
    const jennifer = 'from=492111234567&to=4921100000001&direction=in';
    await send('in', `event=newCall&${jennifer}&callId=12111955&user[]=Doc`);
    await send('in', `event=answer&${jennifer}&callId=12111955&user=Doc`);
    await send(
      'in',
      `event=newCall&${jennifer}&callId=21102015&origCallId=12111955&diversion=4921100000001&user[]=Marty`,
    );
    await send('in', `event=answer&${jennifer}&callId=21102015&origCallId=12111955&user=Marty`);
    await send('in', `event=hangup&${jennifer}&callId=12111955&cause=normalClearing`);
    await send('in', `event=hangup&${jennifer}&callId=21102015&origCallId=12111955&cause=normalClearing`);
    expect(finished.map(({ call }) => [call.callId, call.remote, call.state])).toEqual([
      ['12111955', '+492111234567', 'ended'],
      ['21102015', '+492111234567', 'ended'],
    ]);
  });

  it('keeps an anonymous caller as anonymous', async () => {
    const { send, tracker } = await sipgate();
    await send('in', 'event=newCall&from=anonymous&to=4915791234567&direction=in&callId=anon-1&user[]=Alice');
    expect(tracker.active().map((call) => call.remote)).toEqual(['anonymous']);
  });
});

describe('the URLs to paste', () => {
  it('names every native endpoint with the public address sipgate and Placetel use', async () => {
    const listener = await startListener(TOKEN, {
      sipgate: {},
      placetel: {},
      haSip: {},
      publicUrl: 'https://ringdesk.example.com:8765',
    });
    listeners.push(listener);
    const [endpoints] = await listener.provider.selfTest();
    expect(endpoints?.ok).toBe(true);
    expect(endpoints?.detail.split('; ')).toEqual([
      'sipgate.io: POST https://ringdesk.example.com:8765/api/v1/sipgate/<token>/in and https://ringdesk.example.com:8765/api/v1/sipgate/<token>/out (sipgate calls back at https://ringdesk.example.com:8765: it must reach that address)',
      'Placetel: POST https://ringdesk.example.com:8765/api/v1/placetel/<token>',
      `ha-sip: POST ${listener.base}/api/v1/ha-sip/<token>`,
    ]);
  });
});

describe('sipgate following the reply', () => {
  it('reaches the listener at the callback URLs it was given, whatever the token holds', async () => {
    const token = 'odd/token%with spaces+&=0123';
    const listener = await startListener(token, { sipgate: {}, publicUrl: PUBLIC });
    listeners.push(listener);
    const ring = await post(
      `${listener.base}/api/v1/sipgate/${encodeURIComponent(token)}/in`,
      'event=newCall&from=492111234567&to=4915791234567&direction=in&callId=follow-1',
    );
    const given = response(parseXml(ring.text));
    // sipgate posts to exactly these URLs; here the public host is this loopback listener.
    const onAnswer = String(given['@onAnswer']).replace(PUBLIC, listener.base);
    const onHangup = String(given['@onHangup']).replace(PUBLIC, listener.base);
    expect((await post(onAnswer, 'event=answer&callId=follow-1&user=Alice&direction=in')).status).toBe(200);
    expect(
      (await post(onHangup, 'event=hangup&cause=normalClearing&callId=follow-1&direction=in')).status,
    ).toBe(200);
    expect(listener.finished.map(({ call }) => [call.callId, call.state, call.answeredAt !== null])).toEqual([
      ['follow-1', 'ended', true],
    ]);
  });
});

describe('sipgate.io endpoint guards', () => {
  it('answers a wrong token 401 and a GET 405, both in XML, and changes nothing', async () => {
    const { base, tracker, send } = await sipgate();
    const wrong = await post(
      `${base}/api/v1/sipgate/not-the-token-000000/in`,
      'event=newCall&from=1&callId=x',
    );
    expect(wrong.status).toBe(401);
    expect(wrong.contentType).toMatch(/^application\/xml/);
    expect(response(parseXml(wrong.text))).toEqual({ Error: 'Invalid token, please contact your admin!' });
    const get = await fetch(`${base}/api/v1/sipgate/${TOKEN}/in?event=newCall&from=1&callId=y`);
    expect(get.status).toBe(405);
    expect(response(parseXml(await get.text())).Error).toBe('use POST');
    expect(tracker.active()).toEqual([]);
    // ... and a valid push right after still rings.
    await send('in', 'event=newCall&from=492111234567&to=4915791234567&direction=in&callId=after');
    expect(tracker.active().map((call) => call.callId)).toEqual(['after']);
  });

  it('keeps the token out of the request log, callback URLs included', async () => {
    const { send, provider } = await sipgate();
    await send('in', 'event=newCall&from=492111234567&to=4915791234567&direction=in&callId=log-1');
    const log = JSON.stringify(provider.requestLog());
    expect(log).not.toContain(TOKEN);
    expect(log).toContain(`${PUBLIC}/api/v1/sipgate/***/in`);
  });
});
