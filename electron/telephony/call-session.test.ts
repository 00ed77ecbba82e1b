import { describe, expect, it } from 'vitest';
import { CallSession, CallState, IllegalTransitionError, nextCallState } from './call-session.js';

describe('nextCallState', () => {
  it.each([
    [CallState.Ringing, 'answer', CallState.Connected],
    [CallState.Ringing, 'hangup', CallState.Missed],
    [CallState.Dialing, 'answer', CallState.Connected],
    [CallState.Dialing, 'hangup', CallState.Ended],
    [CallState.Connected, 'hangup', CallState.Ended],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(nextCallState(from, event)).toBe(to);
  });

  it.each([
    [CallState.Connected, 'answer'],
    [CallState.Ended, 'hangup'],
    [CallState.Ended, 'answer'],
    [CallState.Missed, 'answer'],
    [CallState.Missed, 'hangup'],
  ] as const)('refuses %s --%s-->', (from, event) => {
    expect(() => nextCallState(from, event)).toThrow(IllegalTransitionError);
  });
});

describe('CallSession', () => {
  const start = { callId: 'c1', line: '12', remote: '0211 5551234', dialled: null, startedAt: 1000 };

  it('records answer and end times and the cause', () => {
    const session = new CallSession({ ...start, direction: 'incoming' });
    expect(session.snapshot.state).toBe(CallState.Ringing);
    session.apply('answer', 2000);
    const ended = session.apply('hangup', 5000, 'normalClearing');
    expect(ended).toMatchObject({
      state: CallState.Ended,
      answeredAt: 2000,
      endedAt: 5000,
      cause: 'normalClearing',
    });
  });

  it('marks an unanswered incoming call as missed and an unanswered outgoing one as ended', () => {
    const incoming = new CallSession({ ...start, direction: 'incoming' });
    expect(incoming.apply('hangup', 3000)).toMatchObject({
      state: CallState.Missed,
      answeredAt: null,
      endedAt: 3000,
    });
    const outgoing = new CallSession({ ...start, direction: 'outgoing' });
    expect(outgoing.snapshot.state).toBe(CallState.Dialing);
    expect(outgoing.apply('hangup', 3000, 'busy')).toMatchObject({
      state: CallState.Ended,
      answeredAt: null,
      cause: 'busy',
    });
  });
});
