import { describe, expect, it } from 'vitest';
import type { JournalRecord, PopupModel } from '../../electron/contract/models.js';
import { initialState, withEvent, withSnapshot } from './state.js';

const popup = (callId: string, lookup: 'pending' | 'done' = 'pending') => ({ callId, lookup }) as PopupModel;
const record = (id: string) => ({ id }) as JournalRecord;

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
    });
    expect(state.popups.map((each) => each.callId)).toEqual(['new', 'old']);
    state = withEvent(state, { channel: 'journal', payload: record('3') });
    state = withEvent(state, { channel: 'journal', payload: record('3') });
    expect(state.journal.map((each) => each.id)).toEqual(['3', '2', '1']);
  });
});
