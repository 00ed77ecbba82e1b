/**
 * The ring timeout, through the real Companion on the one fake clock: a call the line never
 * reports hung up is closed as missed, with the reason "no hang-up from the PBX", after the
 * configured time — not before, and never once it was answered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompanionEvent } from '../contract/channels.js';
import type { JournalRecord, PopupModel } from '../contract/models.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { defaultSettings } from './settings/load-settings.js';
import { NO_HANGUP_CAUSE } from './ring-timeout.js';

const tempDir = useTempDir();

const popupOf =
  (callId: string, match: (popup: PopupModel) => boolean = () => true) =>
  (event: CompanionEvent) =>
    event.channel === 'popup' && event.payload.callId === callId && match(event.payload);
const journalOf = (callId: string) => (event: CompanionEvent) =>
  event.channel === 'journal' && event.payload.callId === callId;
const journalLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalRecord);

describe('ring timeout', () => {
  it('closes a call that rings three minutes with no news as missed: no hang-up from the PBX', async () => {
    const clock = new FakeClock();
    const h = await companionHarness(tempDir(), [], {}, clock);
    const callId = h.line.incoming('0211 5551234');
    await h.until(popupOf(callId, (popup) => popup.lookup === 'done'));
    clock.advance(179_999);
    expect(h.companion.snapshot().popups.map((popup) => [popup.callId, popup.state])).toEqual([
      [callId, 'ringing'],
    ]);
    clock.advance(1);
    await h.until(popupOf(callId, (popup) => popup.state === 'missed'));
    const record = (await h.until(journalOf(callId))).payload as JournalRecord;
    expect(record).toMatchObject({ callId, missed: true, answeredAt: null, cause: NO_HANGUP_CAUSE });
    expect(journalLines(h.journalFile)).toEqual([record]);
    await h.companion.stop();
    // Closed once: stopping finds nothing still open to close.
    expect(journalLines(h.journalFile)).toEqual([record]);
  });

  it('takes its time from the settings (journal.ringTimeoutSeconds)', async () => {
    const clock = new FakeClock();
    const settings = defaultSettings('DE');
    const h = await companionHarness(
      tempDir(),
      [],
      { journal: { ...settings.journal, ringTimeoutSeconds: 30 } },
      clock,
    );
    const early = h.line.incoming('0211 5551234');
    clock.advance(20_000);
    const later = h.line.incoming('0211 5556789');
    clock.advance(10_000);
    const first = (await h.until(journalOf(early))).payload as JournalRecord;
    expect(first).toMatchObject({ missed: true, cause: NO_HANGUP_CAUSE });
    expect(h.companion.snapshot().popups.find((popup) => popup.callId === later)?.state).toBe('ringing');
    clock.advance(20_000);
    expect((await h.until(journalOf(later))).payload).toMatchObject({ cause: NO_HANGUP_CAUSE });
  });

  it('never closes an answered call, nor one that ended in time', async () => {
    const clock = new FakeClock();
    const h = await companionHarness(tempDir(), [], {}, clock);
    const talk = h.line.incoming('0211 5551234');
    const short = h.line.incoming('0211 5556789');
    clock.advance(60_000);
    h.line.answer(talk);
    h.line.hangup(short, 'cancel');
    clock.advance(30 * 60_000);
    h.line.hangup(talk);
    const talked = (await h.until(journalOf(talk))).payload as JournalRecord;
    expect(talked).toMatchObject({ missed: false, cause: 'normalClearing' });
    expect(talked.answeredAt).not.toBeNull();
    await h.companion.stop();
    const records = journalLines(h.journalFile).map((record) => [record.callId, record.missed, record.cause]);
    expect(records.sort()).toEqual(
      [
        [short, true, 'cancel'],
        [talk, false, 'normalClearing'],
      ].sort(),
    );
    expect(clock.pending).toBe(0);
  });
});
