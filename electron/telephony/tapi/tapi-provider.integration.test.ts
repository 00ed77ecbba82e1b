/**
 * Contract tests of the `tapi` provider against a fake bridge process (a Node script speaking
 * the bridge protocol): what the agent would notice — the line connects, calls ring with their
 * caller ID, dialling sends the right string — and every way the bridge can fail ends in
 * `disconnected` with a reason, without the provider restarting the bridge by itself.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge, type FakeBridgeScript } from '../../test-support/tapi-fake-bridge-spawn.js';
import { LineEventLog } from '../../test-support/tapi-line-events.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { useTempDir } from '../../test-support/temp-dir.js';
import { CallState } from '../call-session.js';
import { CallTracker } from '../call-tracker.js';
import type { LineEvent } from '../line-provider.js';
import { createTapiProvider } from './create-tapi-provider.js';
import type { TapiProvider } from './tapi-provider.js';
import { tapiLineSchema, type TapiLineInput } from './tapi-settings.js';

const tempDir = useTempDir();
const running: TapiProvider[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((provider) => provider.disconnect()));
});

function setup(script: FakeBridgeScript = {}, settings: Partial<TapiLineInput> = {}) {
  const dir = tempDir();
  const bridge = fakeBridge(dir, script);
  const provider = createTapiProvider(
    tapiLineSchema.parse({ provider: 'tapi', line: 'Fake Line 1', ...settings }),
    {
      defaultBridgePath: path.join(dir, 'tapi-bridge.exe'),
      spawn: bridge.spawn,
      rules: DUESSELDORF,
      closeGraceMs: 1000,
    },
  );
  running.push(provider);
  return { provider, bridge, log: new LineEventLog(provider) };
}

function call(callId: string, state: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'call',
    call: callId,
    line: 0,
    state,
    origin: 'inbound',
    callerId: '',
    callerName: '',
    calledId: '',
    ...extra,
  };
}

const ops = (requests: Record<string, unknown>[]) => requests.map((request) => request['op']);

describe('tapi provider against a fake bridge', () => {
  it('connects to the configured line, ignoring noise on stderr, and lists the usable lines', async () => {
    const { provider, bridge, log } = setup(
      {
        stderr: 'tapi-bridge: warming up',
        lines: [
          { id: 0, name: 'Fake Line 1', permanentId: 7 },
          { id: 1, name: 'Desk "12"', permanentId: 8 },
          { id: 2, name: '', error: 'LINEERR_INCOMPATIBLEAPIVERSION' },
        ],
      },
      { line: 'desk "12"' },
    );
    await provider.connect();
    expect(provider.state).toBe('connected');
    expect(log.events).toEqual([
      { type: 'state', state: 'connecting' },
      { type: 'state', state: 'connected' },
    ]);
    expect(bridge.requests()).toMatchObject([{ op: 'lines' }, { op: 'open', device: 1 }]);
    expect(await provider.listLines()).toEqual([
      { id: '0', name: 'Fake Line 1' },
      { id: '1', name: 'Desk "12"' },
    ]);
  });

  it('turns offered calls into ringing calls with their caller ID, and their ends into missed or ended', async () => {
    const { provider, log } = setup({
      afterOpen: [
        // Protocol 2: every state message carries the call's parties as the bridge re-read them.
        call('1', 'offering', { callerId: '+492115551234', calledId: '12' }),
        call('2', 'offering', { callerId: '0211 339903-44' }),
        call('1', 'connected', { callerId: '+492115551234', calledId: '12' }),
        call('2', 'idle', { callerId: '0211 339903-44' }),
        call('1', 'disconnected', { callerId: '+492115551234', calledId: '12', cause: 'normalClearing' }),
        call('1', 'idle', { callerId: '+492115551234', calledId: '12' }),
      ],
    });
    let time = 0;
    const tracker = new CallTracker(() => ++time);
    const changes: ReturnType<CallTracker['handle']>[] = [];
    provider.onEvent((event) => changes.push(tracker.handle(event)));
    await provider.connect();
    await log.until((event) => event.type === 'ended' && event.callId.endsWith('-1'));
    const calls = changes.flatMap((change) => (change === null ? [] : [change]));
    expect(
      calls.map(({ kind, call: { direction, remote, state, cause } }) => [
        kind,
        direction,
        remote,
        state,
        cause,
      ]),
    ).toEqual([
      ['started', 'incoming', '+492115551234', CallState.Ringing, null],
      ['started', 'incoming', '0211 339903-44', CallState.Ringing, null],
      ['updated', 'incoming', '+492115551234', CallState.Connected, null],
      ['finished', 'incoming', '0211 339903-44', CallState.Missed, 'normalClearing'],
      ['finished', 'incoming', '+492115551234', CallState.Ended, 'normalClearing'],
    ]);
    expect(tracker.active()).toEqual([]);
  });

  it('passes a hostile caller ID on without control characters, and stays connected', async () => {
    const { provider, log } = setup({
      afterOpen: [call('1', 'offering', { callerId: '"0211\u0000\u001b5551234\u202e\\' + 'x'.repeat(500) })],
    });
    await provider.connect();
    const offering = await log.until((event) => event.type === 'offering');
    expect(offering).toMatchObject({ type: 'offering', remote: `"02115551234\\${'x'.repeat(51)}` });
    expect(provider.state).toBe('connected');
  });

  it('dials the dialable string as it is and reports the call once', async () => {
    const { provider, bridge, log } = setup({ dials: [{ states: ['dialing', 'ringback', 'connected'] }] });
    await provider.connect();
    const { callId } = await provider.dial('+4921155512', '055512');
    await log.until((event) => event.type === 'connected');
    expect(bridge.requests().at(-1)).toMatchObject({ op: 'dial', address: '055512', translate: false });
    expect(log.events.filter((event) => event.type !== 'state')).toEqual([
      {
        type: 'dialing',
        callId,
        line: 'Fake Line 1',
        remote: '+4921155512',
        dialled: '055512',
        presentation: 'allowed',
      },
      { type: 'connected', callId },
    ]);
  });

  it('with canonical addresses, sends +49 (211) ... for TAPI to translate, and extensions as they are', async () => {
    const { provider, bridge, log } = setup({}, { addressFormat: 'canonical' });
    await provider.connect();
    await provider.dial('+492115551234', '05551234');
    await provider.dial('+4921133990312', '12');
    const dials = bridge.requests().filter((request) => request['op'] === 'dial');
    expect(dials.map(({ address, translate }) => ({ address, translate }))).toEqual([
      { address: '+49 (211) 5551234', translate: true },
      { address: '12', translate: false },
    ]);
    expect(log.events.filter((event) => event.type === 'dialing').map((event) => event.dialled)).toEqual([
      'T492115551234',
      '12',
    ]);
  });

  it('reports a dialled call once when the driver sends its states before the reply', async () => {
    const { provider, log } = setup({ dials: [{ statesFirst: true, states: ['dialing', 'connected'] }] });
    await provider.connect();
    const { callId } = await provider.dial('+4921155512', '055512');
    const events = log.events.filter((event) => event.type !== 'state');
    // The states named the called ID only; the reply puts the number as the agent meant it.
    expect(events.map((event) => event.type)).toEqual(['dialing', 'connected', 'updated']);
    expect(events.at(-1)).toMatchObject({ remote: '+4921155512', presentation: 'allowed' });
    expect(events.every((event) => 'callId' in event && event.callId === callId)).toBe(true);
  });

  it('rejects a dial TAPI refuses with TAPI’s reason, and stays connected', async () => {
    const { provider } = setup({ dials: [{ error: 'LINEERR_CALLUNAVAIL' }] });
    await provider.connect();
    await expect(provider.dial('+4921155512', '055512')).rejects.toThrow(/LINEERR_CALLUNAVAIL/);
    expect(provider.state).toBe('connected');
  });

  it('rejects a ringing call by dropping it: the call ends as rejected and counts as missed', async () => {
    const { provider, bridge, log } = setup({ afterOpen: [call('4', 'offering', { callerId: '0211555' })] });
    const tracker = new CallTracker(() => 0);
    const finished: unknown[] = [];
    provider.onEvent((event) => {
      const change = tracker.handle(event);
      if (change?.kind === 'finished') finished.push([change.call.state, change.call.cause]);
    });
    await provider.connect();
    const offering = (await log.until((event) => event.type === 'offering')) as Extract<
      LineEvent,
      { callId: string }
    >;
    await provider.reject(offering.callId);
    await log.until((event) => event.type === 'ended');
    expect(bridge.requests().at(-1)).toMatchObject({ op: 'drop', call: '4' });
    expect(finished).toEqual([[CallState.Missed, 'rejected']]);
  });

  it('refuses to reject a call that is not ringing or not known, without asking TAPI', async () => {
    const { provider, bridge, log } = setup({ afterOpen: [call('1', 'offering'), call('1', 'connected')] });
    await provider.connect();
    const connected = (await log.until((event) => event.type === 'connected')) as Extract<
      LineEvent,
      { callId: string }
    >;
    await expect(provider.reject(connected.callId)).rejects.toThrow(/not ringing/);
    await expect(provider.reject('tapi-9-9')).rejects.toThrow(/no call "tapi-9-9"/);
    expect(ops(bridge.requests())).toEqual(['lines', 'open']);
  });

  it('reports a crash of the bridge as a disconnect, and does not start another by itself', async () => {
    const { provider, bridge, log } = setup();
    await provider.connect();
    bridge.started[0]?.kill();
    const lost = await log.disconnected();
    expect(lost.reason).toMatch(/the TAPI bridge was killed \(SIGKILL\)/);
    expect(provider.state).toBe('disconnected');
    await expect(provider.dial('+4921155512', '055512')).rejects.toThrow(/not connected/);
    expect(bridge.started).toHaveLength(1);
  });

  it('reports the bridge exiting, with the last thing it said on stderr', async () => {
    const { provider, log } = setup({ stderr: 'tapi-bridge: the driver went away', exitAfterOpen: 3 });
    await provider.connect();
    expect((await log.disconnected()).reason).toBe(
      'the TAPI bridge exited with code 3: tapi-bridge: the driver went away',
    );
  });

  it.each([
    ['a line that is not JSON', 'hello world', /sent a line that is not JSON: "hello world"/],
    ['an over-long line', { repeat: 'x', count: 1_100_000 }, /sent a line longer than 1048576 bytes/],
    ['an unknown message', { type: 'surprise' }, /sent a message Ringdesk does not understand/],
    ['a call in an unknown state', call('1', 'levitating'), /does not understand/],
    [
      'a reply to a request never sent',
      { type: 'reply', id: 999, ok: true },
      /request 999, which it was never sent/,
    ],
  ])('treats %s on stdout as a disconnect and ends the bridge', async (_name, garbage, reason) => {
    const { provider, bridge, log } = setup({ afterOpen: [garbage], ignoreEof: true });
    await provider.connect();
    const exited = new Promise((resolve) => bridge.started[0]?.onExit(resolve));
    expect((await log.disconnected()).reason).toMatch(reason);
    await exited;
    expect(bridge.started).toHaveLength(1);
  });

  it('refuses a bridge that speaks another protocol version', async () => {
    const { provider, log } = setup({ hello: { type: 'hello', protocol: 1, bridge: '1.0.0' } });
    await expect(provider.connect()).rejects.toThrow(/speaks protocol 1, this Ringdesk needs protocol 2/);
    expect((await log.disconnected()).reason).toMatch(/protocol 1/);
    expect(provider.state).toBe('disconnected');
  });

  it('refuses a bridge that talks before its hello', async () => {
    const { provider } = setup({ beforeHello: [call('1', 'offering')] });
    await expect(provider.connect()).rejects.toThrow(/sent "call" before its hello/);
  });

  it('reports that TAPI cannot be used when the bridge cannot initialize it', async () => {
    const fatal = {
      type: 'fatal',
      error: 'LINEERR_NODRIVER',
      message: 'lineInitializeEx failed: LINEERR_NODRIVER',
    };
    const { provider } = setup({ afterHello: [fatal], exitAfterHello: 2 });
    await expect(provider.connect()).rejects.toThrow(
      'TAPI cannot be used: lineInitializeEx failed: LINEERR_NODRIVER',
    );
  });

  it('names the lines there are when the configured one does not exist', async () => {
    const { provider, bridge } = setup({}, { line: 'Nope' });
    await expect(provider.connect()).rejects.toThrow(
      'there is no TAPI line "Nope"; TAPI has "Fake Line 1" (0), "Fake Line 2" (1)',
    );
    expect(ops(bridge.requests())).toEqual(['lines']);
  });

  it('reports that the line cannot be opened, with TAPI’s reason', async () => {
    const { provider } = setup({ openError: 'LINEERR_RESOURCEUNAVAIL' });
    await expect(provider.connect()).rejects.toThrow(
      'cannot open the TAPI line "Fake Line 1": lineOpen failed: LINEERR_RESOURCEUNAVAIL',
    );
  });

  it('gives the line up when TAPI closes it, but not when it comes back in service', async () => {
    const { provider, log } = setup({
      afterOpen: [
        { type: 'line', line: 0, state: 'inService' },
        { type: 'line', line: 0, state: 'closed' },
      ],
    });
    await provider.connect();
    expect((await log.disconnected()).reason).toMatch(/TAPI closed the line/);
  });

  it('ends the bridge on disconnect, killing one that ignores the end of its input', async () => {
    const { provider, bridge, log } = setup({ ignoreEof: true });
    await provider.connect();
    const exited = new Promise((resolve) => bridge.started[0]?.onExit(resolve));
    await provider.disconnect();
    await exited;
    expect(log.events.at(-1)).toEqual({ type: 'state', state: 'disconnected', reason: 'stopped' });
  });

  it('starts a new bridge only when asked to connect again, with call ids that never repeat', async () => {
    const { provider, bridge, log } = setup({ afterOpen: [call('1', 'offering', { callerId: '0211555' })] });
    await provider.connect();
    const first = await log.until((event) => event.type === 'offering');
    bridge.started[0]?.kill();
    await log.disconnected();
    await provider.connect();
    const second = await log.until((event) => event.type === 'offering' && event !== first);
    expect(bridge.started).toHaveLength(2);
    expect(second).toMatchObject({ remote: '0211555' });
    expect('callId' in second && 'callId' in first && second.callId !== first.callId).toBe(true);
  });
});
