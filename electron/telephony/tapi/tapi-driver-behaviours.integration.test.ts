/**
 * What real TAPI drivers do, played by the mock tapi32.dll to the real bridge under Wine (see
 * tapi-bridge.integration.test.ts for the set-up), each as Microsoft's TAPI 2.x reference
 * describes it: LINECALLINFO and LINE_CALLINFO (a caller ID that comes after the first ring, a
 * transfer), LINECALLPARTYID_ flags, calls that appear at DIALTONE (dialled on the phone), a
 * dial's states before its LINE_REPLY, LINEOFFERINGMODE_/LINECONNECTEDMODE_INACTIVE on shared
 * appearances, lineGetNewCalls, lineSetCallPrivilege, LINECALLPARAMS, LINE_CREATE/LINE_REMOVE
 * and LINEERR_STRUCTURETOOSMALL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockScript, rawBridge, startWineProvider } from '../../test-support/tapi-wine-rig.js';
import { WineBench, wineTestsRunnable, type WineSession } from '../../test-support/tapi-wine.js';
import type { TapiLineInput } from './tapi-settings.js';
import type { LineEvent } from '../line-provider.js';
import type { TapiProvider } from './tapi-provider.js';

const WINE = { timeout: 120_000 };

const callEvents = (events: readonly LineEvent[]) => events.filter((event) => event.type !== 'state');

describe.skipIf(!wineTestsRunnable())('tapi-bridge.exe against drivers as they are', () => {
  let bench: WineBench;
  const running: TapiProvider[] = [];

  beforeAll(async () => {
    bench = await WineBench.create();
  }, 300_000);

  afterEach(async () => {
    await Promise.all(running.splice(0).map((provider) => provider.disconnect()));
  }, 60_000);

  afterAll(async () => {
    await (bench as WineBench | undefined)?.dispose();
  }, 60_000);

  function start(session: WineSession, settings: Partial<TapiLineInput> = {}) {
    const rig = startWineProvider(session, settings);
    running.push(rig.provider);
    return rig;
  }

  it(
    'reports a caller ID that comes after the first ring, and the party a transfer connects',
    WINE,
    async () => {
      const session = bench.session(
        mockScript(
          ['on', 'open', '0'],
          ['offer', 'a', '', '', '12'],
          ['set', 'a', 'caller', '+492115551234'],
          ['set', 'a', 'callername', 'Max Müller'],
          ['callinfo', 'a', 'callerid'],
          ['state', 'a', 'connected'],
          ['set', 'a', 'connected', '7003'],
          ['set', 'a', 'connectedname', 'Anna'],
          ['callinfo', 'a', 'connectedid'],
          ['state', 'a', 'disconnected', 'normal'],
          ['state', 'a', 'idle'],
        ),
      );
      const { provider, log, changes } = start(session);
      await provider.connect();
      const ended = await log.until((event) => event.type === 'ended');
      const callId = 'callId' in ended ? ended.callId : '';
      expect(callEvents(log.events)).toEqual([
        { type: 'offering', callId, line: 'Büro "Empfang"', remote: '', presentation: 'unknown' },
        { type: 'updated', callId, remote: '+492115551234', presentation: 'allowed', name: 'Max Müller' },
        { type: 'connected', callId },
        { type: 'updated', callId, remote: '7003', presentation: 'allowed', name: 'Anna' },
        { type: 'ended', callId, cause: 'normalClearing' },
      ]);
      // The Companion's tracker applies both party changes (the late caller ID, the transfer).
      expect(changes.map(({ kind }) => kind)).toEqual(['started', 'party', 'updated', 'party', 'finished']);
    },
  );

  it('reports a call dialled on the desk phone at dialtone, then its number', WINE, async () => {
    const session = bench.session(
      mockScript(
        ['on', 'open', '0'],
        ['appear', 'h', 'dialtone', 'outbound', ''],
        ['state', 'h', 'dialing'],
        ['set', 'h', 'called', '0211999'],
        ['callinfo', 'h', 'calledid'],
        ['state', 'h', 'idle'],
      ),
    );
    const { provider, log } = start(session);
    await provider.connect();
    const ended = await log.until((event) => event.type === 'ended');
    const callId = 'callId' in ended ? ended.callId : '';
    expect(callEvents(log.events)).toEqual([
      { type: 'dialing', callId, line: 'Büro "Empfang"', remote: '', dialled: '', presentation: 'unknown' },
      { type: 'updated', callId, remote: '0211999', presentation: 'allowed', name: '' },
      { type: 'ended', callId, cause: 'normalClearing' },
    ]);
  });

  it(
    'ends a dial whose states, idle included, come before its reply, and drops no stale handle',
    WINE,
    async () => {
      const session = bench.session(
        mockScript(
          ['on', 'dial'],
          ['state', 'dial', 'dialing'],
          ['state', 'dial', 'disconnected', 'busy'],
          ['state', 'dial', 'idle'],
          ['reply', 'ok'],
          ['on', 'dial'],
          ['state', 'dial', 'dialing'],
        ),
      );
      const { provider, log, tracker } = start(session);
      await provider.connect();
      const first = await provider.dial('+4921155512', '055512');
      await log.until((event) => event.type === 'ended');
      expect(
        callEvents(log.events).filter((event) => 'callId' in event && event.callId === first.callId),
      ).toEqual([
        {
          type: 'dialing',
          callId: first.callId,
          line: 'Büro "Empfang"',
          remote: '055512',
          dialled: '055512',
          presentation: 'allowed',
        },
        { type: 'ended', callId: first.callId, cause: 'busy' },
      ]);
      await expect(provider.reject(first.callId)).rejects.toThrow(/there is no call/);
      // The next dial, in the usual order, is still reported and stays open.
      const second = await provider.dial('+4921155513', '055513');
      await log.until((event) => event.type === 'dialing' && event.callId === second.callId);
      expect(tracker.active().map((call) => [call.callId, call.remote])).toEqual([
        [second.callId, '+4921155513'],
      ]);
      expect(session.calls().filter(([name]) => name === 'lineDrop')).toEqual([]);
      expect(session.calls().filter(([name]) => name === 'lineDeallocateCall')).toEqual([
        ['lineDeallocateCall', 'dial#0'],
      ]);
    },
  );

  it('carries withheld, unavailable and unknown callers as such, not as an empty number', WINE, async () => {
    const session = bench.session(
      mockScript(
        ['on', 'open', '0'],
        ['offer', 'w', '', '', '12', 'blocked'],
        ['offer', 'o', '', '', '12', 'outofarea'],
        ['offer', 'u', '', 'Anonymous', '12', 'unavail'],
        ['offer', 'k', '', '', '12'],
        ['offer', 'n', '0211 339903', '', '12'],
      ),
    );
    const bridge = rawBridge(session);
    bridge.send({ id: 1, op: 'open', device: 0 });
    await bridge.until((m) => m['type'] === 'call' && m['callerId'] === '0211 339903');
    const calls = bridge.messages.filter((m) => m['type'] === 'call');
    expect(calls.map((m) => [m['state'], m['callerId'], m['callerName'], m['callerPresentation']])).toEqual([
      ['offering', '', '', 'withheld'],
      ['offering', '', '', 'unavailable'],
      ['offering', '', 'Anonymous', 'unavailable'],
      ['offering', '', '', 'unknown'],
      ['offering', '0211 339903', '', 'allowed'],
    ]);
    expect(await bridge.end()).toBe(0);

    const { provider, log } = start(
      bench.session(mockScript(['on', 'open', '0'], ['offer', 'w', '', '', '12', 'blocked'])),
    );
    await provider.connect();
    expect(await log.until((event) => event.type === 'offering')).toMatchObject({
      remote: '',
      presentation: 'withheld',
    });
  });

  it(
    'keeps calls ringing at another phone of a shared line out, and ends one answered there',
    WINE,
    async () => {
      const session = bench.session(
        mockScript(
          ['on', 'open', '0'],
          ['offer', 's1', '0211111', '', '12', 'inactive'],
          ['offer', 's2', '0211222', '', '12'],
          ['state', 's1', 'connected', 'inactive'],
          ['state', 's2', 'connected', 'inactive'],
          ['state', 's1', 'idle'],
          ['state', 's2', 'idle'],
          ['offer', 's3', '0211333', '', '12'],
        ),
      );
      const { provider, log, changes } = start(session);
      await provider.connect();
      await log.until((event) => event.type === 'offering' && event.remote === '0211333');
      expect(
        callEvents(log.events).map((event): string[] => [
          event.type,
          'remote' in event ? event.remote : event.type === 'ended' ? (event.cause ?? '') : '',
        ]),
      ).toEqual([
        ['offering', '0211222'],
        ['ended', 'answeredElsewhere'],
        ['offering', '0211333'],
      ]);
      expect(changes.find((change) => change.call.remote === '0211222')?.call.cause ?? null).toBeNull();
      expect(log.events.find((event) => event.type === 'ended')).toMatchObject({
        outcome: { kind: 'answeredElsewhere' },
      });
      expect(changes.at(-2)?.call).toMatchObject({ remote: '0211222', cause: 'answeredElsewhere' });
    },
  );

  it('a call a colleague picks up, and one the switch forwards, are not missed here', WINE, async () => {
    const session = bench.session(
      mockScript(
        ['on', 'open', '0'],
        ['offer', 'p', '0211111', '', '12'],
        ['offer', 'f', '0211222', '', '12'],
        ['state', 'p', 'disconnected', 'pickup'],
        ['state', 'p', 'idle'],
        ['set', 'f', 'redirection', '7003'],
        ['state', 'f', 'disconnected', 'forwarded'],
        ['state', 'f', 'idle'],
        ['offer', 'm', '0211333', '', '12'],
        ['state', 'm', 'disconnected', 'noanswer'],
        ['state', 'm', 'idle'],
      ),
    );
    const { provider, log, changes } = start(session);
    await provider.connect();
    await log.until((event) => event.type === 'ended' && event.cause === 'noAnswer');
    expect(
      log.events
        .filter((event) => event.type === 'ended')
        .map((event) => ('outcome' in event ? event.outcome : null)),
    ).toEqual([{ kind: 'answeredElsewhere' }, { kind: 'forwarded', to: '7003' }, null]);
    // The tracker: only the call nobody took is missed.
    const finished = changes
      .filter(({ kind }) => kind === 'finished')
      .map(({ call }) => [call.remote, call.state]);
    expect(finished).toEqual([
      ['0211111', 'ended'],
      ['0211222', 'ended'],
      ['0211333', 'missed'],
    ]);
  });

  it(
    'reports the calls already on the line when it opens, and takes ownership to reject one',
    WINE,
    async () => {
      const session = bench.session(
        mockScript(
          ['on', 'open', '0'],
          ['existing', 'x', 'connected', 'inbound', '0211777', '12'],
          ['existing', 'y', 'offering', 'inbound', '0211888', '12', 'inactive'],
          ['existing', 'z', 'offering', 'inbound', '0211999', '12'],
        ),
      );
      const { provider, log } = start(session);
      await provider.connect();
      const ringing = await log.until((event) => event.type === 'offering' && event.remote === '0211999');
      expect(
        callEvents(log.events).map((event) => [event.type, 'remote' in event ? event.remote : '']),
      ).toEqual([
        ['offering', '0211777'],
        ['connected', ''],
        ['offering', '0211999'],
      ]);
      expect(session.calls()).toContainEqual(['lineGetNewCalls', '0', 'calls=0x3']);
      await provider.reject('callId' in ringing ? ringing.callId : '');
      await log.until((event) => event.type === 'ended');
      const calls = session.calls().map((call) => call.join(' '));
      expect(calls.indexOf('lineSetCallPrivilege 0 privilege=0x4')).toBeGreaterThan(-1);
      expect(calls.indexOf('lineDrop z')).toBeGreaterThan(
        calls.indexOf('lineSetCallPrivilege 0 privilege=0x4'),
      );
    },
  );

  it('does not offer reject on a line TAPI opened for monitoring only', WINE, async () => {
    const session = bench.session(
      mockScript(['monitoronly', '0'], ['on', 'open', '0'], ['offer', 'm', '0211444', '', '12']),
    );
    const { provider, log } = start(session);
    await provider.connect();
    const offering = await log.until((event) => event.type === 'offering');
    expect([...provider.capabilities]).toEqual(['watch', 'dial']);
    await expect(provider.reject('callId' in offering ? offering.callId : '')).rejects.toThrow(
      /monitoring only/,
    );
    expect(
      session.calls().filter(([name]) => name === 'lineDrop' || name === 'lineSetCallPrivilege'),
    ).toEqual([]);
    expect(session.calls()).toContainEqual(['lineOpen', '0', 'privileges=0x2']);
  });

  it('places calls from the configured address of a line with several', WINE, async () => {
    const lines = [
      ['address', '0', '201'],
      ['address', '0', '202'],
    ];
    const params = (session: WineSession) =>
      session.calls().filter(([name]) => name === 'lineMakeCallParams');
    const configured = bench.session(mockScript(...lines));
    const first = start(configured, { address: '202' });
    await first.provider.connect();
    await first.provider.dial('+4921155512', '055512');
    expect(params(configured)).toEqual([['lineMakeCallParams', '1', 'address=0x1']]);
    const unconfigured = bench.session(mockScript(...lines));
    const second = start(unconfigured);
    await second.provider.connect();
    await second.provider.dial('+4921155512', '055512');
    expect(params(unconfigured)).toEqual([['lineMakeCallParams', '1', 'address=0x0']]);
    const wrong = start(bench.session(mockScript(...lines)), { address: '203' });
    await expect(wrong.provider.connect()).rejects.toThrow(
      'the line has no address "203"; its addresses: "201" (0), "202" (1)',
    );
  });

  it('keeps the line list current when TAPI adds and removes lines', WINE, async () => {
    const session = bench.session(
      mockScript(['on', 'open', '0'], ['create', 'Neue Leitung'], ['remove', '1']),
    );
    const { provider } = start(session);
    await provider.connect();
    await expect
      .poll(() => provider.listLines(), { timeout: 60_000 })
      .toEqual([
        { id: '0', name: 'Büro "Empfang"' },
        { id: '2', name: 'Neue Leitung' },
      ]);
    expect(provider.state).toBe('connected');
  });

  it('asks again with a larger buffer when a driver answers LINEERR_STRUCTURETOOSMALL', WINE, async () => {
    // A name longer than the bridge's first buffer (LINECALLINFO and 512 bytes) holds.
    const session = bench.session(
      mockScript(['on', 'open', '0'], ['offer', 't', '0211555666', 'L'.repeat(300), '12', 'toosmall']),
    );
    const { provider, log } = start(session);
    await provider.connect();
    expect(await log.until((event) => event.type === 'offering')).toMatchObject({
      remote: '0211555666',
      presentation: 'allowed',
      name: 'L'.repeat(128),
    });
    // A structure larger than the bridge accepts (64 KiB) is reported, never dropped silently.
    const bridge = rawBridge(
      bench.session(mockScript(['on', 'open', '0'], ['offer', 'b', '0211', '', '12', 'toobig'])),
    );
    bridge.send({ id: 1, op: 'open', device: 0 });
    await bridge.until((m) => m['type'] === 'call');
    expect(bridge.messages.find((m) => m['type'] === 'call')).toMatchObject({
      state: 'offering',
      callerId: '',
      infoError: 'LINEERR_STRUCTURETOOSMALL',
    });
    expect(await bridge.end()).toBe(0);
  });
});
