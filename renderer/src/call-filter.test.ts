import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../electron/contract/models.js';
import { matches } from './call-filter.js';

const call = (overrides: Partial<JournalRecord>): JournalRecord => ({
  id: 'r',
  callId: 'c',
  direction: 'incoming',
  line: '12',
  number: {
    raw: '0211 5551234',
    e164: '+492115551234',
    display: '0211 5551234',
    kind: 'local',
    dialable: '05551234',
  },
  contact: { name: 'Anna Becker', company: 'ACME', directory: 'Book', id: 'a' },
  startedAt: '2026-11-23T09:00:00.000Z',
  answeredAt: null,
  endedAt: '2026-11-23T09:01:00.000Z',
  missed: true,
  blocked: false,
  handled: false,
  cause: null,
  ...overrides,
});

describe('call log filter and search', () => {
  it('filters by missed, incoming and outgoing', () => {
    expect(matches(call({}), 'missed', '')).toBe(true);
    expect(matches(call({ missed: false }), 'missed', '')).toBe(false);
    expect(matches(call({ direction: 'outgoing' }), 'incoming', '')).toBe(false);
    expect(matches(call({ direction: 'outgoing' }), 'outgoing', '')).toBe(true);
  });

  it('finds a call by name, company or any way of writing its number', () => {
    for (const search of ['anna', 'ACME', '5551234', '+49 211 555', '0211/555'])
      expect(matches(call({}), 'all', search), search).toBe(true);
    expect(matches(call({}), 'all', 'bob')).toBe(false);
    expect(matches(call({}), 'all', '12')).toBe(false);
  });

  it('finds a call by the agent’s note', () => {
    expect(matches(call({ note: 'Wants a quote for 40 licences' }), 'all', 'quote')).toBe(true);
    expect(matches(call({}), 'all', 'quote')).toBe(false);
  });
});
