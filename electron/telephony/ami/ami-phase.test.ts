import { describe, expect, it } from 'vitest';
import { ConnectionMachine, IllegalMoveError } from '../connection-machine.js';
import type { LineEvent } from '../line-provider.js';
import { AMI_PHASES, type AmiPhase } from './ami-phase.js';

function machine(from: AmiPhase = 'idle') {
  const events: LineEvent[] = [];
  return {
    events,
    connection: new ConnectionMachine('ami', AMI_PHASES, from, (event) => events.push(event)),
  };
}

describe('the AMI phases', () => {
  it('go idle → opening → authenticating → finding → ready, telling connecting once and connected once', () => {
    const { connection, events } = machine();
    expect(connection.move('connect')).toBe('opening');
    expect(connection.move('greeted')).toBe('authenticating');
    expect(connection.move('authenticated')).toBe('finding');
    expect(connection.move('found')).toBe('ready');
    expect(events).toEqual([
      { type: 'state', state: 'connecting' },
      { type: 'state', state: 'connected' },
    ]);
  });

  it('go back to idle when lost from any live phase, with the reason', () => {
    for (const phase of ['opening', 'authenticating', 'finding', 'ready'] as const) {
      const { connection, events } = machine(phase);
      expect(connection.move('lost', 'socket closed')).toBe('idle');
      expect(events).toEqual([{ type: 'state', state: 'disconnected', reason: 'socket closed' }]);
    }
  });

  it('refuse every other move, naming it', () => {
    expect(() => machine('ready').connection.move('connect')).toThrow(IllegalMoveError);
    expect(() => machine('idle').connection.move('lost')).toThrow(/cannot "lost" while idle/);
    expect(() => machine('opening').connection.move('authenticated')).toThrow(IllegalMoveError);
    expect(() => machine('authenticating').connection.move('found')).toThrow(IllegalMoveError);
  });
});
