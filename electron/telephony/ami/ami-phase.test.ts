import { describe, expect, it } from 'vitest';
import { IllegalAmiPhaseError, nextAmiPhase, providerStateOf } from './ami-phase.js';

describe('nextAmiPhase', () => {
  it('goes idle → opening → authenticating → ready, and back to idle when lost', () => {
    expect(nextAmiPhase('idle', 'connect')).toBe('opening');
    expect(nextAmiPhase('opening', 'greeted')).toBe('authenticating');
    expect(nextAmiPhase('authenticating', 'authenticated')).toBe('ready');
    for (const phase of ['opening', 'authenticating', 'ready'] as const)
      expect(nextAmiPhase(phase, 'lost')).toBe('idle');
  });

  it('refuses every other move, naming it', () => {
    expect(() => nextAmiPhase('ready', 'connect')).toThrow(IllegalAmiPhaseError);
    expect(() => nextAmiPhase('idle', 'lost')).toThrow(/cannot take "lost" while idle/);
    expect(() => nextAmiPhase('opening', 'authenticated')).toThrow(IllegalAmiPhaseError);
  });

  it("maps phases to the contract's states", () => {
    expect(['idle', 'opening', 'authenticating', 'ready'].map((p) => providerStateOf(p as never))).toEqual([
      'disconnected',
      'connecting',
      'connecting',
      'connected',
    ]);
  });
});
