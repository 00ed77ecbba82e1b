/**
 * The `tapi` provider's timing and edge cases with an in-memory bridge and a hand-driven
 * clock: timeouts, a bridge that will not exit, a bridge that cannot start, hostile output.
 * (The contract with a real process is in tapi-provider.integration.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { CodedError, errorInfoOf } from '../../contract/error-info.js';
import { errorWords } from '../../contract/error-words.js';
import { FakeBridgeProcess } from '../../test-support/tapi-fake-process.js';
import { FakeClock } from '../../test-support/fake-clock.js';
import { LineEventLog } from '../../test-support/tapi-line-events.js';
import { createTapiProvider } from './create-tapi-provider.js';
import { TapiProvider } from './tapi-provider.js';
import { tapiLineSchema, type TapiLineInput } from './tapi-settings.js';

const BRIDGE = 'C:\\Ringdesk\\tapi-bridge.exe';
const HELLO = { type: 'hello', protocol: 2, bridge: '1.0.0' };
const LINES = { lines: [{ id: 0, name: 'Desk', permanentId: 5 }], truncated: false };

function setup(settings: Partial<TapiLineInput> = {}, exitOnEof = true) {
  const clock = new FakeClock(0);
  const spawned: FakeBridgeProcess[] = [];
  const provider = new TapiProvider({
    settings: tapiLineSchema.parse({ provider: 'tapi', line: 'Desk', ...settings }),
    bridgePath: BRIDGE,
    spawn: () => {
      const bridge = new FakeBridgeProcess(exitOnEof);
      spawned.push(bridge);
      return bridge;
    },
    schedule: clock.schedule,
    closeGraceMs: 3000,
  });
  const bridge = () => {
    const last = spawned.at(-1);
    if (last === undefined) throw new Error('no bridge started');
    return last;
  };
  return { provider, clock, spawned, bridge, log: new LineEventLog(provider) };
}

/** Lets the streams deliver what was written. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function open(provider: TapiProvider, bridge: () => FakeBridgeProcess): Promise<void> {
  const connecting = provider.connect();
  bridge().say(HELLO);
  await flush();
  bridge().reply('lines', LINES);
  await flush();
  bridge().reply('open', { device: 0, privileges: 'owner' });
  await connecting;
}

function offering(call: string, callerId = '0211555') {
  return {
    type: 'call',
    call,
    line: 0,
    state: 'offering',
    origin: 'inbound',
    callerId,
    callerName: '',
    calledId: '',
  };
}

describe('tapi provider timing', () => {
  it('gives up a bridge that does not say hello in time, and kills it', async () => {
    const { provider, clock, bridge, log } = setup({ startTimeoutMs: 20_000 });
    const connecting = provider.connect();
    clock.advance(19_999);
    expect(provider.state).toBe('connecting');
    clock.advance(1);
    await expect(connecting).rejects.toThrow('the TAPI bridge did not say hello within 20 s');
    expect(bridge().killed).toBe(true);
    expect((await log.disconnected()).reason).toBe('the TAPI bridge did not say hello within 20 s');
  });

  it('gives up when the line list does not come in time', async () => {
    const { provider, clock, bridge } = setup();
    const connecting = provider.connect();
    bridge().say(HELLO);
    await flush();
    clock.advance(20_000);
    await expect(connecting).rejects.toThrow('the TAPI bridge did not answer "lines" within 20 s');
    expect(bridge().killed).toBe(true);
  });

  it('rejects a dial that gets no answer in time, stays connected, and ignores the late answer', async () => {
    const { provider, clock, bridge, log } = setup({ timeoutMs: 15_000 });
    await open(provider, bridge);
    const dialling = provider.dial('+4921155512', '055512');
    await flush();
    clock.advance(15_000);
    await expect(dialling).rejects.toThrow(/did not answer "dial" within 15 s/);
    bridge().reply('dial', { call: '3', dialled: '055512' });
    bridge().say({ ...offering('3'), state: 'dialing', origin: 'outbound', calledId: '055512' });
    await log.until((event) => event.type === 'dialing');
    expect(provider.state).toBe('connected');
  });

  it('kills a bridge that does not exit after the end of its input', async () => {
    const { provider, clock, bridge, log } = setup({}, false);
    await open(provider, bridge);
    const stopping = provider.disconnect();
    expect(log.events.at(-1)).toEqual({ type: 'state', state: 'disconnected', reason: 'stopped' });
    await flush();
    expect(bridge().killed).toBe(false);
    clock.advance(3000);
    await stopping;
    expect(bridge().killed).toBe(true);
  });

  it('stops a connect in progress without error moves', async () => {
    const { provider, bridge, log } = setup();
    const connecting = provider.connect();
    const stopping = provider.disconnect();
    await expect(connecting).rejects.toThrow('the TAPI line was closed');
    await stopping;
    expect(bridge().exited).toBe(true);
    expect(log.events).toEqual([
      { type: 'state', state: 'connecting' },
      { type: 'state', state: 'disconnected', reason: 'stopped' },
    ]);
  });
});

describe('tapi provider requests', () => {
  it('connects once however often connect() is called', async () => {
    const { provider, spawned, bridge } = setup();
    const first = provider.connect();
    expect(provider.connect()).toBe(first);
    bridge().say(HELLO);
    await flush();
    bridge().reply('lines', LINES);
    await flush();
    bridge().reply('open', { device: 0, privileges: 'owner' });
    await first;
    await provider.connect();
    expect(spawned).toHaveLength(1);
  });

  it('refuses to dial or reject while not connected, with a rejected promise', async () => {
    const { provider } = setup();
    const dialling = provider.dial('+4921155512', '055512');
    await expect(dialling).rejects.toThrow('the TAPI line is not connected');
    await expect(dialling).rejects.toMatchObject({ code: 'line.not-connected' });
    await expect(provider.reject('tapi-1-1')).rejects.toThrow('the TAPI line is not connected');
  });

  it('refuses a dialable string with control characters without asking TAPI', async () => {
    const { provider, bridge } = setup();
    await open(provider, bridge);
    const refused = provider.dial('+4921155512', '0211\n555');
    await expect(refused).rejects.toThrow(/not a dialable string/);
    await expect(refused).rejects.toMatchObject({
      code: 'line.not-dialable',
      params: { number: '+4921155512' },
    });
    await expect(provider.dial('+4921155512', '')).rejects.toThrow(/not a dialable string/);
    await flush();
    expect(bridge().lastRequest('dial')).toBeUndefined();
  });

  it("words TAPI's refusals of a dial by what the agent can do, its reason kept in the message", async () => {
    const { provider, bridge } = setup();
    await open(provider, bridge);
    const refusals = [
      ['LINEERR_INVALADDRESS', 'line.not-dialable'],
      ['LINEERR_CALLUNAVAIL', 'line.busy'],
      // Windows' own dialing rules, or the driver's shortage: nothing the agent can fix.
      ['LINEERR_DIALBILLING', 'line.dial-failed'],
      ['LINEERR_RESOURCEUNAVAIL', 'line.dial-failed'],
      ['notOpen', 'line.not-connected'],
      ['LINEERR_OPERATIONFAILED', 'line.dial-failed'],
      ['LINEERR_0x8000ABCD', 'line.dial-failed'],
      ['busy', 'line.dial-failed'],
    ] as const;
    for (const [refusal, code] of refusals) {
      const dialling = provider.dial('+4921155512', '055512');
      await flush();
      bridge().refuse('dial', refusal, `lineMakeCall failed: ${refusal}`);
      const error: unknown = await dialling.catch((reason: unknown) => reason);
      expect(error, refusal).toBeInstanceOf(CodedError);
      expect(error, refusal).toMatchObject({
        code,
        params: { number: '+4921155512' },
        message: `TAPI could not dial "055512": lineMakeCall failed: ${refusal}`,
      });
      expect(errorWords(errorInfoOf(error), 'de'), refusal).toMatch(/^(Ihre|Die|Der) .*\.$/);
    }
    expect(provider.state).toBe('connected');
  });

  it('says a dial that got no answer from the bridge failed, in the agent’s language too', async () => {
    const { provider, clock, bridge } = setup({ timeoutMs: 15_000 });
    await open(provider, bridge);
    const dialling = provider.dial('+4921155512', '055512');
    await flush();
    clock.advance(15_000);
    const error: unknown = await dialling.catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'line.dial-failed', params: { number: '+4921155512' } });
    expect(errorWords(errorInfoOf(error), 'de')).toBe(
      'Ihre Telefonanlage konnte den Anruf an +4921155512 nicht aufbauen. Versuchen Sie es erneut; wenn es weiter scheitert, wenden Sie sich an Ihren Administrator.',
    );
  });

  it('lists the lines with a bridge started just for that when not connected', async () => {
    const { provider, bridge, log } = setup();
    const listing = provider.listLines();
    bridge().say(HELLO);
    await flush();
    bridge().reply('lines', {
      lines: [...LINES.lines, { id: 1, name: '', error: 'LINEERR_NODRIVER' }],
      truncated: false,
    });
    expect(await listing).toEqual([{ id: '0', name: 'Desk' }]);
    expect(bridge().exited).toBe(true);
    expect(log.events).toEqual([]);
  });
});

describe('tapi provider failures', () => {
  it('says so when TAPI exists only on Windows', async () => {
    const provider = createTapiProvider(tapiLineSchema.parse({ provider: 'tapi', line: 'Desk' }), {
      defaultBridgePath: BRIDGE,
      platform: 'linux',
    });
    const log = new LineEventLog(provider);
    await expect(provider.connect()).rejects.toThrow('TAPI exists only on Windows, and this is linux');
    expect((await log.disconnected()).reason).toMatch(/only on Windows/);
  });

  it('says where it looked when the bridge is missing', async () => {
    const { provider, bridge } = setup();
    const connecting = provider.connect();
    bridge().failToStart(Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }));
    await expect(connecting).rejects.toThrow(
      `cannot start the TAPI bridge: ${BRIDGE} was not found (reinstall Ringdesk or set line.bridgePath)`,
    );
  });

  it('prefers the bridge’s last words to its exit code', async () => {
    const { provider, bridge } = setup();
    const connecting = provider.connect();
    bridge().say(HELLO, {
      type: 'fatal',
      error: 'LINEERR_REINIT',
      message: 'lineInitializeEx failed: LINEERR_REINIT',
    });
    bridge().exit(2);
    await expect(connecting).rejects.toThrow('TAPI cannot be used: lineInitializeEx failed: LINEERR_REINIT');
  });

  it.each([
    ['out of service', 'outOfService', 'the TAPI line is out of service'],
    ['asks for a restart', 'reinit', 'TAPI asks programs to reconnect (its configuration changed)'],
    ['is removed', 'removed', 'the TAPI line was removed'],
  ])('gives the line up when it is %s', async (_name, state, reason) => {
    const { provider, bridge, log } = setup();
    await open(provider, bridge);
    bridge().say({ type: 'line', line: 0, state });
    expect((await log.disconnected()).reason).toBe(reason);
    expect(bridge().killed).toBe(true);
  });

  it('treats bytes that are not UTF-8 as garbage', async () => {
    const { provider, bridge, log } = setup();
    await open(provider, bridge);
    bridge().stdout.write(Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]));
    expect((await log.disconnected()).reason).toBe('the TAPI bridge sent a line that is not UTF-8');
  });

  it('says when the bridge could not read a request', async () => {
    const { provider, bridge, log } = setup();
    await open(provider, bridge);
    bridge().say({
      type: 'reply',
      id: null,
      ok: false,
      error: 'badRequest',
      message: 'a request must be a JSON object',
    });
    expect((await log.disconnected()).reason).toBe(
      'the TAPI bridge could not read a request: a request must be a JSON object',
    );
  });

  it('does not track calls without bound: a bridge reporting too many loses its connection', async () => {
    const { provider, bridge, log } = setup();
    await open(provider, bridge);
    bridge().say(...Array.from({ length: 257 }, (_, index) => offering(String(index + 1))));
    expect((await log.disconnected()).reason).toBe('the TAPI bridge reports more than 256 calls at once');
    expect(log.events.filter((event) => event.type === 'offering')).toHaveLength(256);
  });

  it('fails a connect whose line list it cannot read, and connects again afterwards', async () => {
    const { provider, bridge, log, spawned } = setup();
    const connecting = provider.connect();
    bridge().say(HELLO);
    await flush();
    bridge().reply('lines', { lines: 'not a list' });
    const reason = 'the TAPI bridge answered "lines" with a result Ringdesk does not understand';
    await expect(connecting).rejects.toThrow(reason);
    expect((await log.disconnected()).reason).toBe(reason);
    expect(bridge().killed).toBe(true);
    await open(provider, bridge);
    expect(spawned).toHaveLength(2);
    expect(provider.state).toBe('connected');
  });
});
