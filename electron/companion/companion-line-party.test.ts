/**
 * The line's richer events as the agent sees them in the popup and the journal: a remote party
 * that changes mid-call (late caller ID, a transfer), numbers the line does not give (withheld,
 * unavailable, unknown), and calls that end elsewhere (answered by a colleague, refused,
 * forwarded, abandoned in a queue), which are never "missed". Driven through the simulator's
 * replay of recorded line events, the way a customer's recording is replayed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompanionEvent } from '../contract/channels.js';
import type { JournalRecord, PopupModel } from '../contract/models.js';
import { journalRecordSchema } from '../contract/journal-record.js';
import type { RecordedEvent } from '../telephony/line-recorder.js';
import { companionHarness, type Harness } from '../test-support/companion-harness.js';
import { contactWith, FakeDirectory } from '../test-support/fake-directory.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { defaultSettings } from './settings/load-settings.js';

const tempDir = useTempDir();
const ann = contactWith('Ann Example', '+492115551234', { company: 'ACME', id: 'ann' });
const ada = contactWith('Ada Colleague', '+4921133990312', { id: 'ada' });

type Event = RecordedEvent['event'];
const offering = (extra: Partial<Extract<Event, { type: 'offering' }>> = {}): Event => ({
  type: 'offering',
  callId: 'c1',
  line: '12',
  remote: '',
  ...extra,
});

/**
 * Replays `events` as one call and returns the popups it showed (up to its finished one, unless
 * `shown` is false) and its journal record.
 */
async function play(h: Harness, events: readonly Event[], shown = true) {
  const [callId] = await h.line.replay(
    events.map((event, index) => ({ t: index, event })),
    0,
  );
  if (callId === undefined) throw new Error('no call replayed');
  const journal = (await h.until((event) => event.channel === 'journal' && event.payload.callId === callId))
    .payload as JournalRecord;
  if (shown)
    await h.until(
      (event) =>
        event.channel === 'popup' &&
        event.payload.callId === callId &&
        (event.payload.state === 'ended' || event.payload.state === 'missed'),
    );
  const popups = h.events.flatMap((event: CompanionEvent) =>
    event.channel === 'popup' && event.payload.callId === callId ? [event.payload] : [],
  );
  return { callId, popups, journal };
}

const journalOnDisk = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => journalRecordSchema.parse(JSON.parse(line)));

const lastDone = (popups: readonly PopupModel[]) => popups.filter((popup) => popup.lookup === 'done').at(-1);

describe('Companion: a remote party that changes mid-call', () => {
  it('looks up a caller ID that arrives late, and shows and journals it', async () => {
    const book = new FakeDirectory('Book', [ann, ada]);
    const h = await companionHarness(tempDir(), [book]);
    const { popups, journal } = await play(h, [
      offering({ presentation: 'unknown' }),
      { type: 'updated', callId: 'c1', remote: '0211 5551234' },
      { type: 'connected', callId: 'c1' },
      { type: 'ended', callId: 'c1', cause: 'normalClearing' },
    ]);
    expect(popups[0]?.html).toContain('Number unknown');
    expect(popups.some((popup) => popup.html.includes('Ann Example') && popup.state === 'ringing')).toBe(
      true,
    );
    expect(journal).toMatchObject({
      number: { e164: '+492115551234', display: '0211 5551234' },
      contact: { name: 'Ann Example' },
      missed: false,
    });
    expect(journal.presentation).toBeUndefined();
  });

  it('after a transfer shows the new party and journals it, not the first caller', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann, ada])]);
    const { popups, journal } = await play(h, [
      offering({ remote: '0211 5551234' }),
      { type: 'connected', callId: 'c1' },
      { type: 'updated', callId: 'c1', remote: '0211 33990312', name: 'Ada C.' },
      { type: 'ended', callId: 'c1', cause: 'normalClearing' },
    ]);
    expect(popups.some((popup) => popup.html.includes('Ann Example'))).toBe(true);
    expect(lastDone(popups)).toMatchObject({ state: 'ended', number: { e164: '+4921133990312' } });
    expect(lastDone(popups)?.html).toContain('Ada Colleague');
    expect(journal).toMatchObject({
      contact: { name: 'Ada Colleague' },
      number: { e164: '+4921133990312' },
      remoteName: 'Ada C.',
    });
    expect(journalOnDisk(h.journalFile).map((record) => record.contact?.name)).toEqual(['Ada Colleague']);
  });
});

