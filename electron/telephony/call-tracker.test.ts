import { describe, expect, it } from 'vitest';
import { CallState } from './call-session.js';
import { CallTracker } from './call-tracker.js';
import type { LineEvent } from './line-provider.js';

function tracker() {
  let time = 0;
  const dropped: string[] = [];
  const calls = new CallTracker(
    () => (time += 1000),
    (event, reason) => dropped.push(`${event.type}: ${reason}`),
  );
  return { calls, dropped };
}

describe('CallTracker', () => {
  it('follows a call from offering to its end, keyed by the provider’s call id', () => {
    const { calls } = tracker();
    expect(calls.handle({ type: 'offering', callId: 'a', line: '12', remote: '0211555' })?.kind).toBe(
      'started',
    );
    expect(calls.handle({ type: 'offering', callId: 'b', line: '12', remote: '0211666' })?.kind).toBe(
      'started',
    );
    expect(calls.handle({ type: 'connected', callId: 'a' })).toMatchObject({
      kind: 'updated',
      call: { state: CallState.Connected },
    });
    expect(calls.handle({ type: 'ended', callId: 'a', cause: 'normalClearing' })).toMatchObject({
      kind: 'finished',
      call: { callId: 'a', state: CallState.Ended, cause: 'normalClearing' },
    });
    expect(calls.active().map((call) => call.callId)).toEqual(['b']);
  });

  it('drops and reports events that do not fit, without changing anything', () => {
    const { calls, dropped } = tracker();
    const offering: LineEvent = { type: 'offering', callId: 'a', line: '12', remote: '1' };
    calls.handle(offering);
    expect(calls.handle(offering)).toBeNull();
    calls.handle({ type: 'connected', callId: 'a' });
    expect(calls.handle({ type: 'connected', callId: 'a' })).toBeNull();
    expect(calls.handle({ type: 'ended', callId: 'nope' })).toBeNull();
    expect(dropped).toEqual([
      'offering: call already known',
      'connected: a connected call cannot answer',
      'ended: unknown call',
    ]);
    expect(calls.active()[0]?.state).toBe(CallState.Connected);
  });

  it('closes every open call when the line is lost: ringing ones as missed', () => {
    const { calls } = tracker();
    calls.handle({ type: 'offering', callId: 'ring', line: '12', remote: '1' });
    calls.handle({ type: 'offering', callId: 'talk', line: '12', remote: '2' });
    calls.handle({ type: 'connected', callId: 'talk' });
    const closed = calls.closeAll('lineLost');
    expect(closed.map((change) => [change.call.callId, change.call.state, change.call.cause])).toEqual([
      ['ring', CallState.Missed, 'lineLost'],
      ['talk', CallState.Ended, 'lineLost'],
    ]);
    expect(calls.active()).toEqual([]);
  });

  it('ends a ringing call that was forwarded elsewhere without calling it missed', () => {
    const { calls } = tracker();
    calls.handle({ type: 'offering', callId: 'leg', line: '12', remote: '0211555' });
    calls.handle({ type: 'offering', callId: 'gone', line: '12', remote: '0211666' });
    expect(calls.handle({ type: 'ended', callId: 'leg', cause: 'forwarded' })?.call).toMatchObject({
      state: CallState.Ended,
      cause: 'forwarded',
    });
    expect(calls.handle({ type: 'ended', callId: 'gone', cause: 'cancel' })?.call).toMatchObject({
      state: CallState.Missed,
      cause: 'cancel',
    });
  });
});
