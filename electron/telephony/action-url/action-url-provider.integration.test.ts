/** The action-url line over real HTTP on loopback: Zammad, KIX and desk-phone requests. */
import { afterEach, describe, expect, it } from 'vitest';
import { errorInfoOf } from '../../contract/error-info.js';
import { errorWords } from '../../contract/error-words.js';
import { httpRequest, rawRequest } from '../../test-support/raw-http.js';
import { CallTracker } from '../call-tracker.js';
import type { LineEvent } from '../line-provider.js';
import { ActionUrlProvider } from './action-url-provider.js';
import { actionUrlLineSchema } from './action-url-settings.js';

const TOKEN = 'test-token-0123456789';
const providers: ActionUrlProvider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) await provider.disconnect();
});

async function start(
  settings: object = {},
  isBlocked?: (remote: string) => boolean,
  onError?: (message: string) => void,
) {
  const provider = new ActionUrlProvider(
    actionUrlLineSchema.parse({
      provider: 'action-url',
      line: '12',
      listen: '127.0.0.1:0',
      token: TOKEN,
      zammad: {},
      kix: {},
      phone: {},
      ...settings,
    }),
    {
      env: {},
      ...(isBlocked === undefined ? {} : { isBlocked }),
      ...(onError === undefined ? {} : { onError }),
    },
  );
  providers.push(provider);
  const events: LineEvent[] = [];
  const calls = new CallTracker(Date.now);
  const finished: ReturnType<CallTracker['handle']>[] = [];
  provider.onEvent((event) => {
    events.push(event);
    const change = calls.handle(event);
    if (change?.kind === 'finished') finished.push(change);
  });
  await provider.connect();
  const base = `http://127.0.0.1:${provider.address()!.port}`;
  return { provider, events, calls, finished, base };
}

const get = (url: string) =>
  fetch(url).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as unknown,
  }));

