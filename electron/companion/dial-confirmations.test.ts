import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../contacts/contact-lookup.js';
import type { DialResult } from '../contract/models.js';
import { contactWith } from '../test-support/fake-directory.js';
import { FakeClock } from '../test-support/fake-clock.js';
import {
  ConfirmationState,
  DialConfirmations,
  IllegalConfirmationMoveError,
  MAX_PENDING,
  nextConfirmationState,
  type ConfirmationEvent,
  type DialTarget,
} from './dial-confirmations.js';

const target: DialTarget = {
  number: '+492115551234',
  e164: '+492115551234',
  dialable: '05551234',
  view: {
    raw: 'tel:+49-211-5551234',
    e164: '+492115551234',
    display: '0211 5551234',
    kind: 'local',
    dialable: '05551234',
    valid: true,
  },
};

function rig(
  found: LookupResult = { contacts: [contactWith('Ann Example', '+492115551234')], failures: [] },
) {
  const clock = new FakeClock();
  const events: ConfirmationEvent[] = [];
  const placed: DialTarget[] = [];
  let ids = 0;
  const confirmations = new DialConfirmations({
    now: clock.now,
    schedule: clock.schedule,
    newId: () => `c${++ids}`,
    lookup: () => Promise.resolve(found),
    place: (each): Promise<DialResult> => {
      placed.push(each);
      const { number, e164, dialable } = each;
      return Promise.resolve({ callId: `call-${placed.length}`, number, e164, dialable });
    },
    emit: (event) => events.push(event),
  });
  return { clock, events, placed, confirmations };
}

describe('the confirmation state machine', () => {
  it('leaves pending once, for good', () => {
    expect(nextConfirmationState(ConfirmationState.Pending, 'confirm')).toBe(ConfirmationState.Confirmed);
    expect(nextConfirmationState(ConfirmationState.Pending, 'cancel')).toBe(ConfirmationState.Cancelled);
    expect(nextConfirmationState(ConfirmationState.Pending, 'expire')).toBe(ConfirmationState.Expired);
    for (const done of [ConfirmationState.Confirmed, ConfirmationState.Cancelled, ConfirmationState.Expired])
      for (const move of ['confirm', 'cancel', 'expire'] as const)
        expect(() => nextConfirmationState(done, move)).toThrow(IllegalConfirmationMoveError);
  });
});

describe('DialConfirmations', () => {
  it('asks first: shows who it is and the exact string, and dials nothing yet', async () => {
    const { events, placed, confirmations, clock } = rig();
    const result = await confirmations.request('link', target);
    expect(result).toEqual({
      callId: null,
      number: '+492115551234',
      e164: '+492115551234',
      dialable: '05551234',
      confirmationId: 'c1',
    });
    expect(placed).toEqual([]);
    expect(events.map((event) => event.channel)).toEqual(['dialConfirmation']);
    expect(events[0]?.payload).toMatchObject({
      id: 'c1',
      source: 'link',
      dialable: '05551234',
      number: { display: '0211 5551234', raw: 'tel:+49-211-5551234' },
      contacts: [{ name: 'Ann Example' }],
      createdAt: clock.now(),
      expiresAt: clock.now() + 60_000,
    });
    expect(confirmations.pending().map((each) => each.id)).toEqual(['c1']);
  });

  it('dials exactly what was shown when the agent says yes, once, then runs the follow-up', async () => {
    const { events, placed, confirmations, clock } = rig();
    const after: string[] = [];
    const { confirmationId } = await confirmations.request('callback', target, () => {
      after.push('handled');
      return Promise.resolve();
    });
    const result = await confirmations.confirm(confirmationId!);
    expect(result).toMatchObject({ callId: 'call-1', dialable: '05551234' });
    expect(placed.map((each) => each.dialable)).toEqual(['05551234']);
    expect(after).toEqual(['handled']);
    expect(events.at(-1)).toEqual({
      channel: 'dialConfirmationClosed',
      payload: { id: 'c1', outcome: 'confirmed' },
    });
    await expect(confirmations.confirm(confirmationId!)).rejects.toThrow(/no longer waiting/);
    expect(placed).toHaveLength(1);
    expect(confirmations.pending()).toEqual([]);
    clock.advance(120_000);
    expect(events).toHaveLength(2);
  });

  it('dials nothing when the agent cancels', async () => {
    const { events, placed, confirmations } = rig();
    const { confirmationId } = await confirmations.request('link', target);
    confirmations.cancel(confirmationId!);
    expect(placed).toEqual([]);
    expect(events.at(-1)).toEqual({
      channel: 'dialConfirmationClosed',
      payload: { id: 'c1', outcome: 'cancelled' },
    });
    expect(() => confirmations.cancel(confirmationId!)).toThrow(/no longer waiting/);
  });

  it('withdraws a confirmation nobody answered after 60 s, and then refuses to dial it', async () => {
    const { events, placed, confirmations, clock } = rig();
    const { confirmationId } = await confirmations.request('link', target);
    clock.advance(59_999);
    expect(confirmations.pending()).toHaveLength(1);
    clock.advance(1);
    expect(confirmations.pending()).toEqual([]);
    expect(events.at(-1)).toEqual({
      channel: 'dialConfirmationClosed',
      payload: { id: 'c1', outcome: 'expired' },
    });
    await expect(confirmations.confirm(confirmationId!)).rejects.toThrow(/no longer waiting/);
    expect(placed).toEqual([]);
  });

  it('lets several wait at once: a new link replaces nothing', async () => {
    const { placed, confirmations, clock } = rig({
      contacts: [],
      failures: [{ directory: 'LDAP', error: 'down' }],
    });
    const first = await confirmations.request('link', target);
    clock.advance(30_000);
    const second = await confirmations.request('link', {
      ...target,
      dialable: '12',
      e164: null,
      number: '12',
    });
    expect(confirmations.pending().map((each) => [each.id, each.dialable, each.failures.length])).toEqual([
      ['c1', '05551234', 1],
      ['c2', '12', 0],
    ]);
    clock.advance(30_000);
    expect(confirmations.pending().map((each) => each.id)).toEqual(['c2']);
    await confirmations.confirm(second.confirmationId!);
    expect(placed.map((each) => each.dialable)).toEqual(['12']);
    expect(first.confirmationId).toBe('c1');
  });

  it('forgets everything without dialling when closed, and refuses new ones', async () => {
    const { placed, confirmations, clock } = rig();
    await confirmations.request('link', target);
    confirmations.close();
    expect(confirmations.pending()).toEqual([]);
    expect(clock.pending).toBe(0);
    await expect(confirmations.request('link', target)).rejects.toThrow(/stopping/);
    expect(placed).toEqual([]);
  });

  it('lets at most 20 wait: more links at once are refused with a clear error, and dial nothing', async () => {
    const { placed, confirmations } = rig();
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, () => confirmations.request('link', target)),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(MAX_PENDING);
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(300 - MAX_PENDING);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(
      /20 calls already wait for the agent's confirmation: answer or cancel them first; nothing was dialled/,
    );
    expect(confirmations.pending()).toHaveLength(MAX_PENDING);
    // Answering one makes room for the next.
    confirmations.cancel('c1');
    await expect(confirmations.request('link', target)).resolves.toMatchObject({ callId: null });
    expect(placed).toEqual([]);
  });
});
