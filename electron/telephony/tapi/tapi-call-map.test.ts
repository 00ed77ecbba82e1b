import { describe, expect, it } from 'vitest';
import { TapiCallMap } from './tapi-call-map.js';
import type { CallMessage, CallStateName } from './tapi-protocol.js';

function message(call: string, state: CallStateName, extra: Partial<CallMessage> = {}): CallMessage {
  return {
    type: 'call',
    call,
    line: 0,
    state,
    origin: 'unknown',
    callerId: '',
    callerName: '',
    calledId: '',
    ...extra,
  };
}

describe('TapiCallMap', () => {
  it('reports an incoming call as offering with its caller ID, once connected, and ended with TAPI’s cause', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    expect(map.handle(message('7', 'offering', { callerId: '+492115551234', origin: 'inbound' }))).toEqual([
      { type: 'offering', callId: 'tapi-1-7', line: 'Desk', remote: '+492115551234' },
    ]);
    expect(map.isRinging('tapi-1-7')).toBe(true);
    expect(map.handle(message('7', 'accepted'))).toEqual([]);
    expect(map.handle(message('7', 'connected'))).toEqual([{ type: 'connected', callId: 'tapi-1-7' }]);
    expect(map.handle(message('7', 'onHold'))).toEqual([]);
    expect(map.handle(message('7', 'connected'))).toEqual([]);
    expect(map.isRinging('tapi-1-7')).toBe(false);
    expect(map.handle(message('7', 'disconnected', { cause: 'busy' }))).toEqual([
      { type: 'ended', callId: 'tapi-1-7', cause: 'busy' },
    ]);
    expect(map.handle(message('7', 'idle'))).toEqual([]);
    expect(map.bridgeCallOf('tapi-1-7')).toBeNull();
  });

  it('reports an outgoing call placed elsewhere (the desk phone) as dialing the called ID', () => {
    const map = new TapiCallMap('Desk', 'tapi-2');
    expect(map.handle(message('1', 'dialtone', { calledId: '', origin: 'outbound' }))).toEqual([
      { type: 'dialing', callId: 'tapi-2-1', line: 'Desk', remote: '', dialled: '' },
    ]);
    expect(map.handle(message('1', 'dialing', { calledId: '0211555' }))).toEqual([]);
    expect(map.handle(message('1', 'busy'))).toEqual([{ type: 'ended', callId: 'tapi-2-1', cause: 'busy' }]);
  });

  it('reports a call first seen talking as started and connected, by its origin', () => {
    const map = new TapiCallMap('Desk', 'tapi-1');
    expect(map.handle(message('1', 'connected', { origin: 'outbound', calledId: '0211555' }))).toEqual([
      { type: 'dialing', callId: 'tapi-1-1', line: 'Desk', remote: '0211555', dialled: '0211555' },
      { type: 'connected', callId: 'tapi-1-1' },
    ]);
    expect(map.handle(message('2', 'onHold', { origin: 'inbound', callerId: '0211666' }))).toEqual([
      { type: 'offering', callId: 'tapi-1-2', line: 'Desk', remote: '0211666' },
      { type: 'connected', callId: 'tapi-1-2' },
    ]);
    expect(map.handle(message('2', 'connected'))).toEqual([]);
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
      { type: 'dialing', callId: 'tapi-1-3', line: 'Desk', remote: '+4921155512', dialled: '055512' },
    ]);
    expect(map.handle(message('3', 'dialing', { origin: 'outbound', calledId: '055512' }))).toEqual([]);
    expect(map.handle(message('4', 'dialing', { origin: 'outbound', calledId: '0777' }))).toHaveLength(1);
    expect(map.placed('4', '+49777', '0777')).toEqual([]);
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
