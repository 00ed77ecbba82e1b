/** Dial by URL against a fake desk phone, PBX and HTTP proxy on loopback. */
import { afterEach, describe, expect, it } from 'vitest';
import { CodedError, errorInfoOf } from '../../contract/error-info.js';
import { errorWords } from '../../contract/error-words.js';
import { FakePhoneServer } from '../../test-support/fake-phone-server.js';
import type { LineEvent } from '../line-provider.js';
import { ActionUrlProvider } from './action-url-provider.js';
import { actionUrlLineSchema, dialSettingsSchema } from './action-url-settings.js';
import { UrlDialer } from './url-dialer.js';

const servers: FakePhoneServer[] = [];
const providers: ActionUrlProvider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) await provider.disconnect();
  for (const server of servers.splice(0)) await server.stop();
});

async function fakeServer(): Promise<[FakePhoneServer, string]> {
  const server = new FakePhoneServer();
  servers.push(server);
  return [server, await server.start()];
}

const call = { dialable: '05551234', e164: '+492115551234', number: '0211 5551234', line: '12' };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('dial by URL', () => {
  it('asks a Snom phone to dial, with basic auth', async () => {
    const [phone, address] = await fakeServer();
    const dialer = new UrlDialer(
      dialSettingsSchema.parse({
        preset: 'snom',
        phone: address,
        username: 'admin',
        password: { env: 'PHONE_PW' },
      }),
      { PHONE_PW: 'pa55' },
    );
    await dialer.dial(call);
    expect(phone.requests).toEqual([
      expect.objectContaining({ method: 'GET', url: '/command.htm?number=05551234' }),
    ]);
    expect(phone.requests[0]?.headers.authorization).toBe(basic('admin', 'pa55'));
  });

  it('uses the Yealink action URI', async () => {
    const [phone, address] = await fakeServer();
    await new UrlDialer(dialSettingsSchema.parse({ preset: 'yealink', phone: address }), {}).dial(call);
    expect(phone.requests[0]?.url).toBe('/servlet?key=number=05551234');
  });

  it('posts to a PBX dial URL with every placeholder URL-encoded', async () => {
    const [pbx, address] = await fakeServer();
    const settings = dialSettingsSchema.parse({
      preset: 'server',
      url: `http://${address}/dial?ext={{line}}&to={{e164}}`,
      method: 'POST',
      body: 'number={{dialable}}&display={{number}}',
    });
    await new UrlDialer(settings, {}).dial(call);
    expect(pbx.requests[0]).toMatchObject({
      method: 'POST',
      url: '/dial?ext=12&to=%2B492115551234',
      body: 'number=05551234&display=0211%205551234',
    });
  });

  it('goes through an HTTP proxy with credentials (KIX DialOutProxyURL)', async () => {
    const [proxy, proxyAddress] = await fakeServer();
    const settings = dialSettingsSchema.parse({
      preset: 'snom',
      phone: 'phone.example.com',
      proxy: { url: `http://${proxyAddress}`, username: 'kix', password: 'proxy-pw' },
    });
    await new UrlDialer(settings, {}).dial(call);
    expect(proxy.requests[0]?.url).toBe('http://phone.example.com/command.htm?number=05551234');
    expect(proxy.requests[0]?.headers['proxy-authorization']).toBe(basic('kix', 'proxy-pw'));
  });

  it('surfaces the HTTP status, a timeout or an unreachable phone as a clear error', async () => {
    const [phone, address] = await fakeServer();
    phone.status = 401;
    const snom = new UrlDialer(dialSettingsSchema.parse({ preset: 'snom', phone: address }), {});
    await expect(snom.dial(call)).rejects.toThrow(
      `http://${address}/command.htm answered 401 Unauthorized: check dial.username and dial.password`,
    );
    phone.status = 200;
    phone.delayMs = 2000;
    await expect(
      new UrlDialer(dialSettingsSchema.parse({ preset: 'snom', phone: address, timeoutMs: 200 }), {}).dial(
        call,
      ),
    ).rejects.toThrow(/no answer from .* within 200 ms/);
    await expect(
      new UrlDialer(dialSettingsSchema.parse({ preset: 'snom', phone: '127.0.0.1:9' }), {}).dial(call),
    ).rejects.toThrow(/could not reach http:\/\/127\.0\.0\.1:9\/command\.htm: ECONNREFUSED/);
  });

  it('gives every failure a code a window words in German, without the URL or its credentials', async () => {
    const [phone, address] = await fakeServer();
    const failure = async (input: object): Promise<unknown> =>
      new UrlDialer(dialSettingsSchema.parse(input), {}).dial(call).then(
        () => new Error('dialled'),
        (error: unknown) => error,
      );
    const url = `http://admin:pa55@${address}/dial?to={{dialable}}`;
    const cases: [number, string, object][] = [
      [401, 'line.phone-refused-login', {}],
      [403, 'line.phone-refused-login', {}],
      [407, 'line.proxy-refused', {}],
      [500, 'line.phone-error', { status: 500 }],
      [302, 'line.phone-error', { status: 302 }],
    ];
    for (const [status, code, params] of cases) {
      phone.status = status;
      const error = await failure({ preset: 'server', url });
      expect(error, String(status)).toBeInstanceOf(CodedError);
      expect(error, String(status)).toMatchObject({ code, params });
      expect(errorInfoOf(error).params ?? {}, String(status)).toEqual(params);
      expect(errorWords(errorInfoOf(error), 'de'), String(status)).toMatch(/^(Ihr|Der) .*\.$/);
      expect((error as Error).message).not.toContain('pa55');
    }
    phone.status = 200;
    phone.delayMs = 2000;
    const late = await failure({ preset: 'server', url, timeoutMs: 200 });
    expect(late).toMatchObject({ code: 'line.phone-timeout', params: {} });
    expect(errorWords(errorInfoOf(late), 'de')).toMatch(/nicht rechtzeitig geantwortet/);
    const unreachable = await failure({ preset: 'snom', phone: '127.0.0.1:9' });
    expect(unreachable).toMatchObject({ code: 'line.phone-unreachable', params: {} });
    expect(errorWords(errorInfoOf(unreachable), 'de')).toBe(
      'Ringdesk konnte Ihr Telefon oder Ihre Telefonanlage nicht erreichen: prüfen Sie, ob das Gerät eingeschaltet ist und ob seine Adresse (Adresse des Telefons oder Wähl-URL unter Einstellungen › Leitung) stimmt.',
    );
  });

  it('reports a call it dialled, and recognises it when the PBX reports it as outgoing', async () => {
    const [phone, address] = await fakeServer();
    const token = 'dial-test-token-0123';
    const provider = new ActionUrlProvider(
      actionUrlLineSchema.parse({
        provider: 'action-url',
        line: '12',
        listen: '127.0.0.1:0',
        token,
        kix: {},
        dial: { preset: 'snom', phone: address },
      }),
      { env: {} },
    );
    providers.push(provider);
    const events: LineEvent[] = [];
    provider.onEvent((event) => events.push(event));
    await provider.connect();
    expect(provider.capabilities.has('dial')).toBe(true);
    const { callId } = await provider.dial('+492115551234', '05551234');
    const base = `http://127.0.0.1:${provider.address()!.port}`;
    await fetch(`${base}/cti.pl?Action=OUTGOING&Src=12&Dest=05551234&CallID=pbx-7&token=${token}`);
    await fetch(`${base}/cti.pl?Action=HANGUP&Src=12&Dest=05551234&CallID=pbx-7&token=${token}`);
    expect(events.filter((event) => event.type !== 'state')).toEqual([
      { type: 'dialing', callId, line: '12', remote: '+492115551234', dialled: '05551234' },
      { type: 'ended', callId, cause: 'normalClearing' },
    ]);
    expect(phone.requests).toHaveLength(1);
  });
});