describe('Companion: numbers the line does not give', () => {
  it('shows a withheld caller as "Number withheld", never looks it up, offers no callback', async () => {
    const book = new FakeDirectory('Book', [ann]);
    const h = await companionHarness(tempDir(), [book]);
    // The provider said withheld; a number that came along anyway is not used.
    const { popups, journal } = await play(h, [
      offering({ remote: '0211 5551234', presentation: 'withheld' }),
      { type: 'ended', callId: 'c1', cause: 'normalClearing' },
    ]);
    expect(popups.at(-1)).toMatchObject({
      state: 'missed',
      number: { display: 'Number withheld', e164: null },
    });
    expect(popups.at(-1)?.html).toContain('Number withheld');
    expect(book.lookups).toBe(0);
    expect(journal).toMatchObject({
      presentation: 'withheld',
      missed: true,
      number: { raw: '', e164: null, dialable: '' },
    });
    await expect(h.companion.callback(journal.id)).rejects.toThrow();
  });

  it('says it in German, and tells unavailable from unknown', async () => {
    const h = await companionHarness(tempDir(), [], {
      app: { ...defaultSettings('DE').app, language: 'de' },
    });
    const withheld = await play(h, [offering({ presentation: 'withheld' }), { type: 'ended', callId: 'c1' }]);
    expect(withheld.popups.at(-1)?.html).toContain('Rufnummer unterdrückt');
    const unavailable = await play(h, [
      offering({ presentation: 'unavailable' }),
      { type: 'ended', callId: 'c1' },
    ]);
    expect(unavailable.popups.at(-1)?.html).toContain('Rufnummer nicht verfügbar');
    expect(unavailable.journal.presentation).toBe('unavailable');
    const unknown = await play(h, [offering(), { type: 'ended', callId: 'c1' }]);
    expect(unknown.popups.at(-1)?.html).toContain('Rufnummer unbekannt');
  });
});

describe('Companion: calls that end elsewhere are not missed', () => {
  it('a ring-group call a colleague answered reads "Answered by Anna (7003)"', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann])]);
    const { popups, journal } = await play(h, [
      offering({ remote: '0211 5551234', queue: 'Support' }),
      {
        type: 'ended',
        callId: 'c1',
        cause: 'answeredElsewhere',
        outcome: { kind: 'answeredElsewhere', by: { name: 'Anna', number: '7003' } },
      },
    ]);
    expect(popups[0]?.html).toContain('Queue Support');
    expect(lastDone(popups)).toMatchObject({ state: 'ended' });
    expect(lastDone(popups)?.html).toContain('Answered by Anna (7003)');
    expect(journal).toMatchObject({
      missed: false,
      queue: 'Support',
      outcome: { kind: 'answeredElsewhere', by: { name: 'Anna', number: '7003' } },
    });
  });

  it('a call refused busy or forwarded reads what happened, in German too', async () => {
    const h = await companionHarness(tempDir(), [], {
      app: { ...defaultSettings('DE').app, language: 'de' },
    });
    const busy = await play(h, [
      offering({ remote: '0211 5551234' }),
      { type: 'ended', callId: 'c1', cause: 'busy', outcome: { kind: 'rejected', reason: 'busy' } },
    ]);
    expect(busy.journal.missed).toBe(false);
    expect(busy.popups.at(-1)?.html).toContain('Abgewiesen: besetzt');
    const forwarded = await play(h, [
      offering({ remote: '0211 5551234' }),
      { type: 'ended', callId: 'c1', outcome: { kind: 'forwarded', to: '208' } },
    ]);
    expect(forwarded.journal).toMatchObject({ missed: false, outcome: { kind: 'forwarded', to: '208' } });
    expect(forwarded.popups.at(-1)?.html).toContain('Weitergeleitet an 208');
  });

  it('a caller who gave up in the agent’s queue is journaled, never popped up', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann])]);
    const { popups, journal } = await play(
      h,
      [
        offering({ remote: '0211 5551234', queue: 'Support', ringsHere: false }),
        { type: 'ended', callId: 'c1', outcome: { kind: 'abandoned', queue: 'Support' } },
      ],
      false,
    );
    expect(popups).toEqual([]);
    expect(journal).toMatchObject({
      missed: false,
      contact: { name: 'Ann Example' },
      number: { dialable: '05551234' },
      outcome: { kind: 'abandoned', queue: 'Support' },
    });
  });

  it('still loads a journal written before these fields', () => {
    const old = {
      id: 'j1',
      callId: 'c1',
      direction: 'incoming',
      line: '12',
      number: { raw: '0211', e164: null, display: '0211', kind: 'local', dialable: '0211' },
      contact: null,
      startedAt: '2026-12-01T10:00:00.000Z',
      answeredAt: null,
      endedAt: '2026-12-01T10:00:10.000Z',
      missed: true,
      cause: null,
    };
    expect(journalRecordSchema.parse(old)).toMatchObject({ missed: true, handled: false });
    expect(journalRecordSchema.parse(old).outcome).toBeUndefined();
  });
});
