import { describe, expect, it } from 'vitest';
import { TapiCallMap } from './tapi-call-map.js';
import type { CallInfoMessage, CallMessage, CallStateName } from './tapi-protocol.js';

const NO_PARTIES = {
  callerId: '',
  callerName: '',
  callerPresentation: 'unknown',
  calledId: '',
  connectedId: '',
  connectedName: '',
  redirectingId: '',
  redirectionId: '',
} as const;

function message(call: string, state: CallStateName, extra: Partial<CallMessage> = {}): CallMessage {
  return { type: 'call', call, line: 0, state, inactive: false, origin: 'unknown', ...NO_PARTIES, ...extra };
}

function info(call: string, extra: Partial<CallInfoMessage> = {}): CallInfoMessage {
  return { type: 'callInfo', call, line: 0, ...NO_PARTIES, ...extra };
}

describe('TapiCallMap', () => {
  it('reports an incoming call as offering with its caller ID, once connected, and ended with TAPI’s cause', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    expect(
      map.handle(
        message('7', 'offering', {
          callerId: '+492115551234',
          callerPresentation: 'allowed',
          origin: 'inbound',
        }),
      ),
    ).toEqual([
      {
        type: 'offering',
        callId: 'tapi-1-7',
        line: 'Desk',
        remote: '+492115551234',
        presentation: 'allowed',
      },
    ]);
    expect(map.isRinging('tapi-1-7')).toBe(true);
    const caller = { callerId: '+492115551234', callerPresentation: 'allowed' } as const;
    expect(map.handle(message('7', 'accepted', caller))).toEqual([]);
    expect(map.handle(message('7', 'connected', caller))).toEqual([
      { type: 'connected', callId: 'tapi-1-7' },
    ]);
    expect(map.handle(message('7', 'onHold', caller))).toEqual([]);
    expect(map.handle(message('7', 'connected', caller))).toEqual([]);
    expect(map.handle(message('7', 'connected', { infoError: 'LINEERR_NOMEM' }))).toEqual([]);
    expect(map.isRinging('tapi-1-7')).toBe(false);
    expect(map.handle(message('7', 'disconnected', { cause: 'busy' }))).toEqual([
      { type: 'ended', callId: 'tapi-1-7', cause: 'busy' },
    ]);
    expect(map.handle(message('7', 'idle'))).toEqual([]);
    expect(map.bridgeCallOf('tapi-1-7')).toBeNull();
  });

  it('reports a call dialled on the desk phone at dialtone, then its number once TAPI has the digits', () => {
    const map = new TapiCallMap('Desk', 'tapi-2');
    expect(map.handle(message('1', 'dialtone', { calledId: '', origin: 'outbound' }))).toEqual([
      { type: 'dialing', callId: 'tapi-2-1', line: 'Desk', remote: '', dialled: '', presentation: 'unknown' },
    ]);
    expect(map.handle(message('1', 'dialing', { calledId: '0211555' }))).toEqual([
      { type: 'updated', callId: 'tapi-2-1', remote: '0211555', presentation: 'allowed', name: '' },
    ]);
    expect(map.handle(message('1', 'ringback', { calledId: '0211555' }))).toEqual([]);
    expect(map.handle(message('1', 'busy'))).toEqual([{ type: 'ended', callId: 'tapi-2-1', cause: 'busy' }]);
  });

  it('reports a call first seen talking as started and connected, by its origin', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    expect(map.handle(message('1', 'connected', { origin: 'outbound', calledId: '0211555' }))).toEqual([
      {
        type: 'dialing',
        callId: 'tapi-1-1',
        line: 'Desk',
        remote: '0211555',
        dialled: '0211555',
        presentation: 'allowed',
      },
      { type: 'connected', callId: 'tapi-1-1' },
    ]);
    expect(
      map.handle(
        message('2', 'onHold', { origin: 'inbound', callerId: '0211666', callerPresentation: 'allowed' }),
      ),
    ).toEqual([
      { type: 'offering', callId: 'tapi-1-2', line: 'Desk', remote: '0211666', presentation: 'allowed' },
      { type: 'connected', callId: 'tapi-1-2' },
    ]);
    expect(
      map.handle(message('2', 'connected', { callerId: '0211666', callerPresentation: 'allowed' })),
    ).toEqual([]);
  });

  it('ignores calls first seen ending or in a state that says nothing', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    for (const state of ['idle', 'disconnected', 'busy', 'unknown', 'specialInfo'] as const) {
      expect(map.handle(message('1', state))).toEqual([]);
    }
    expect(map.bridgeCallOf('tapi-1-1')).toBeNull();
  });

  it('reports a call Ringdesk placed once, as the agent meant the number', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    expect(map.placed('3', '+4921155512', '055512')).toEqual([
      {
        type: 'dialing',
        callId: 'tapi-1-3',
        line: 'Desk',
        remote: '+4921155512',
        dialled: '055512',
        presentation: 'allowed',
      },
    ]);
    expect(map.handle(message('3', 'dialing', { origin: 'outbound', calledId: '055512' }))).toEqual([]);
    expect(map.handle(message('3', 'connected', { connectedId: '055512' }))).toEqual([
      { type: 'connected', callId: 'tapi-1-3' },
    ]);
    expect(map.handle(message('4', 'dialing', { origin: 'outbound', calledId: '0777' }))).toHaveLength(1);
    expect(map.placed('4', '+49777', '0777')).toEqual([
      { type: 'updated', callId: 'tapi-1-4', remote: '+49777', presentation: 'allowed', name: '' },
    ]);
  });

  it('closes a dial whose call ended before the reply, and never brings an ended call back', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    expect(map.placed('5', '+49777', '0777', { cause: 'busy' })).toEqual([
      {
        type: 'dialing',
        callId: 'tapi-1-5',
        line: 'Desk',
        remote: '+49777',
        dialled: '0777',
        presentation: 'allowed',
      },
      { type: 'ended', callId: 'tapi-1-5', cause: 'busy' },
    ]);
    map.handle(message('6', 'dialing', { origin: 'outbound', calledId: '0888' }));
    expect(map.handle(message('6', 'idle'))).toHaveLength(1);
    expect(map.placed('6', '+49888', '0888', { cause: 'normalClearing' })).toEqual([]);
    expect(map.placed('6', '+49888', '0888')).toEqual([]);
    expect(map.bridgeCallOf('tapi-1-6')).toBeNull();
  });

  it('tells withheld, unavailable and not-yet-known callers apart, and reports a late caller ID', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    expect(map.handle(message('1', 'offering', { callerPresentation: 'withheld' }))).toMatchObject([
      { type: 'offering', remote: '', presentation: 'withheld' },
    ]);
    expect(map.handle(message('2', 'offering', { callerPresentation: 'unavailable' }))).toMatchObject([
      { presentation: 'unavailable' },
    ]);
    expect(map.handle(message('3', 'offering'))).toMatchObject([{ remote: '', presentation: 'unknown' }]);
    // A number a driver passes on with LINECALLPARTYID_BLOCKED is not shown.
    expect(
      map.handle(
        message('4', 'offering', { callerId: '0211 777', callerName: 'X', callerPresentation: 'withheld' }),
      ),
    ).toEqual([
      { type: 'offering', callId: 'tapi-1-4', line: 'Desk', remote: '', presentation: 'withheld', name: 'X' },
    ]);
    expect(
      map.info(info('3', { callerId: '0211 555', callerName: 'Max', callerPresentation: 'allowed' })),
    ).toEqual([
      { type: 'updated', callId: 'tapi-1-3', remote: '0211 555', presentation: 'allowed', name: 'Max' },
    ]);
    expect(
      map.info(info('3', { callerId: '0211 555', callerName: 'Max', callerPresentation: 'allowed' })),
    ).toEqual([]);
    expect(map.info(info('9', { callerId: '1' }))).toEqual([]);
  });

  it('follows a transfer: the connected party becomes the remote party', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    map.handle(message('1', 'offering', { callerId: '0211555', callerPresentation: 'allowed' }));
    map.handle(message('1', 'connected', { callerId: '0211555', connectedId: '0211555' }));
    expect(map.info(info('1', { callerId: '0211555', connectedId: '7003', connectedName: 'Anna' }))).toEqual([
      { type: 'updated', callId: 'tapi-1-1', remote: '7003', presentation: 'allowed', name: 'Anna' },
    ]);
  });

  it('keeps calls at another phone of a shared appearance out, and ends one answered there', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    expect(map.handle(message('1', 'offering', { inactive: true, callerId: '0211' }))).toEqual([]);
    expect(map.handle(message('1', 'connected', { inactive: true }))).toEqual([]);
    expect(map.handle(message('1', 'idle'))).toEqual([]);
    map.handle(message('2', 'offering', { callerId: '0212' }));
    expect(map.handle(message('2', 'connected', { inactive: true }))).toEqual([
      {
        type: 'ended',
        callId: 'tapi-1-2',
        cause: 'answeredElsewhere',
        outcome: { kind: 'answeredElsewhere' },
      },
    ]);
    expect(map.isRinging('tapi-1-2')).toBe(false);
    expect(map.handle(message('2', 'idle'))).toEqual([]);
    map.handle(message('3', 'offering', { inactive: true, callerId: '0213', callerPresentation: 'allowed' }));
    expect(
      map.handle(message('3', 'connected', { callerId: '0213', callerPresentation: 'allowed' })),
    ).toEqual([
      { type: 'offering', callId: 'tapi-1-3', line: 'Desk', remote: '0213', presentation: 'allowed' },
      { type: 'connected', callId: 'tapi-1-3' },
    ]);
  });

  it('ends a ringing call a colleague picked up as answered elsewhere, one the switch forwarded as forwarded', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    map.handle(message('1', 'offering', { callerId: '0211111', callerPresentation: 'allowed' }));
    map.handle(message('2', 'offering', { callerId: '0211222', callerPresentation: 'allowed' }));
    map.handle(message('3', 'offering', { callerId: '0211333', callerPresentation: 'allowed' }));
    expect(map.handle(message('1', 'disconnected', { cause: 'pickedUp' }))).toEqual([
      {
        type: 'ended',
        callId: 'tapi-1-1',
        cause: 'answeredElsewhere',
        outcome: { kind: 'answeredElsewhere' },
      },
    ]);
    expect(map.handle(message('2', 'idle', { cause: 'forwarded', redirectionId: '7003' }))).toEqual([
      { type: 'ended', callId: 'tapi-1-2', cause: 'forwarded', outcome: { kind: 'forwarded', to: '7003' } },
    ]);
    expect(map.handle(message('3', 'idle', { cause: 'forwarded' }))).toEqual([
      { type: 'ended', callId: 'tapi-1-3', cause: 'forwarded', outcome: { kind: 'forwarded' } },
    ]);
    // A call already talking here that TAPI then ends so is a normal end with that cause.
    map.handle(message('4', 'offering', { callerId: '0211444', callerPresentation: 'allowed' }));
    map.handle(message('4', 'connected'));
    expect(map.handle(message('4', 'idle', { cause: 'pickedUp' }))).toEqual([
      { type: 'ended', callId: 'tapi-1-4', cause: 'pickedUp' },
    ]);
  });

  it('ends a call the agent rejected as rejected, and forgets the mark when the reject fails', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    map.handle(message('1', 'offering'));
    map.handle(message('2', 'offering'));
    map.markRejecting('tapi-1-1');
    const undo = map.markRejecting('tapi-1-2');
    undo();
    expect(map.handle(message('1', 'idle'))).toEqual([
      { type: 'ended', callId: 'tapi-1-1', cause: 'rejected' },
    ]);
    expect(map.handle(message('2', 'idle'))).toEqual([
      { type: 'ended', callId: 'tapi-1-2', cause: 'normalClearing' },
    ]);
  });

  it('cleans caller IDs: no control or direction characters, at most 64 characters', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    const [event] = map.handle(
      message('1', 'offering', { callerId: ` +49\u0007 211\u202e 555\r\n${'9'.repeat(80)}` }),
    );
    expect(event).toMatchObject({ remote: `+49 211 555${'9'.repeat(53)}` });
  });

  it('knows only its own connection’s call ids', () => {
    const map = new TapiCallMap('Desk', 'tapi-2');
    map.handle(message('1', 'offering'));
    expect(map.bridgeCallOf('tapi-2-1')).toBe('1');
    expect(map.bridgeCallOf('tapi-1-1')).toBeNull();
    expect(map.bridgeCallOf('sim-1')).toBeNull();
    map.clear();
    expect(map.bridgeCallOf('tapi-2-1')).toBeNull();
  });
});
