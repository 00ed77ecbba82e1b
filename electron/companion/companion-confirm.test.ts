import { describe, expect, it } from 'vitest';
import type { DialConfirmation, JournalRecord } from '../contract/models.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { contactWith, FakeDirectory } from '../test-support/fake-directory.js';
import { useTempDir } from '../test-support/temp-dir.js';

const tempDir = useTempDir();
const confirmBoth = { links: { confirm: true, confirmCallbacks: true, sip: false } };
const book = () =>
  new FakeDirectory('Book', [
    contactWith('Ann Example', '+492115551234', { company: 'ACME', id: 'ann' }),
    contactWith('Ada Colleague', '+4921133990312', { id: 'ada' }),
  ]);

describe('Companion: confirming before dialling', () => {
  it('asks before dialling a link, showing the contact and the exact string, and dials it on yes', async () => {
    const h = await companionHarness(tempDir(), [book()], confirmBoth);
    const result = await h.companion.dialLink('tel:+49-211-5551234');
    expect(result).toMatchObject({ callId: null, dialable: '05551234' });
    expect(result.confirmationId).toEqual(expect.any(String));
    expect(h.line.dialled()).toEqual([]);
    const [waiting] = h.companion.snapshot().confirmations;
    expect(waiting).toMatchObject({
      source: 'link',
      dialable: '05551234',
      number: { raw: 'tel:+49-211-5551234', display: '0211 5551234', e164: '+492115551234', kind: 'local' },
      contacts: [{ name: 'Ann Example', company: 'ACME' }],
    });
    const event = h.events.find((each) => each.channel === 'dialConfirmation');
    expect(event?.payload).toEqual(waiting);

    const placed = await h.companion.confirmDial(result.confirmationId!);
    expect(placed.callId).toEqual(expect.any(String));
    expect(h.line.dialled()).toEqual([
      expect.objectContaining({ number: '+492115551234', dialable: '05551234' }),
    ]);
    expect(h.companion.snapshot().confirmations).toEqual([]);
    await expect(h.companion.confirmDial(result.confirmationId!)).rejects.toThrow(/no longer waiting/);
    expect(h.line.dialled()).toHaveLength(1);
  });

  it('dials nothing when the agent cancels, and refuses a bad link before asking', async () => {
    const h = await companionHarness(tempDir(), [book()], confirmBoth);
    const { confirmationId } = await h.companion.dialLink('tel:+49-211-339903;ext=12');
    expect((h.companion.snapshot().confirmations[0] as DialConfirmation).contacts[0]?.name).toBe(
      'Ada Colleague',
    );
    h.companion.cancelDial(confirmationId!);
    expect(h.events.at(-1)).toEqual({
      channel: 'dialConfirmationClosed',
      payload: { id: confirmationId, outcome: 'cancelled' },
    });
    await expect(h.companion.dialLink('javascript:alert(1)')).rejects.toThrow(/refused link/);
    expect(h.line.dialled()).toEqual([]);
    expect(h.companion.snapshot().confirmations).toEqual([]);
  });

  it('withdraws an unanswered confirmation after 60 s', async () => {
    const clock = new FakeClock();
    const h = await companionHarness(tempDir(), [], confirmBoth, clock);
    const { confirmationId } = await h.companion.dialLink('tel:*21#');
    expect(h.companion.snapshot().confirmations[0]).toMatchObject({
      dialable: '*21#',
      number: { display: '*21#', kind: 'feature-code' },
      contacts: [],
    });
    clock.advance(60_000);
    expect(h.companion.snapshot().confirmations).toEqual([]);
    expect(h.events.at(-1)?.payload).toEqual({ id: confirmationId, outcome: 'expired' });
    await expect(h.companion.confirmDial(confirmationId!)).rejects.toThrow(/no longer waiting/);
    expect(h.line.dialled()).toEqual([]);
  });

  it('calls back at once by default; when asked to confirm, marks the missed call handled on yes', async () => {
    const h = await companionHarness(tempDir(), [book()]);
    const callId = h.line.incoming('0211 5551234');
    h.line.hangup(callId);
    const missed = (await h.until((event) => event.channel === 'journal')).payload as JournalRecord;
    expect((await h.companion.callback(missed.id)).callId).toEqual(expect.any(String));
    expect(h.line.dialled()).toHaveLength(1);

    const asking = await companionHarness(tempDir(), [book()], confirmBoth);
    const again = asking.line.incoming('0211 5551234');
    asking.line.hangup(again);
    const record = (await asking.until((event) => event.channel === 'journal')).payload as JournalRecord;
    const { confirmationId } = await asking.companion.callback(record.id);
    expect(asking.companion.snapshot().confirmations[0]).toMatchObject({ source: 'callback' });
    expect(asking.journal.find(record.id)?.handled).toBe(false);
    await asking.companion.confirmDial(confirmationId!);
    expect(asking.line.dialled().map((each) => each.dialable)).toEqual(['05551234']);
    expect(asking.journal.find(record.id)?.handled).toBe(true);
  });

  it('never asks for a number typed into the dial box', async () => {
    const h = await companionHarness(tempDir(), [], confirmBoth);
    const dialled = await h.companion.dial('12');
    expect(dialled).toMatchObject({ dialable: '12' });
    expect(dialled.confirmationId).toBeUndefined();
    expect(dialled.callId).toEqual(expect.any(String));
    expect(h.companion.snapshot().confirmations).toEqual([]);
  });
});
