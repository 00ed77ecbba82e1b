import { describe, expect, it } from 'vitest';
import { amiRig, flush, OFFERING_TO_12 } from '../../test-support/ami-provider-rig.js';
import { CallState } from '../call-session.js';
import { CALL_EVENTS_FILTER } from './ami-login.js';

describe('AmiProvider: logging in', () => {
  it('answers the MD5 challenge by default, so the secret never crosses the wire', async () => {
    const { asterisk, provider, log } = amiRig();
    await provider.connect();
    expect(provider.state).toBe('connected');
    expect(log.states()).toEqual(['connecting', 'connected']);
    const [challenge, loginAction] = asterisk.actions();
    expect(challenge?.get('Action')).toBe('Challenge');
    expect(loginAction?.get('AuthType')).toBe('MD5');
    expect(loginAction?.get('Key')).toMatch(/^[0-9a-f]{32}$/);
    expect(
      asterisk.actions().some((action) => action.fields.some(([, value]) => value.includes('s3cret'))),
    ).toBe(false);
  });

  it('sends the secret itself only when told to, and can install the server-side filter', async () => {
    const { asterisk, provider } = amiRig({ settings: { auth: 'plain', serverFilter: true } });
    await provider.connect();
    const [loginAction, filter] = asterisk.actions();
    expect(loginAction?.get('Secret')).toBe('s3cret');
    expect(loginAction?.get('Events')).toBe('call,agent');
    expect(filter?.get('Filter')).toBe(CALL_EVENTS_FILTER);
  });

  it('names the cause of a refused login, reports it as the line state, and does not retry', async () => {
    const { asterisk, provider, log, clock } = amiRig({ env: { AMI_SECRET: 'wrong' } });
    await expect(provider.connect()).rejects.toThrow('Asterisk refused the login: Authentication failed');
    expect(log.states()).toEqual([
      'connecting',
      'disconnected: Asterisk refused the login: Authentication failed',
    ]);
    clock.advance(600_000);
    await flush();
    expect(asterisk.sessions).toHaveLength(1);
    expect(asterisk.sessions[0]?.closed).toBe(true);
    expect(provider.state).toBe('disconnected');
  });

  it('says why the filter was refused', async () => {
    const { asterisk, provider } = amiRig({ settings: { serverFilter: true } });
    asterisk.on('filter', (action, session) => {
      session.reply(action, 'Response: Error\nMessage: Permission denied');
    });
    await expect(provider.connect()).rejects.toThrow(
      /refused the event filter: Permission denied \(serverFilter needs write = system/,
    );
  });

  it('tells a server that is not Asterisk, an unreachable one and a silent one apart', async () => {
    const ssh = amiRig({ asterisk: { banner: 'SSH-2.0-OpenSSH_9.6\u0007' } });
    await expect(ssh.provider.connect()).rejects.toThrow(
      'pbx.test:5038 is not an Asterisk Manager Interface (it greeted with "SSH-2.0-OpenSSH_9.6 ")',
    );
    const refused = amiRig({ refuse: 'ECONNREFUSED' });
    await expect(refused.provider.connect()).rejects.toThrow(
      'cannot reach Asterisk at pbx.test:5038: connect ECONNREFUSED pbx.test:5038',
    );
    const silent = amiRig({ asterisk: { banner: null } });
    const connecting = silent.provider.connect();
    await flush();
    silent.clock.advance(5000);
    await expect(connecting).rejects.toThrow(
      'no greeting from pbx.test:5038 within 5000 ms (is it the AMI port?)',
    );
  });

  it('reports a missing secret without opening a socket', async () => {
    const { provider, open } = amiRig({ env: {} });
    await expect(provider.connect()).rejects.toThrow('the environment variable AMI_SECRET is not set');
    expect(open.targets).toEqual([]);
  });

  it('holds events that arrive with the login and reads them once connected', async () => {
    const { asterisk, provider, log } = amiRig({ settings: { auth: 'plain' } });
    asterisk.on('login', (action, session) => {
      session.reply(action, 'Response: Success\nMessage: Authentication accepted', ...OFFERING_TO_12);
    });
    await provider.connect();
    await flush();
    expect(log.events.map((event) => event.type)).toEqual(['state', 'state', 'offering']);
  });
});

describe('AmiProvider: a dead connection', () => {
  it('pings at the interval and reports the line dead when no Pong comes within the timeout', async () => {
    const { asterisk, provider, log, clock, session } = amiRig();
    await provider.connect();
    clock.advance(20_000);
    await flush(); // the Pong arrives: the next Ping is due 20 s later
    clock.advance(20_000);
    await flush();
    expect(asterisk.actions().filter((action) => action.get('Action') === 'Ping')).toHaveLength(2);
    expect(provider.state).toBe('connected');
    asterisk.stalled = true;
    clock.advance(20_000);
    await flush();
    clock.advance(4999);
    await flush();
    expect(provider.state).toBe('connected');
    clock.advance(1);
    await flush();
    expect(log.states().at(-1)).toBe(
      'disconnected: Asterisk did not answer a keep-alive Ping within 5000 ms',
    );
    expect(session().closed).toBe(true);
  });

  it('reports a cut connection, and the open call is closed by the tracker', async () => {
    const { provider, log, session } = amiRig();
    await provider.connect();
    session().send(...OFFERING_TO_12);
    await flush();
    expect(log.active()).toMatchObject([{ callId: 't1', state: CallState.Ringing, remote: '02115551234' }]);
    session().cut();
    await flush();
    expect(log.states().at(-1)).toBe('disconnected: Asterisk at pbx.test:5038 closed the connection');
    expect(log.closeAll('lineLost')).toMatchObject([
      { callId: 't1', state: CallState.Missed, cause: 'lineLost' },
    ]);
  });

  it('cuts off a peer that sends more than 64 KiB without ending a message', async () => {
    const { provider, log, session } = amiRig();
    await provider.connect();
    session().sendRaw(`Event: Newchannel\r\n${'A'.repeat(70_000)}`);
    await flush();
    expect(log.states().at(-1)).toBe('disconnected: Asterisk sent more than 64 KiB without ending a message');
    expect(session().closed).toBe(true);
  });

  it('survives garbage: junk between messages is skipped, junk without end cuts the line', async () => {
    const { provider, log, session } = amiRig();
    await provider.connect();
    let seed = 42;
    const junk = (length: number) =>
      Array.from({ length }, () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return String.fromCharCode(seed % 256);
      }).join('');
    for (let i = 0; i < 50; i++) session().sendRaw(`${junk(2000)}\r\n\r\n`);
    session().send(...OFFERING_TO_12);
    await flush();
    expect(log.states()).toEqual(['connecting', 'connected']);
    expect(log.active()).toMatchObject([{ callId: 't1', remote: '02115551234' }]);
    session().sendRaw(junk(100_000).replaceAll('\n', ' '));
    await flush();
    expect(log.states().at(-1)).toMatch(/^disconnected: Asterisk sent more than 64 KiB/);
  });

  it('stops on disconnect(): logs off, fails dials in flight, and connects again when asked', async () => {
    const { asterisk, provider, log } = amiRig();
    await provider.connect();
    const dialling = provider.dial('12', '12');
    provider.disconnect().catch(() => undefined);
    await expect(dialling).rejects.toThrow(/lost before the call to 12 was confirmed: stopped/);
    await flush();
    expect(asterisk.actions().at(-1)?.get('Action')).toBe('Logoff');
    expect(log.states().at(-1)).toBe('disconnected: stopped');
    await provider.connect();
    expect(asterisk.sessions).toHaveLength(2);
  });
});
