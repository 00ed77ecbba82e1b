import { describe, expect, it } from 'vitest';
import { ConnectionMachine, IllegalMoveError, SIMPLE_PHASES, type SimpleMove } from './connection-machine.js';
import type { LineEvent, ProviderState } from './line-provider.js';

function machine() {
  const events: LineEvent[] = [];
  const connection = new ConnectionMachine<ProviderState, SimpleMove>(
    'test',
    SIMPLE_PHASES,
    'disconnected',
    (event) => events.push(event),
  );
  return { connection, events };
}

describe('ConnectionMachine with the simple table', () => {
  it.each([
    ['disconnected', 'connect', 'connecting'],
    ['connecting', 'ready', 'connected'],
    ['connecting', 'fail', 'disconnected'],
    ['connected', 'lost', 'disconnected'],
    ['connected', 'stop', 'disconnected'],
    ['disconnected', 'stop', 'disconnected'],
  ] as const)('%s --%s--> %s', (from, move, to) => {
    const table = new ConnectionMachine('test', SIMPLE_PHASES, from, () => undefined);
    expect(table.move(move)).toBe(to);
  });

  it.each([
    ['connected', 'connect'],
    ['connecting', 'connect'],
    ['disconnected', 'ready'],
    ['disconnected', 'lost'],
  ] as const)('refuses %s --%s-->', (from, move) => {
    const table = new ConnectionMachine('test', SIMPLE_PHASES, from, () => undefined);
    expect(() => table.move(move)).toThrow(IllegalMoveError);
    expect(table.phase).toBe(from);
  });

  it('emits each change of state once, with the reason of the move that made it', () => {
    const { connection, events } = machine();
    connection.move('connect');
    connection.move('ready');
    connection.move('lost', 'socket closed');
    connection.move('stop', 'stopped');
    expect(events).toEqual([
      { type: 'state', state: 'connecting' },
      { type: 'state', state: 'connected' },
      { type: 'state', state: 'disconnected', reason: 'socket closed' },
    ]);
  });
});
