/**
 * The real bridge, end to end: tapi-bridge.exe built with mingw-w64, run under Wine against the
 * mock tapi32.dll (native/tapi-bridge/mock), driven by the `tapi` provider. The mock plays call
 * states from a script and records what TAPI received, so these tests see both ends: what the
 * agent would see (lines, ringing calls with their caller ID) and what reached TAPI (the string
 * lineMakeCall dialled, the call lineDrop rejected).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LineEventLog } from '../../test-support/tapi-line-events.js';
import { WineBench, wineTestsRunnable, type WineSession } from '../../test-support/tapi-wine.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { CallState } from '../call-session.js';
import { CallTracker, type CallChange } from '../call-tracker.js';
import type { LineEvent } from '../line-provider.js';
import { createTapiProvider } from './create-tapi-provider.js';
import { LineFramer } from './line-framer.js';
import type { TapiProvider } from './tapi-provider.js';
import { tapiLineSchema, type TapiLineInput } from './tapi-settings.js';

const WINE = { timeout: 120_000 };
const LINES = [
  ['line', 'Büro "Empfang"'],
  ['line', 'Hotline'],
];

/** A mock script: one row per directive, fields separated by tabs. */
function script(...rows: string[][]): string {
  return [...LINES, ...rows].map((row) => row.join('\t')).join('\n');
}