describe('action-url listener', () => {
  it('follows a KIX incoming call that is answered and hung up, correlated by call id', async () => {
    const { base, finished, provider } = await start();
    for (const action of ['INCOMING', 'CONNECTED', 'HANGUP']) {
      expect(
        (await get(`${base}/cti.pl?Action=${action}&Src=02115551234&Dest=12&CallID=k-1&token=${TOKEN}`))
          .status,
      ).toBe(200);
    }
    expect(finished.map((change) => [change?.call.callId, change?.call.state, change?.call.remote])).toEqual([
      ['k-1', 'ended', '02115551234'],
    ]);
    expect(provider.state).toBe('connected');
  });

  it('correlates events without a call id by line and caller, and records a missed call', async () => {
    const { base, finished } = await start();
    await get(`${base}/cti?Action=INCOMING&Src=0301234567&Dest=12&token=${TOKEN}`);
    await get(`${base}/cti?Action=MISSED&Src=0301234567&Dest=12&token=${TOKEN}`);
    await get(`${base}/cti?Action=MISSED&Src=0409999&Dest=12&token=${TOKEN}`);
    expect(finished.map((change) => [change?.call.remote, change?.call.state])).toEqual([
      ['0301234567', 'missed'],
      ['0409999', 'missed'],
    ]);
  });

  it('reads Snom and Yealink action URLs with SIP URIs', async () => {
    const { base, finished, events } = await start();
    const remote = encodeURIComponent('sip:02115551234@pbx.example.com');
    await get(`${base}/phone/${TOKEN}/incoming?remote=${remote}&local=sip%3A12%40pbx&call-id=abc123`);
    await get(`${base}/phone/${TOKEN}/connected?remote=${remote}&call-id=abc123`);
    await get(`${base}/phone/${TOKEN}/call_terminated?remote=${remote}&call_id=abc123`);
    expect(events.find((event) => event.type === 'offering')).toEqual({
      type: 'offering',
      callId: 'abc123',
      line: '12',
      remote: '02115551234',
    });
    expect(finished.map((change) => change?.call.state)).toEqual(['ended']);
  });

  it('refuses a wrong token with 401 and changes nothing', async () => {
    const { base, events } = await start();
    expect(await get(`${base}/phone/wrong-token/incoming?remote=1`)).toEqual({
      status: 401,
      body: { error: 'Invalid token, please contact your admin!' },
    });
    expect(await get(`${base}/cti.pl?Action=INCOMING&Src=1&Dest=12`)).toMatchObject({ status: 401 });
    expect(events.filter((event) => event.type !== 'state')).toEqual([]);
  });

  it('keeps endpoints the settings did not switch on closed', async () => {
    const { base } = await start({ kix: undefined, phone: undefined, zammad: undefined });
    expect((await get(`${base}/cti.pl?Action=INCOMING&Src=1&Dest=12&token=${TOKEN}`)).status).toBe(404);
    expect((await get(`${base}/phone/${TOKEN}/incoming?remote=1`)).status).toBe(404);
  });

  it('caps bodies at 16 KiB and rate-limits each source', async () => {
    const { base } = await start({ rateLimit: { burst: 3, perSecond: 0.1 } });
    const big = await fetch(`${base}/api/v1/cti/${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"event":"${'x'.repeat(20_000)}"}`,
    });
    expect(big.status).toBe(413);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await get(`${base}/cti.pl?Action=HANGUP&Src=1&Dest=12&token=${TOKEN}`)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
  });

  it('keeps a bounded log of requests and replies, with the token redacted', async () => {
    const { base, provider } = await start({ logSize: 10 });
    for (let i = 0; i < 12; i++)
      await get(`${base}/cti.pl?Action=INCOMING&Src=0211${i}&Dest=12&token=${TOKEN}`);
    await get(`${base}/phone/${TOKEN}/reboot`);
    const log = provider.requestLog();
    expect(log).toHaveLength(10);
    expect(log.at(-1)).toMatchObject({ method: 'GET', url: '/phone/***/reboot', status: 404 });
    expect(JSON.stringify(log)).not.toContain(TOKEN);
    expect(log.at(-2)?.payload).toEqual({ Action: 'INCOMING', Src: '021111', Dest: '12' });
  });

  it('never survives hostile requests badly: bad encoding, garbage JSON, many open calls', async () => {
    const { base, provider } = await start({ rateLimit: { burst: 10_000, perSecond: 10_000 } });
    expect((await get(`${base}/phone/${TOKEN}/%E0%A4%A/x`)).status).toBe(404);
    const garbage = await fetch(`${base}/api/v1/cti/${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"event":',
    });
    expect(garbage.status).toBe(400);
    for (let i = 0; i < 520; i++)
      await get(`${base}/cti.pl?Action=INCOMING&Src=0211${i}&Dest=12&token=${TOKEN}`);
    expect(provider.state).toBe('connected');
  });

  it('treats toString, constructor and __proto__ as unknown keys, in the query and every body type', async () => {
    const { base, provider, events } = await start();
    const port = provider.address()!.port;
    // The request from the issue: no token, any path; it used to end the process.
    expect((await get(`${base}/?toString=x`)).status).toBe(404);
    for (const key of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])
      expect((await get(`${base}/cti.pl?${key}=x&${key}[]=y&token=${TOKEN}`)).status).toBe(422);
    const json = await fetch(`${base}/api/v1/cti/${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"__proto__":{"event":"newCall"},"constructor":"x","toString":"y","direction":"in"}',
    });
    expect(json.status).toBe(422);
    const form = await fetch(`${base}/api/v1/cti/${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'toString=1&__proto__=2&event=newCall&direction=in&from=02115551234&callId=p-1',
    });
    expect(form.status).toBe(200);
    // An event named like an inherited member is an unknown event.
    expect((await get(`${base}/phone/${TOKEN}/constructor?remote=1`)).status).toBe(404);
    expect(
      (await rawRequest(port, httpRequest('GET', '/phone/x/y?toString=1', { Host: 'pbx' }))).status,
    ).toBe(401);
    expect(events.filter((event) => event.type === 'offering')).toEqual([
      { type: 'offering', callId: 'p-1', line: '12', remote: '02115551234' },
    ]);
    expect(JSON.stringify(provider.requestLog())).toContain('"toString"');
  });

  it('answers a malformed request target 400 and keeps listening', async () => {
    const { base, provider } = await start();
    const port = provider.address()!.port;
    expect((await rawRequest(port, httpRequest('GET', 'http://[/', {}))).status).toBe(400);
    expect((await rawRequest(port, httpRequest('GET', '*', {}))).status).toBe(400);
    expect((await get(`${base}/cti.pl?Action=INCOMING&Src=1&Dest=12&token=${TOKEN}`)).status).toBe(200);
    expect(provider.state).toBe('connected');
  });

  it('answers 500 and reports when a handler throws, and goes on serving', async () => {
    const reported: string[] = [];
    let blocklistBroken = true;
    const { base, events } = await start(
      {},
      () => {
        if (blocklistBroken) throw new Error('the blocklist broke');
        return false;
      },
      (message) => reported.push(message),
    );
    const newCall = (callId: string) =>
      fetch(`${base}/api/v1/cti/${TOKEN}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ event: 'newCall', direction: 'in', from: '02115551234', callId }),
      });
    const failed = await newCall('b-1');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: 'internal error' });
    expect(reported).toEqual([expect.stringMatching(/POST request failed: Error: the blocklist broke/)]);
    blocklistBroken = false;
    expect((await newCall('b-2')).status).toBe(200);
    expect(events.filter((event) => event.type === 'offering').map((event) => event.callId)).toContain('b-2');
  });

  it('redacts the token in every spelling, in the URL, headers and parameters', async () => {
    const { base, provider } = await start();
    const port = provider.address()!.port;
    const spelled = Array.from(TOKEN)
      .map((char, index) =>
        index % 3 === 0
          ? `%${char.charCodeAt(0).toString(16)[index % 2 ? 'toUpperCase' : 'toLowerCase']()}`
          : char,
      )
      .join('');
    expect((await get(`${base}/phone/${spelled}/incoming?remote=1&echo=${spelled}`)).status).toBe(200);
    expect((await get(`${base}/phone/${TOKEN.replace('-', '%2D')}/missed?remote=1`)).status).toBe(200);
    expect((await get(`${base}/phone/${TOKEN.replace('-', '%2d')}/missed?remote=2`)).status).toBe(200);
    await rawRequest(
      port,
      httpRequest(
        'POST',
        `/cti.pl?Action=HANGUP&Src=1&Dest=12`,
        {
          Host: 'pbx',
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Echo': spelled,
          Referer: `http://pbx/${TOKEN}`,
          Authorization: 'Basic c2VjcmV0',
        },
        `token=${spelled}&note=${encodeURIComponent(TOKEN)}&${spelled}=1`,
      ),
    );
    const log = JSON.stringify(provider.requestLog());
    expect(provider.requestLog()).toHaveLength(4);
    expect(log).not.toMatch(/test-token|%2[dD]token|c2VjcmV0/);
    for (const piece of [TOKEN, spelled, encodeURIComponent(TOKEN), TOKEN.replace('-', '%2d')])
      expect(log).not.toContain(piece);
    expect(provider.requestLog()[0]).toMatchObject({ url: '/phone/***/incoming?remote=1&echo=***' });
    expect(provider.requestLog()[3]?.headers).toMatchObject({ 'x-echo': '***', authorization: '***' });
  });

  it('says clearly when it cannot listen', async () => {
    const { provider } = await start();
    const second = new ActionUrlProvider(
      actionUrlLineSchema.parse({
        provider: 'action-url',
        listen: `127.0.0.1:${provider.address()!.port}`,
        token: TOKEN,
      }),
      { env: {} },
    );
    await expect(second.connect()).rejects.toThrow(/cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
    expect(second.state).toBe('disconnected');
  });

  it('refuses a dial without dial settings, while disconnected, or refused by the phone, with codes', async () => {
    const { provider, events } = await start();
    await expect(provider.dial('+492115551234', '05551234')).rejects.toMatchObject({
      message: 'this line has no dial settings (line.dial)',
      code: 'dial.line-cannot-dial',
    });
    const refused = await start({ dial: { preset: 'snom', phone: '127.0.0.1:9' } });
    const unreachable: unknown = await refused.provider
      .dial('+492115551234', '05551234')
      .catch((error: unknown) => error);
    expect(unreachable).toMatchObject({ code: 'line.phone-unreachable' });
    expect(errorWords(errorInfoOf(unreachable), 'de')).toMatch(/^Ringdesk konnte Ihr Telefon/);
    await refused.provider.disconnect();
    const down: unknown = await refused.provider
      .dial('+492115551234', '05551234')
      .catch((error: unknown) => error);
    expect(down).toMatchObject({
      message: 'the action-url line is not connected',
      code: 'line.not-connected',
    });
    expect(errorWords(errorInfoOf(down), 'de')).toBe(
      'Die Leitung ist gerade nicht verbunden: versuchen Sie es erneut, sobald sie wieder verbunden ist.',
    );
    // Ordered positive check: the line announced its state changes and no call.
    expect(refused.events.map((event) => event.type)).toEqual(['state', 'state', 'state']);
    expect(events.filter((event) => event.type !== 'state')).toEqual([]);
  });
});
