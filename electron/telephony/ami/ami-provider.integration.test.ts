import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AmiCallLog } from '../../test-support/ami-call-log.js';
import { FakeAsterisk, type FakeAsteriskSession } from '../../test-support/ami-fake-asterisk.js';
import { FakeClock } from '../../test-support/fake-clock.js';
import { AmiReplayServer } from '../../test-support/ami-replay-server.js';
import {
  parseBlocks,
  readEventsOnlyOriginate,
  readPanoramiskFixture,
  readSpecScenarios,
} from '../../test-support/ami-transcripts.js';
import { useTempDir } from '../../test-support/temp-dir.js';
import { CallState } from '../call-session.js';
import type { LineEvent } from '../line-provider.js';
import { AmiCallMapper } from './ami-call-mapper.js';
import type { Schedule } from '../../shared/clock.js';
import { createAmiProvider, type AmiProvider } from './ami-provider.js';
import { amiLineSchema, type AmiLineInput } from './ami-settings.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Start {
  readonly settings?: Partial<AmiLineInput>;
  readonly tls?: { key: string; cert: string };
  readonly schedule?: Schedule;
  readonly secret?: string;
}

async function start({ settings = {}, tls, schedule, secret = 's3cret' }: Start = {}) {
  const asterisk = new FakeAsterisk({ username: 'ringdesk', secret: 's3cret' });
  const server = await AmiReplayServer.start(asterisk, tls === undefined ? {} : { tls });
  cleanups.push(() => server.close());
  let ids = 0;
  const provider = createAmiProvider(
    amiLineSchema.parse({
      provider: 'ami',
      host: '127.0.0.1',
      port: server.port,
      username: 'ringdesk',
      secret: { env: 'AMI_SECRET' },
      line: '12',
      pingIntervalMs: 600_000,
      ...settings,
    }),
    {
      env: { AMI_SECRET: secret },
      newId: () => `rd-${++ids}`,
      ...(schedule === undefined ? {} : { schedule }),
    },
  );
  cleanups.push(() => provider.disconnect());
  const log = new AmiCallLog();
  log.attach(provider);
  return { asterisk, server, provider, log, where: `127.0.0.1:${server.port}` };
}

/** Connects and returns the server's side of the connection. */
async function connected(provider: AmiProvider, asterisk: FakeAsterisk): Promise<FakeAsteriskSession> {
  await provider.connect();
  return asterisk.session();
}

/**
 * Sends `blocks`, then a sentinel call from "end" to `device` (the watched line's), and waits
 * for it: every event before it has been read by then. Returns the call events before it.
 */
async function replayed(
  session: FakeAsteriskSession,
  log: AmiCallLog,
  blocks: readonly string[],
  device: string,
) {
  session.send(
    ...blocks,
    `Event: DialBegin\nChannel: PJSIP/end-1\nUniqueid: end\nCallerIDNum: end\nDestChannel: ${device}-ffff\nDestUniqueid: end-2`,
  );
  await log.waitFor((event) => event.type === 'offering' && event.remote === 'end');
  return log.events.filter((event) => event.type !== 'state' && !event.callId.startsWith('end'));
}

describe('AMI provider over loopback TCP: logins from the fixtures', () => {
  it('logs in with the plain secret (login_ok) and with MD5 (login_md5)', async () => {
    for (const auth of ['plain', 'md5'] as const) {
      const { asterisk, provider, log } = await start({ settings: { auth } });
      await provider.connect();
      expect(log.states()).toEqual(['connecting', 'connected']);
      const names = asterisk.actions().map((action) => action.get('Action'));
      // After the login the provider asks which device the line is (this fake answers as
      // Asterisk 11 would: unknown command, so the line is watched as written).
      expect(names).toEqual(
        auth === 'md5' ? ['Challenge', 'Login', 'ExtensionStateList'] : ['Login', 'ExtensionStateList'],
      );
    }
  });

  it('names the cause when the login fails (login_failed)', async () => {
    for (const auth of ['plain', 'md5'] as const) {
      const { provider, log } = await start({ settings: { auth }, secret: 'wrong' });
      await expect(provider.connect()).rejects.toThrow('Asterisk refused the login: Authentication failed');
      expect(log.states().at(-1)).toBe('disconnected: Asterisk refused the login: Authentication failed');
    }
  });
});

