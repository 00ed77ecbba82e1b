import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompanionEvent } from '../contract/channels.js';
import type { JournalRecord, PopupModel } from '../contract/models.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { contactWith, FakeDirectory } from '../test-support/fake-directory.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { FakeClock } from '../test-support/fake-clock.js';

const tempDir = useTempDir();
const ann = contactWith('Ann Example', '+492115551234', { company: 'ACME', id: 'ann' });
const bob = contactWith('Bob Example', '+492115551234', { id: 'bob' });
const ada = contactWith('Ada Colleague', '+4921133990312', { id: 'ada' });
const actions = {
  openContact: 'https://desk.example/#user/{{contact.id}}',
  newContact: 'https://desk.example/#user/new?phone={{number.e164}}',
};

const popupOf =
  (callId: string, match: (popup: PopupModel) => boolean = () => true) =>
  (event: CompanionEvent) =>
    event.channel === 'popup' && event.payload.callId === callId && match(event.payload);
const journalLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalRecord);

describe('Companion: incoming calls', () => {
  it('pops up at once, then with the matched contact, its template and its actions', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann, ada])], { actions });
    const callId = h.line.incoming('0211 5551234');
    const first = (await h.until(popupOf(callId))).payload as PopupModel;
    expect(first).toMatchObject({
      lookup: 'pending',
      state: 'ringing',
      number: { e164: '+492115551234', display: '0211 5551234' },
    });
    const done = (await h.until(popupOf(callId, (popup) => popup.lookup === 'done'))).payload as PopupModel;
    expect(done.contacts.map((contact) => contact.name)).toEqual(['Ann Example']);
    expect(done.template).toBe('contact-details');
    expect(done.html).toContain('Ann Example');
    // A known caller never gets "new contact".
    expect(done.actions).toEqual([
      { id: 'open-contact', label: 'Open contact', url: 'https://desk.example/#user/ann' },
    ]);
    expect(h.companion.actionUrl(callId, 'open-contact')).toBe('https://desk.example/#user/ann');
  });

  it('matches a colleague’s extension, and lets the agent choose among several matches', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann, bob, ada])]);
    const colleague = h.line.incoming('12');
    const one = (await h.until(popupOf(colleague, (popup) => popup.lookup === 'done'))).payload as PopupModel;
    expect(one.contacts.map((contact) => contact.name)).toEqual(['Ada Colleague']);

    const shared = h.line.incoming('+49 211 5551234');
    const several = (await h.until(popupOf(shared, (popup) => popup.lookup === 'done')))
      .payload as PopupModel;
    expect(several.template).toBe('contact-list');
    expect(several.html).toMatch(/data-contact-index="1"/);
    const picked = await h.companion.selectContact(shared, 1);
    expect(picked).toMatchObject({ template: 'contact-details', selected: 1 });
    expect(picked.html).toContain('Bob Example');
    h.line.answer(shared);
    h.line.hangup(shared);
    await h.until((event) => event.channel === 'journal' && event.payload.callId === shared);
    expect(journalLines(h.journalFile).find((record) => record.callId === shared)?.contact?.name).toBe(
      'Bob Example',
    );
  });

  it('offers "new contact" with the E.164 number for an unknown caller', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann])], { actions });
    const callId = h.line.incoming('+44 20 7946 0958');
    const popup = (await h.until(popupOf(callId, (each) => each.lookup === 'done'))).payload as PopupModel;
    expect(popup.template).toBe('unknown-caller');
    expect(popup.actions).toEqual([
      {
        id: 'new-contact',
        label: 'New contact',
        url: 'https://desk.example/#user/new?phone=%2B442079460958',
      },
    ]);
    expect(() => h.companion.actionUrl(callId, 'open-contact')).toThrow(/not offered/);
  });

  it('writes a missed call to disk before it reports the call missed', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann])]);
    const callId = h.line.incoming('0211 5551234');
    await h.until(popupOf(callId, (popup) => popup.lookup === 'done'));
    const onDisk: JournalRecord[][] = [];
    h.companion.onEvent((event) => {
      if (event.channel === 'popup' && event.payload.state === 'missed')
        onDisk.push(journalLines(h.journalFile));
    });
    h.line.hangup(callId);
    const missed = (await h.until(popupOf(callId, (popup) => popup.state === 'missed')))
      .payload as PopupModel;
    expect(missed.template).toBe('missed-call');
    expect(onDisk[0]).toHaveLength(1);
    expect(onDisk[0]).toMatchObject([{ callId, missed: true, contact: { name: 'Ann Example' } }]);
  });

  it('records the contact even when the caller hangs up during a slow lookup', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Slow', [ann], { delayMs: 100 })]);
    const callId = h.line.incoming('0211 5551234');
    h.line.hangup(callId);
    const record = (await h.until((event) => event.channel === 'journal')).payload as JournalRecord;
    expect(record).toMatchObject({ callId, missed: true, contact: { name: 'Ann Example' } });
  });

  it('reports a failing directory in the popup and still shows the others’ contacts', async () => {
    const h = await companionHarness(tempDir(), [
      new FakeDirectory('LDAP', [], { failWith: 'LDAP unreachable' }),
      new FakeDirectory('Book', [ann]),
    ]);
    const callId = h.line.incoming('0211 5551234');
    const popup = (await h.until(popupOf(callId, (each) => each.lookup === 'done'))).payload as PopupModel;
    expect(popup.contacts.map((contact) => contact.name)).toEqual(['Ann Example']);
    expect(popup.failures).toEqual([{ directory: 'LDAP', error: 'LDAP unreachable' }]);
    expect(popup.html).toContain('LDAP: LDAP unreachable');
  });

  it('shows a withheld number without looking it up', async () => {
    const book = new FakeDirectory('Book', [ann]);
    const h = await companionHarness(tempDir(), [book]);
    const callId = h.line.incoming('anonymous');
    const popup = (await h.until(popupOf(callId, (each) => each.lookup === 'done'))).payload as PopupModel;
    expect(popup.number).toMatchObject({ e164: null, kind: 'unknown', display: 'anonymous' });
    expect(book.lookups).toBe(0);
  });

  it('keeps a dismissed popup closed while the call goes on, and still journals the call', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann])]);
    const callId = h.line.incoming('0211 5551234');
    await h.until(popupOf(callId, (popup) => popup.lookup === 'done'));
    h.companion.dismissPopup(callId);
    h.line.answer(callId);
    h.line.hangup(callId);
    const record = (await h.until((event) => event.channel === 'journal')).payload as JournalRecord;
    expect(record.contact?.name).toBe('Ann Example');
    expect(
      h.events.filter((event) => event.channel === 'popup' && event.payload.state !== 'ringing'),
    ).toEqual([]);
    expect(h.companion.snapshot().popups).toEqual([]);
  });
});

