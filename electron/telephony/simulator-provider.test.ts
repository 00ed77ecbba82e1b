import { describe, expect, it } from 'vitest';
import type { LineEvent } from './line-provider.js';
import { SimulatorError, SimulatorProvider } from './simulator-provider.js';

async function connected() {
  const line = new SimulatorProvider({ line: '12', now: () => 42 });
  const events: LineEvent[] = [];
  line.onEvent((event) => events.push(event));
  await line.connect();
  return { line, events };
}

describe('SimulatorProvider', () => {
  it('reports an incoming call, its answer and its end', async () => {
    const { line, events } = await connected();
    const callId = line.incoming('0211 5551234');
    line.answer(callId);
    line.hangup(callId);
    expect(events).toEqual([
      { type: 'state', state: 'connecting' },
      { type: 'state', state: 'connected' },
      { type: 'offering', callId, line: '12', remote: '0211 5551234' },
      { type: 'connected', callId },
      { type: 'ended', callId, cause: 'normalClearing' },
    ]);
  });

  it('records what it was asked to dial', async () => {
    const { line, events } = await connected();
    const { callId } = await line.dial('+492115551234', '05551234');
    expect(line.dialled()).toEqual([
      { callId, line: '12', number: '+492115551234', dialable: '05551234', at: 42 },
    ]);
    expect(events.at(-1)).toEqual({
      type: 'dialing',
      callId,
      line: '12',
      remote: '+492115551234',
      dialled: '05551234',
    });
  });

  it('refuses illegal moves with a clear error', async () => {
    const { line } = await connected();
    const callId = line.incoming('1');
    line.hangup(callId);
    expect(() => line.answer(callId)).toThrow(/is over \(missed\)/);
    expect(() => line.hangup('sim-99')).toThrow(SimulatorError);
    expect(() => line.incoming('  ')).toThrow(/needs a caller/);
  });

  it('does nothing while disconnected, and says so', async () => {
    const line = new SimulatorProvider({ line: '12' });
    expect(() => line.incoming('1')).toThrow(/not connected/);
    await expect(line.dial('1', '1')).rejects.toThrow(/not connected/);
  });
});
