import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../contract/models.js';
import { FakeNotification } from '../test-support/fake-notification.js';
import { missedRecord } from '../test-support/journal-records.js';
import { missedCallNotice, MissedCallNotifier } from './missed-call-notification.js';

const missed: JournalRecord = missedRecord({
  callId: 'sim-1',
  number: {
    raw: '02115551234',
    e164: '+492115551234',
    display: '0211 5551234',
    kind: 'local',
    dialable: '05551234',
  },
  contact: { name: 'Anna Becker', company: 'ACME', directory: 'Book', id: 'anna' },
  startedAt: '2026-01-05T09:00:00.000Z',
  endedAt: '2026-01-05T09:00:20.000Z',
  cause: 'hangup',
});
const en = { doNotDisturb: false, locale: 'en-GB' };

describe('missedCallNotice', () => {
  it('names the caller, company and number of a missed call, in the app language', () => {
    expect(missedCallNotice(missed, en)).toEqual({
      title: 'Missed call',
      body: 'Anna Becker (ACME)\n0211 5551234',
      journalId: 'r1',
    });
    expect(missedCallNotice(missed, { doNotDisturb: false, locale: 'de-DE' })?.title).toBe(
      'Verpasster Anruf',
    );
  });

  it('shows the number of an unknown caller', () => {
    expect(missedCallNotice({ ...missed, contact: null }, en)?.body).toBe('0211 5551234');
  });

  it('stays silent for answered, outgoing, blocked and handled calls, and under do not disturb', () => {
    expect(missedCallNotice({ ...missed, missed: false }, en)).toBeNull();
    expect(missedCallNotice({ ...missed, direction: 'outgoing' }, en)).toBeNull();
    expect(missedCallNotice({ ...missed, missed: false, blocked: true }, en)).toBeNull();
    expect(missedCallNotice({ ...missed, blocked: true }, en)).toBeNull();
    expect(missedCallNotice({ ...missed, handled: true }, en)).toBeNull();
    expect(missedCallNotice(missed, { ...en, doNotDisturb: true })).toBeNull();
  });
});

describe('MissedCallNotifier', () => {
  it('shows one notification per missed call; clicking it opens the call log', () => {
    FakeNotification.made = [];
    const opened: string[] = [];
    let supported = true;
    const notifier = new MissedCallNotifier({
      Notification: FakeNotification,
      isSupported: () => supported,
      context: () => en,
      showCalls: () => opened.push('calls'),
    });
    notifier.onEvent({ channel: 'popupClosed', payload: { callId: 'sim-1' } });
    notifier.onEvent({ channel: 'journal', payload: missed });
    notifier.onEvent({ channel: 'journal', payload: { ...missed, handled: true } });
    notifier.onEvent({ channel: 'journal', payload: missed });
    expect(FakeNotification.made.map((each) => [each.options.title, each.shown])).toEqual([
      ['Missed call', true],
    ]);
    FakeNotification.made[0]?.click?.();
    expect(opened).toEqual(['calls']);
    supported = false;
    notifier.onEvent({ channel: 'journal', payload: { ...missed, id: 'r2' } });
    expect(FakeNotification.made).toHaveLength(1);
  });
});