describe('Companion: lookups across directories', () => {
  it('shows the fastest directory’s contact at once and adds the slow one’s when it answers', async () => {
    const h = await companionHarness(tempDir(), [
      new FakeDirectory('Slow', [bob], { delayMs: 150 }),
      new FakeDirectory('Fast', [ann]),
    ]);
    const callId = h.line.incoming('0211 5551234');
    const early = (await h.until(popupOf(callId, (popup) => popup.contacts.length === 1)))
      .payload as PopupModel;
    expect(early).toMatchObject({ lookup: 'pending', contacts: [{ name: 'Ann Example' }] });
    const done = (await h.until(popupOf(callId, (popup) => popup.lookup === 'done'))).payload as PopupModel;
    expect(done.contacts.map((contact) => contact.name)).toEqual(['Bob Example', 'Ann Example']);
  });

  it('remembers the agent’s pick for the number, and lets the agent choose again', async () => {
    const dataDir = tempDir();
    const first = await companionHarness(dataDir, [new FakeDirectory('Book', [ann, bob])]);
    const one = first.line.incoming('0211 5551234');
    await first.until(popupOf(one, (popup) => popup.lookup === 'done'));
    await first.companion.selectContact(one, 1);
    await first.companion.stop();

    const second = await companionHarness(dataDir, [new FakeDirectory('Book', [ann, bob])]);
    const two = second.line.incoming('+49 211 5551234');
    const popup = (await second.until(popupOf(two, (each) => each.lookup === 'done'))).payload as PopupModel;
    expect(popup).toMatchObject({ template: 'contact-details', selected: 1 });
    expect(popup.html).toContain('Bob Example');
    const again = await second.companion.chooseAgain(two);
    expect(again).toMatchObject({ template: 'contact-list', selected: null });
  });
});

describe('Companion: the blocklist', () => {
  it('rejects a blocked caller, never pops it up, and journals it as blocked', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann])], {
      blocklist: [{ e164: '+491715000000', note: 'spam' }],
    });
    const callId = h.line.incoming('0171 5000000');
    const record = (await h.until((event) => event.channel === 'journal')).payload as JournalRecord;
    expect(record).toMatchObject({ callId, blocked: true, missed: false, cause: 'rejected' });
    expect(h.events.filter((event) => event.channel === 'popup')).toEqual([]);
    expect(h.line.snapshots().find((call) => call.callId === callId)?.state).toBe('missed');
  });
});

