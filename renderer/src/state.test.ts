import { describe, expect, it } from 'vitest';
import type { DialConfirmation, JournalRecord, PopupModel } from '../../electron/contract/models.js';
import { initialState, withEvent, withSnapshot } from './state.js';

const popup = (callId: string, lookup: 'pending' | 'done' = 'pending') => ({ callId, lookup }) as PopupModel;
const record = (id: string) => ({ id }) as JournalRecord;
const confirmation = (id: string, dialable = '05551234') => ({ id, dialable }) as DialConfirmation;

describe('renderer state', () => {
  it('puts new popups first and updates existing ones in place', () => {
    let state = withEvent(initialState, { channel: 'popup', payload: popup('a') });
    state = withEvent(state, { channel: 'popup', payload: popup('b') });
    state = withEvent(state, { channel: 'popup', payload: popup('a', 'done') });
    expect(state.popups.map((each) => [each.callId, each.lookup])).toEqual([
      ['b', 'pending'],
      ['a', 'done'],
    ]);
    state = withEvent(state, { channel: 'popupClosed', payload: { callId: 'b' } });
    expect(state.popups.map((each) => each.callId)).toEqual(['a']);
  });

  it('replaces a journal record that changed (handled)', () => {
    let state = withEvent(initialState, { channel: 'journal', payload: { ...record('1'), handled: false } });
    state = withEvent(state, { channel: 'journal', payload: { ...record('1'), handled: true } });
    expect(state.journal).toEqual([{ ...record('1'), handled: true }]);
  });

  it('adds journal records once, newest first', () => {
    let state = withSnapshot(initialState, {
      line: { provider: 'simulator', line: '12', state: 'connected', reason: null, capabilities: [] },
      popups: [popup('old'), popup('new')],
      journal: [record('2'), record('1')],
      confirmations: [],
      language: 'de',
    });
    expect(state.language).toBe('de');
    expect(state.popups.map((each) => each.callId)).toEqual(['new', 'old']);
    state = withEvent(state, { channel: 'journal', payload: record('3') });
    state = withEvent(state, { channel: 'journal', payload: record('3') });
    expect(state.journal.map((each) => each.id)).toEqual(['3', '2', '1']);
  });

  it('shows dials waiting for confirmation, oldest first, until they are answered or expire', () => {
    let state = withEvent(initialState, { channel: 'dialConfirmation', payload: confirmation('a') });
    state = withEvent(state, { channel: 'dialConfirmation', payload: confirmation('b', '12') });
    expect(state.confirmations.map((each) => [each.id, each.dialable])).toEqual([
      ['a', '05551234'],
      ['b', '12'],
    ]);
    state = withEvent(state, { channel: 'dialConfirmationClosed', payload: { id: 'a', outcome: 'expired' } });
    expect(state.confirmations.map((each) => each.id)).toEqual(['b']);
  });

  it('shows the confirmations a reconnecting face finds waiting', () => {
    const state = withSnapshot(
      { ...initialState, confirmations: [confirmation('gone')] },
      {
        line: { provider: 'simulator', line: '12', state: 'connected', reason: null, capabilities: [] },
        popups: [],
        journal: [],
        confirmations: [confirmation('waiting')],
        language: null,
      },
    );
    expect(state.confirmations.map((each) => each.id)).toEqual(['waiting']);
  });
});