describe.skipIf(!wineTestsRunnable())('tapi-bridge.exe under Wine', () => {
  let bench: WineBench;
  const running: TapiProvider[] = [];

  beforeAll(async () => {
    bench = await WineBench.create();
  }, 300_000);

  afterEach(async () => {
    await Promise.all(running.splice(0).map((provider) => provider.disconnect()));
  }, 60_000);

  afterAll(async () => {
    // bench is unset when beforeAll failed (with CI=true and a tool missing).
    await (bench as WineBench | undefined)?.dispose();
  }, 60_000);

  function start(session: WineSession, settings: Partial<TapiLineInput> = {}) {
    const provider = createTapiProvider(
      tapiLineSchema.parse({ provider: 'tapi', line: 'Büro "Empfang"', startTimeoutMs: 90_000, ...settings }),
      {
        defaultBridgePath: session.bridgePath,
        spawn: session.spawn,
        rules: DUESSELDORF,
        closeGraceMs: 20_000,
      },
    );
    running.push(provider);
    const changes: CallChange[] = [];
    const tracker = new CallTracker(() => 0);
    provider.onEvent((event) => {
      const change = tracker.handle(event);
      if (change !== null) changes.push(change);
    });
    return { provider, log: new LineEventLog(provider), changes, tracker };
  }

  it('lists the lines TAPI has, names intact', WINE, async () => {
    const { provider } = start(bench.session(script()));
    expect(await provider.listLines()).toEqual([
      { id: '0', name: 'Büro "Empfang"' },
      { id: '1', name: 'Hotline' },
    ]);
  });

  it(
    'turns an offered call into a ringing call with its caller ID, hostile ones included',
    WINE,
    async () => {
      const session = bench.session(
        script(
          ['on', 'open', '0'],
          ['offer', 'a', '+492115551234', 'Max Müller', '12'],
          ['offer', 'b', '0211\\x01"5\\u202e55\\ud800', '\\x1b[2J', '12'],
          ['state', 'a', 'connected'],
          ['state', 'b', 'idle'],
          ['state', 'a', 'disconnected', 'normal'],
          ['state', 'a', 'idle'],
        ),
      );
      const { provider, log, changes } = start(session);
      await provider.connect();
      await log.until((event) => event.type === 'ended' && changes.length >= 5);
      expect(
        changes.map(({ kind, call }) => [kind, call.direction, call.remote, call.state, call.cause]),
      ).toEqual([
        ['started', 'incoming', '+492115551234', CallState.Ringing, null],
        ['started', 'incoming', '0211"555\uFFFD', CallState.Ringing, null],
        ['updated', 'incoming', '+492115551234', CallState.Connected, null],
        ['finished', 'incoming', '0211"555\uFFFD', CallState.Missed, 'normalClearing'],
        ['finished', 'incoming', '+492115551234', CallState.Ended, 'normalClearing'],
      ]);
      expect(session.calls()).toContainEqual(['lineOpen', '0', 'privileges=0x6']);
      expect(session.calls().filter(([name]) => name === 'lineDeallocateCall')).toEqual([
        ['lineDeallocateCall', 'b'],
        ['lineDeallocateCall', 'a'],
      ]);
    },
  );

  it('reports every call of a burst larger than one batch of TAPI messages', WINE, async () => {
    const names = Array.from({ length: 30 }, (_, index) => `c${index}`);
    const session = bench.session(
      script(
        ['on', 'open', '0'],
        ...names.map((name, index) => ['offer', name, `0211555${index}`, '', '12']),
        ...names.map((name) => ['state', name, 'idle']),
      ),
    );
    const { provider, log, changes, tracker } = start(session);
    await provider.connect();
    await log.until(() => changes.length === 60);
    expect(changes.filter((change) => change.kind === 'started').map((change) => change.call.remote)).toEqual(
      names.map((_, index) => `0211555${index}`),
    );
    expect(changes.filter((change) => change.call.state === CallState.Missed)).toHaveLength(30);
    expect(tracker.active()).toEqual([]);
  });

  it('dials the dialable string: it reaches lineMakeCall as it is', WINE, async () => {
    const session = bench.session(
      script(['on', 'dial'], ['state', 'dial', 'dialing'], ['state', 'dial', 'connected']),
    );
    const { provider, log } = start(session);
    await provider.connect();
    const { callId } = await provider.dial('+4921155512', '055512');
    await log.until((event) => event.type === 'connected');
    expect(session.calls()).toContainEqual(['lineMakeCall', '055512']);
    expect(log.events.filter((event) => event.type !== 'state')).toEqual([
      {
        type: 'dialing',
        callId,
        line: 'Büro "Empfang"',
        remote: '+4921155512',
        dialled: '055512',
        presentation: 'allowed',
      },
      { type: 'connected', callId },
    ]);
  });

  it(
    'with canonical addresses, Windows’ dialing rules make the string lineMakeCall dials',
    WINE,
    async () => {
      const session = bench.session(script());
      const { provider, log } = start(session, { addressFormat: 'canonical' });
      await provider.connect();
      await provider.dial('+492115551234', '05551234');
      await provider.dial('+442079460958', '000442079460958');
      expect(
        session.calls().filter(([name]) => name === 'lineTranslateAddress' || name === 'lineMakeCall'),
      ).toEqual([
        ['lineTranslateAddress', '+49 (211) 5551234', '05551234'],
        ['lineMakeCall', '05551234'],
        ['lineTranslateAddress', '+44 (20) 79460958', '000442079460958'],
        ['lineMakeCall', '000442079460958'],
      ]);
      expect(log.events.filter((event) => event.type === 'dialing').map((event) => event.dialled)).toEqual([
        '05551234',
        '000442079460958',
      ]);
    },
  );

  it('rejects a dial TAPI refuses, naming TAPI’s error', WINE, async () => {
    const { provider } = start(bench.session(script(['on', 'dial'], ['reply', 'LINEERR_CALLUNAVAIL'])));
    await provider.connect();
    await expect(provider.dial('+4921155512', '055512')).rejects.toThrow(
      /lineMakeCall failed: LINEERR_CALLUNAVAIL/,
    );
    expect(provider.state).toBe('connected');
  });

  it('rejects a ringing call with lineDrop: it ends as rejected and counts as missed', WINE, async () => {
    const session = bench.session(script(['on', 'open', '0'], ['offer', 'c', '0211999', '', '12']));
    const { provider, log, changes } = start(session);
    await provider.connect();
    const offering = (await log.until((event) => event.type === 'offering')) as Extract<
      LineEvent,
      { callId: string }
    >;
    await provider.reject(offering.callId);
    await log.until((event) => event.type === 'ended');
    expect(session.calls()).toContainEqual(['lineDrop', 'c']);
    expect(changes.at(-1)?.call).toMatchObject({
      state: CallState.Missed,
      cause: 'rejected',
      remote: '0211999',
    });
  });

  it('reports a crash of the bridge as a disconnect with its exit code', WINE, async () => {
    const { provider, log } = start(bench.session(script(['on', 'open', '0'], ['crash', '3'])));
    await provider.connect().catch(() => undefined);
    expect((await log.disconnected(60_000)).reason).toMatch(/^the TAPI bridge exited with code 3/);
  });

  it('reports that TAPI cannot be initialized, with TAPI’s error', WINE, async () => {
    const { provider } = start(bench.session(script(['init', 'LINEERR_NODRIVER'])));
    await expect(provider.connect()).rejects.toThrow(
      'TAPI cannot be used: lineInitializeEx failed: LINEERR_NODRIVER',
    );
  });

  it('closes the line and shuts TAPI down when Ringdesk disconnects', WINE, async () => {
    const session = bench.session(script());
    const { provider } = start(session);
    await provider.connect();
    await provider.disconnect();
    expect(session.calls().slice(-2)).toEqual([['lineClose'], ['lineShutdown']]);
  });

  it('answers garbage requests with errors and keeps serving', WINE, async () => {
    const session = bench.session(script());
    const bridge = session.spawn(session.bridgePath);
    const framer = new LineFramer(1024 * 1024);
    const replies: Record<string, unknown>[] = [];
    let wanted = 0;
    let done: () => void = () => undefined;
    bridge.stdout.on('data', (chunk: Buffer) => {
      for (const line of framer.push(chunk)) replies.push(JSON.parse(line) as Record<string, unknown>);
      if (replies.length >= wanted) done();
    });
    const exited = new Promise<number | null>((resolve) => {
      bridge.onExit((code) => {
        resolve(code);
      });
    });
    const requests = [
      'not json',
      'x'.repeat(5000),
      '{"id":1,"op":"fly"}',
      '{"id":2,"op":"dial","address":"0211\\u0000555"}',
      '{"id":3,"op":"dial","address":"0211555"}',
      '{"id":4,"op":"open"}',
      '{"id":5,"op":"lines","extra":true}',
      '{"id":6,"op":"lines"}',
    ];
    wanted = requests.length + 1;
    const all = new Promise<void>((resolve) => (done = resolve));
    bridge.stdin.write(requests.map((request) => `${request}\n`).join(''));
    await all;
    bridge.stdin.end();
    expect(await exited).toBe(0);
    expect(replies.map(({ type, id, ok, error }) => [type, id, ok, error])).toEqual([
      ['hello', undefined, undefined, undefined],
      ['reply', null, false, 'badRequest'],
      ['reply', null, false, 'badRequest'],
      ['reply', 1, false, 'unknownOp'],
      ['reply', 2, false, 'badRequest'],
      ['reply', 3, false, 'notOpen'],
      ['reply', 4, false, 'badRequest'],
      ['reply', 5, false, 'badRequest'],
      ['reply', 6, true, undefined],
    ]);
    expect(replies[2]).toMatchObject({ message: 'a request line is longer than 4096 bytes' });
    expect(replies[4]).toMatchObject({ message: 'a string holds a NUL character' });
    expect(session.calls().at(-1)).toEqual(['lineShutdown']);
  });
});