describe('AMI provider over loopback TCP: replayed transcripts', () => {
  const originate = readPanoramiskFixture('originate_with_events.ami.txt');

  it('turns the 748-event originate into one call when Ringdesk placed it: 254, connected, ended', async () => {
    const { asterisk, provider, log } = await start({
      settings: {
        auth: 'plain',
        line: 'SIP/ddddd',
        originateChannel: 'Local/259@default',
        context: 'default',
      },
    });
    const [response = '', ...events] = originate.replies;
    // The agent answers (Local;1 goes Up): Asterisk would send the OriginateResponse then. The
    // fixture was recorded with Async: false, so this one event is written for the test.
    const answered = events.findIndex(
      (block) =>
        block.includes('Event: Newstate') &&
        /Uniqueid: 1414510600\.0$/m.test(block) &&
        block.includes('ChannelState: 6'),
    );
    expect(answered).toBeGreaterThan(0);
    asterisk.on('originate', (action, session) => {
      session.reply(action, response);
      session.send(...events.slice(0, answered + 1));
      session.reply(
        action,
        'Event: OriginateResponse\nActionID: x\nResponse: Success\nChannel: Local/259@default-00000000;1\n' +
          'Context: default\nExten: 254\nReason: 4\nUniqueid: 1414510600.0\nCallerIDNum: <unknown>',
      );
      session.send(...events.slice(answered + 1));
    });
    await provider.connect();
    await expect(provider.dial('254', '254')).resolves.toEqual({ callId: 'rd-1' });
    await log.waitFor((event) => event.type === 'ended');
    expect(log.events.filter((event) => event.type !== 'state')).toEqual([
      { type: 'dialing', callId: 'rd-1', line: 'SIP/ddddd', remote: '254', dialled: '254' },
      { type: 'connected', callId: 'rd-1' },
      { type: 'ended', callId: 'rd-1', cause: 'normalClearing' },
    ]);
    expect(log.dropped).toEqual([]);
  });

  it("turns another client's originate into the calls the agent saw, from the full and the filtered file", async () => {
    for (const replies of [originate.replies.slice(1), readEventsOnlyOriginate().replies.slice(1)]) {
      const { asterisk, provider, log } = await start({ settings: { line: 'SIP/ddddd' } });
      const events = await replayed(await connected(provider, asterisk), log, replies, 'SIP/ddddd');
      expect(events.map((event) => event.type)).toEqual([
        'offering',
        'connected',
        'ended',
        'dialing',
        'connected',
        'ended',
      ]);
      expect(log.finished.filter((call) => !call.callId.startsWith('end'))).toMatchObject([
        { direction: 'incoming', state: CallState.Ended, cause: 'normalClearing', remote: '' },
        { direction: 'outgoing', state: CallState.Ended, cause: 'normalClearing', remote: '254' },
      ]);
    }
  });

  it('derives from every AMI v2 spec scenario, read through the socket, what the mapper derives', async () => {
    const cases: [string, string][] = [
      ['4', 'PJSIP/kermit'],
      ['4', 'PJSIP/animal'],
      ['5', 'PJSIP/animal'],
      ['6', 'PJSIP/kermit'],
      ['6', 'PJSIP/animal'],
      ['9', 'PJSIP/kermit'],
      ['9', 'PJSIP/gonzo'],
    ];
    const spec = readSpecScenarios();
    for (const [scenario, line] of cases) {
      const blocks = spec.get(scenario) ?? [];
      const direct: LineEvent[] = [];
      const mapper = new AmiCallMapper({ line, originateChannel: 'PJSIP/none', emit: (e) => direct.push(e) });
      for (const message of parseBlocks(blocks)) mapper.handle(message);
      expect(direct.length).toBeGreaterThan(0);
      const { asterisk, provider, log } = await start({ settings: { line } });
      const events = await replayed(await connected(provider, asterisk), log, blocks, line);
      expect([scenario, line, events]).toEqual([scenario, line, direct]);
    }
  });
});

