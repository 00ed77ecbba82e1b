import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeClock } from '../../test-support/fake-clock.js';
import { BridgeRequestError, BridgeRequests } from './bridge-requests.js';

const linesSchema = z.object({ lines: z.array(z.string()) });

/** Requests written to a list, on a fake clock. */
function requests() {
  const written: string[] = [];
  const clock = new FakeClock(0);
  return { written, clock, requests: new BridgeRequests((line) => written.push(line), clock.schedule) };
}

describe('BridgeRequests', () => {
  it('settles every request it takes off the list: result, refusal, unreadable result, a failing reader', async () => {
    const { requests: bridge, written } = requests();
    const ok = bridge.send({ op: 'lines' }, linesSchema, 5000);
    const refused = bridge.send({ op: 'lines' }, linesSchema, 5000);
    const unreadable = bridge.send({ op: 'lines' }, linesSchema, 5000);
    const failingReader = bridge.send({ op: 'lines' }, linesSchema, 5000, () => {
      throw new Error('the call map is full');
    });
    expect(written.map((line) => (JSON.parse(line) as { id: number }).id)).toEqual([1, 2, 3, 4]);

    expect(bridge.settle({ type: 'reply', id: 1, ok: true, lines: ['Desk'] })).toBeNull();
    await expect(ok).resolves.toEqual({ lines: ['Desk'] });

    expect(
      bridge.settle({ type: 'reply', id: 2, ok: false, error: 'LINEERR_NODEVICE', message: 'no such line' }),
    ).toBeNull();
    await expect(refused).rejects.toBeInstanceOf(BridgeRequestError);

    // A broken bridge: the connection fails with the reason, and the caller hears it too.
    const unreadableReason = bridge.settle({ type: 'reply', id: 3, ok: true, lines: 7 });
    expect(unreadableReason).toMatch(/does not understand/);
    await expect(unreadable).rejects.toThrow(unreadableReason ?? '');

    const failingReason = bridge.settle({ type: 'reply', id: 4, ok: true, lines: [] });
    expect(failingReason).toBe('reading the "lines" result failed: the call map is full');
    await expect(failingReader).rejects.toThrow('reading the "lines" result failed: the call map is full');
  });
});