describe('Companion: dialling', () => {
  it('dials what the rules make of a number, and calls back from the journal', async () => {
    const h = await companionHarness(tempDir(), []);
    expect(await h.companion.dial('030 1234567')).toMatchObject({
      e164: '+49301234567',
      dialable: '00301234567',
    });
    const callId = h.line.incoming('+44 20 7946 0958');
    h.line.hangup(callId);
    const record = (await h.until((event) => event.channel === 'journal')).payload as JournalRecord;
    expect(await h.companion.callback(record.id)).toMatchObject({ dialable: '000442079460958' });
    expect(h.line.dialled().map((call) => call.dialable)).toEqual(['00301234567', '000442079460958']);
  });

  it('dials links strictly and refuses everything else', async () => {
    const h = await companionHarness(tempDir(), []);
    expect(await h.companion.dialLink('tel:+49-211-339903;ext=12')).toMatchObject({ dialable: '12' });
    await expect(h.companion.dialLink('javascript:alert(1)')).rejects.toThrow(
      /refused link: unsupported scheme/,
    );
    await expect(h.companion.dial('hello')).rejects.toThrow(/not a phone number/);
    await expect(h.companion.callback('nope')).rejects.toThrow(/no such call/);
    expect(h.line.dialled()).toHaveLength(1);
  });
});

describe('Companion: the call log', () => {
  it('marks a missed call handled by calling back, or by hand, and exports CSV', async () => {
    const h = await companionHarness(tempDir(), [new FakeDirectory('Book', [ann])]);
    const first = h.line.incoming('0211 5551234');
    h.line.hangup(first);
    const missed = (await h.until((event) => event.channel === 'journal' && event.payload.callId === first))
      .payload as JournalRecord;
    expect(missed).toMatchObject({ missed: true, handled: false });
    await h.companion.callback(missed.id);
    expect(h.journal.find(missed.id)?.handled).toBe(true);

    const second = h.line.incoming('+44 20 7946 0958');
    h.line.hangup(second);
    const other = (await h.until((event) => event.channel === 'journal' && event.payload.callId === second))
      .payload as JournalRecord;
    const handled = await h.companion.markHandled(other.id);
    expect(handled).toMatchObject({ handled: true, handledBy: '12' });
    const noted = await h.companion.setNote(other.id, 'Asked for the invoice');
    expect(noted.note).toBe('Asked for the invoice');
    await expect(h.companion.setNote('nope', 'x')).rejects.toThrow(/no such call/);
    expect(
      h.events
        .filter((event) => event.channel === 'journal' && event.payload.id === other.id)
        .map((event) => (event.payload as JournalRecord).handled),
    ).toEqual([false, true, true]);
    await expect(h.companion.markHandled('nope')).rejects.toThrow(/no such call/);

    const { filename, csv } = h.companion.exportJournal();
    expect(filename).toMatch(/^ringdesk-calls-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(csv).toContain('Ann Example');
    expect(csv).toContain(',Asked for the invoice,');
    expect(h.companion.exportJournal('de').csv).toMatch(/^\uFEFFBeginn;/);
  });
});

describe('Companion: the line', () => {
  it('closes calls when the line is lost (ringing ones as missed) and schedules a reconnect', async () => {
    const h = await companionHarness(tempDir(), []);
    const ringing = h.line.incoming('0211 5551234');
    await h.until(popupOf(ringing, (popup) => popup.lookup === 'done'));
    await h.line.disconnect();
    const record = (await h.until((event) => event.channel === 'journal')).payload as JournalRecord;
    expect(record).toMatchObject({ callId: ringing, missed: true, cause: 'lineLost' });
    expect(h.companion.lineStatus()).toMatchObject({ state: 'disconnected', reason: 'stopped' });
    expect(h.scheduled).toHaveLength(1);
    h.scheduled[0]!.task();
    await h.until((event) => event.channel === 'line' && event.payload.state === 'connected');
  });

  it('says when it tries again, counts down on its clock, and tries at once when asked', async () => {
    const clock = new FakeClock(Date.UTC(2026, 11, 6, 9, 0));
    const h = await companionHarness(tempDir(), [], {}, clock);
    expect(h.companion.lineStatus()).toMatchObject({
      state: 'connected',
      product: 'simulator',
      problem: null,
      retryInMs: null,
    });
    await h.line.disconnect();
    const down = h.companion.lineStatus();
    const delay = clock.delays.at(-1)!;
    expect(down).toMatchObject({ state: 'disconnected', problem: 'lost', retryInMs: delay });
    clock.advance(Math.floor(delay / 2));
    expect(h.companion.lineStatus().retryInMs).toBe(delay - Math.floor(delay / 2));
    expect(h.companion.retryLine()).toEqual({ started: true });
    await h.until((event) => event.channel === 'line' && event.payload.state === 'connected');
    expect(h.companion.lineStatus()).toMatchObject({ state: 'connected', retryInMs: null, reason: null });
    // The scheduled attempt was withdrawn, and a connected line is not retried.
    expect(clock.pending).toBe(0);
    expect(h.companion.retryLine()).toEqual({ started: false });
  });

  it('flushes open calls into the journal when stopped', async () => {
    const h = await companionHarness(tempDir(), []);
    const callId = h.line.incoming('0211 5551234');
    h.line.answer(callId);
    await h.companion.stop();
    expect(journalLines(h.journalFile)).toEqual([
      expect.objectContaining({ callId, missed: false, cause: 'stopped' }),
    ]);
    expect(h.scheduled).toEqual([]);
  });
});
