import { describe, expect, it } from 'vitest';
import { companionHarness } from '../test-support/companion-harness.js';
import { contactWith, FakeDirectory } from '../test-support/fake-directory.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { NoNumberInTextError, textExcerpt } from './companion-dialer.js';

const tempDir = useTempDir();
const book = () => new FakeDirectory('Book', [contactWith('Ann Example', '+492115551234', { id: 'ann' })]);

describe('Companion: dialling selected or copied text', () => {
  it('asks first even when links dial without asking, showing the text, and dials the number on yes', async () => {
    // The harness switches link confirmation off: the selection still asks.
    const h = await companionHarness(tempDir(), [book()]);
    const result = await h.companion.dialText('Ann, Tel.: +49 (0)211 555-1234.\n', 'selection');
    expect(result).toMatchObject({ callId: null, dialable: '05551234', e164: '+492115551234' });
    expect(h.line.dialled()).toEqual([]);
    const { confirmations } = h.companion.snapshot();
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]).toMatchObject({
      source: 'selection',
      dialable: '05551234',
      number: { raw: 'Ann, Tel.: +49 (0)211 555-1234.', display: '0211 5551234' },
      contacts: [{ name: 'Ann Example' }],
    });
    await h.companion.confirmDial(result.confirmationId!);
    expect(h.line.dialled()).toEqual([
      expect.objectContaining({ number: '+492115551234', dialable: '05551234' }),
    ]);
  });

  it('passes over a date to the number beside it, and completes an extension', async () => {
    const h = await companionHarness(tempDir(), []);
    await h.companion.dialText('Ticket from 2026-12-06, call back 0049 211 5551234', 'clipboard');
    expect(h.companion.snapshot().confirmations[0]).toMatchObject({
      source: 'clipboard',
      dialable: '05551234',
    });
    await h.companion.dialText('12', 'clipboard');
    expect(h.companion.snapshot().confirmations[1]).toMatchObject({
      dialable: '12',
      number: { kind: 'internal' },
    });
    expect(h.line.dialled()).toEqual([]);
  });

  it('offers the phone number, not a ticket or customer number before it, nor a date alone', async () => {
    const h = await companionHarness(tempDir(), []);
    for (const text of [
      'Ticket 48213 – please call 0211 5551234',
      'Order #12345, call 0211 5551234',
      'Kundennr. 4711 0211 5551234',
    ]) {
      const result = await h.companion.dialText(text, 'clipboard');
      const waiting = h.companion.snapshot().confirmations.find((each) => each.id === result.confirmationId);
      expect([text, waiting?.dialable]).toEqual([text, '05551234']);
    }
    for (const date of ['2026-12-06', '06.12.2026'])
      await expect(h.companion.dialText(date, 'selection')).rejects.toBeInstanceOf(NoNumberInTextError);
    expect(h.line.dialled()).toEqual([]);
  });

  it('text without a number asks nothing and dials nothing; a long text is shortened in the message', async () => {
    const h = await companionHarness(tempDir(), []);
    const long = `Dear customer, ${'thank you for your patience '.repeat(40)}`;
    const error = await h.companion.dialText(long, 'clipboard').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoNumberInTextError);
    expect((error as NoNumberInTextError).excerpt).toHaveLength(60);
    expect((error as Error).message.length).toBeLessThan(120);
    await expect(h.companion.dialText('   ', 'selection')).rejects.toBeInstanceOf(NoNumberInTextError);
    expect(h.companion.snapshot().confirmations).toEqual([]);
    expect(h.events.some((event) => event.channel === 'dialConfirmation')).toBe(false);
    // Ordered positive check: the next text with a number is asked about.
    await h.companion.dialText('0211 5551234', 'selection');
    expect(h.companion.snapshot().confirmations).toHaveLength(1);
    expect(h.line.dialled()).toEqual([]);
  });

  it('says one line of at most 60 characters', () => {
    expect(textExcerpt('  a\n\tb  ')).toBe('a b');
    expect(textExcerpt('x'.repeat(100))).toBe(`${'x'.repeat(59)}…`);
  });
});
