import { describe, expect, it } from 'vitest';
import { ConnectionMachine, IllegalMoveError } from '../connection-machine.js';
import type { LineEvent } from '../line-provider.js';
import { TAPI_PHASES, type TapiMove, type TapiPhase } from './tapi-phase.js';

const MOVES: TapiMove[] = ['connect', 'hello', 'opened', 'fail', 'stop', 'exited'];

function machine(from: TapiPhase = 'stopped') {
  const events: LineEvent[] = [];
  return {
    events,
    connection: new ConnectionMachine('tapi', TAPI_PHASES, from, (event) => events.push(event)),
  };
}

describe('the tapi provider’s phases', () => {
  it('go from stopped to open through the handshake and the line, telling connecting and connected once', () => {
    const { connection, events } = machine();
    for (const move of ['connect', 'hello', 'opened'] as const) connection.move(move);
    expect(connection.phase).toBe('open');
    expect(events).toEqual([
      { type: 'state', state: 'connecting' },
      { type: 'state', state: 'connected' },
    ]);
  });

  it('leave stopped only by connect: nothing else restarts the bridge', () => {
    for (const move of MOVES.filter((each) => each !== 'connect'))
      expect(() => machine().connection.move(move)).toThrow(IllegalMoveError);
  });

  it('end every failure in stopped, and every stop in stopped once the bridge exited', () => {
    for (const phase of ['starting', 'opening', 'open'] as const) {
      const failed = machine(phase);
      expect(failed.connection.move('fail', 'bridge exited')).toBe('stopped');
      expect(failed.events).toEqual([{ type: 'state', state: 'disconnected', reason: 'bridge exited' }]);
      const stopped = machine(phase);
      stopped.connection.move('stop', 'stopped');
      expect(stopped.connection.state).toBe('disconnected');
      expect(stopped.connection.move('exited')).toBe('stopped');
      expect(stopped.events).toEqual([{ type: 'state', state: 'disconnected', reason: 'stopped' }]);
    }
  });

  it('take no call actions while stopping: only the exit moves on', () => {
    for (const move of MOVES.filter((each) => each !== 'exited'))
      expect(() => machine('stopping').connection.move(move)).toThrow(IllegalMoveError);
  });
});
