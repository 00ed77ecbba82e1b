import { describe, expect, it } from 'vitest';
import { IllegalProviderTransitionError, nextProviderState } from './provider-state.js';

describe('nextProviderState', () => {
  it.each([
    ['disconnected', 'connect', 'connecting'],
    ['connecting', 'ready', 'connected'],
    ['connecting', 'fail', 'disconnected'],
    ['connected', 'drop', 'disconnected'],
    ['connected', 'stop', 'disconnected'],
    ['disconnected', 'stop', 'disconnected'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(nextProviderState(from, event)).toBe(to);
  });

  it.each([
    ['connected', 'connect'],
    ['connecting', 'connect'],
    ['disconnected', 'ready'],
    ['disconnected', 'drop'],
  ] as const)('refuses %s --%s-->', (from, event) => {
    expect(() => nextProviderState(from, event)).toThrow(IllegalProviderTransitionError);
  });
});
