import { describe, expect, it } from 'vitest';
import { viewOf } from './view-of.js';

describe('viewOf', () => {
  it('shows the window its hash names, and everything otherwise', () => {
    expect(viewOf('#settings')).toBe('settings');
    expect(viewOf('#/wizard')).toBe('wizard');
    expect(viewOf('#popup')).toBe('popup');
    expect(viewOf('')).toBe('all');
    expect(viewOf('#nonsense')).toBe('all');
  });
});
