import { describe, expect, it } from 'vitest';
import {
  IllegalTapiMoveError,
  nextTapiPhase,
  providerStateOf,
  type TapiMove,
  type TapiPhase,
} from './tapi-phase.js';

const PHASES: TapiPhase[] = ['stopped', 'starting', 'opening', 'open', 'stopping'];
const MOVES: TapiMove[] = ['connect', 'hello', 'opened', 'fail', 'stop', 'exited'];

describe('the tapi provider’s state machine', () => {
  it('goes from stopped to open through the handshake and the line', () => {
    let phase: TapiPhase = 'stopped';
    for (const move of ['connect', 'hello', 'opened'] as const) phase = nextTapiPhase(phase, move);
    expect(phase).toBe('open');
    expect(providerStateOf(phase)).toBe('connected');
  });

  it('leaves stopped only by connect: nothing else restarts the bridge', () => {
    for (const move of MOVES.filter((each) => each !== 'connect')) {
      expect(() => nextTapiPhase('stopped', move)).toThrow(IllegalTapiMoveError);
    }
  });

  it('ends every failure in stopped, and every stop in stopped once the bridge exited', () => {
    for (const phase of ['starting', 'opening', 'open'] as const) {
      expect(nextTapiPhase(phase, 'fail')).toBe('stopped');
      expect(nextTapiPhase(nextTapiPhase(phase, 'stop'), 'exited')).toBe('stopped');
    }
  });

  it('refuses every other move with a message naming it', () => {
    const allowed = new Set([
      'stopped connect',
      'starting hello',
      'starting fail',
      'starting stop',
      'opening opened',
      'opening fail',
      'opening stop',
      'open fail',
      'open stop',
      'stopping exited',
    ]);
    for (const phase of PHASES) {
      for (const move of MOVES) {
        if (allowed.has(`${phase} ${move}`)) continue;
        expect(() => nextTapiPhase(phase, move)).toThrow(`the tapi provider cannot "${move}" while ${phase}`);
      }
    }
  });

  it('counts a line being closed as disconnected', () => {
    expect(PHASES.map(providerStateOf)).toEqual([
      'disconnected',
      'connecting',
      'connecting',
      'connected',
      'disconnected',
    ]);
  });
});