describe('AMI provider over loopback TCP: faults', () => {
  it('reports a connection cut mid-call, and the tracker closes the ringing call as missed', async () => {
    const { asterisk, provider, log, where } = await start();
    const session = await connected(provider, asterisk);
    session.send(
      'Event: DialBegin\nChannel: PJSIP/trunk-1\nUniqueid: t1\nCallerIDNum: 02115551234\nDestChannel: PJSIP/12-2\nDestUniqueid: a1',
    );
    await log.waitFor((event) => event.type === 'offering');
    session.cut();
    await log.waitFor((event) => event.type === 'state' && event.state === 'disconnected');
    // A FIN reads as "closed"; should the kernel send a reset instead, the reason names that.
    expect(log.states().at(-1)).toMatch(
      new RegExp(
        `^disconnected: (Asterisk at ${where} closed the connection|connection to Asterisk at ${where} failed: )`,
      ),
    );
    expect(log.closeAll('lineLost')).toMatchObject([
      { callId: 't1', state: CallState.Missed, cause: 'lineLost', remote: '02115551234' },
    ]);
    expect(asterisk.sessions).toHaveLength(1); // and no reconnect of its own
  });

  it('skips garbage between messages and cuts off an endless message with a clear reason', async () => {
    const { asterisk, provider, log } = await start();
    const session = await connected(provider, asterisk);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    session.sendRaw(`${garbage}\r\n\r\n\u0000\u0001: :\r\n\r\n`);
    const events = await replayed(session, log, [], 'PJSIP/12');
    expect(events).toEqual([]);
    expect(provider.state).toBe('connected');
    session.sendRaw(`Event: Newchannel\r\nChannel: ${'x'.repeat(100_000)}`);
    await log.waitFor((event) => event.type === 'state' && event.state === 'disconnected');
    expect(log.states().at(-1)).toBe('disconnected: Asterisk sent more than 64 KiB without ending a message');
  });

  it('reports a stalled server (no Pong) as disconnected', async () => {
    const clock = new FakeClock(0);
    const { asterisk, provider, log } = await start({
      schedule: clock.schedule,
      settings: { pingIntervalMs: 20_000 },
    });
    await connected(provider, asterisk);
    asterisk.stalled = true;
    clock.advance(20_000);
    await asterisk.nextAction('Ping');
    clock.advance(5000);
    await log.waitFor((event) => event.type === 'state' && event.state === 'disconnected');
    expect(log.states().at(-1)).toBe(
      'disconnected: Asterisk did not answer a keep-alive Ping within 5000 ms',
    );
  });
});

describe('AMI provider over loopback TLS', () => {
  const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
  const mustRun = process.env.CI === 'true';
  if (!hasOpenssl && !mustRun)
    console.warn('SKIPPING the AMI TLS tests: the "openssl" command (to make a test certificate) is missing');
  const tempDir = useTempDir();

  it.skipIf(!hasOpenssl && !mustRun)(
    'trusts the configured CA and refuses an unknown certificate',
    async () => {
      const dir = tempDir();
      const key = path.join(dir, 'key.pem');
      const cert = path.join(dir, 'cert.pem');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=IP:127.0.0.1,DNS:localhost',
          '-keyout',
          key,
          '-out',
          cert,
        ],
        { stdio: 'ignore' },
      );
      const tls = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
      const trusted = await start({ tls, settings: { tls: { caFile: cert } } });
      await trusted.provider.connect();
      expect(trusted.provider.state).toBe('connected');
      const unknown = await start({ tls, settings: { tls: {} } });
      await expect(unknown.provider.connect()).rejects.toThrow(
        new RegExp(
          `^cannot reach Asterisk at ${unknown.where.replace('.', '\\.')}: self[- ]signed certificate`,
        ),
      );
    },
  );
});
