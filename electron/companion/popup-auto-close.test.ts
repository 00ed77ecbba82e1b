import { describe, expect, it } from 'vitest';
import type { CompanionEvent } from '../contract/channels.js';
import type { PopupModel } from '../contract/models.js';
import { defaultSettings } from './settings/load-settings.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { contactWith, FakeDirectory } from '../test-support/fake-directory.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { PopupAutoClose } from './popup-auto-close.js';

const tempDir = useTempDir();

function rig(seconds: number) {
  const clock = new FakeClock();
  const closed: string[] = [];
  const autoClose = new PopupAutoClose({ seconds, schedule: clock.schedule, close: (id) => closed.push(id) });
  return { clock, closed, autoClose };
}

describe('PopupAutoClose', () => {
  it('closes a finished call’s popup the configured time after the end', () => {
    const { clock, closed, autoClose } = rig(10);
    autoClose.start('a');
    clock.advance(9_999);
    expect(closed).toEqual([]);
    clock.advance(1);
    expect(closed).toEqual(['a']);
    clock.advance(60_000);
    expect(closed).toEqual(['a']);
  });

  it('counts from the full time again whenever the agent acts on the popup', () => {
    const { clock, closed, autoClose } = rig(10);
    autoClose.start('a');
    clock.advance(8_000);
    autoClose.restart('a');
    clock.advance(8_000);
    expect(closed).toEqual([]);
    clock.advance(2_000);
    expect(closed).toEqual(['a']);
    autoClose.restart('b');
    clock.advance(60_000);
    expect(closed).toEqual(['a']);
  });

  it('never closes with 0 seconds, and stops counting when closed by hand or stopped', () => {
    const never = rig(0);
    never.autoClose.start('a');
    expect(never.clock.pending).toBe(0);
    const { clock, closed, autoClose } = rig(5);
    autoClose.start('a');
    autoClose.start('b');
    autoClose.cancel('a');
    autoClose.clear();
    clock.advance(60_000);
    expect(closed).toEqual([]);
  });
});

describe('Companion: popups close themselves after the call', () => {
  const popupSettings = { popup: { ...defaultSettings('DE').popup, autoCloseSeconds: 10 } };
  const closedEvent = (callId: string) => (event: CompanionEvent) =>
    event.channel === 'popupClosed' && event.payload.callId === callId;
  const popupOf = (callId: string, state: PopupModel['state']) => (event: CompanionEvent) =>
    event.channel === 'popup' && event.payload.callId === callId && event.payload.state === state;

  it('closes a missed call’s popup 10 s after the end, telling every face', async () => {
    const clock = new FakeClock();
    const h = await companionHarness(tempDir(), [], popupSettings, clock);
    const callId = h.line.incoming('0211 5551234');
    h.line.hangup(callId);
    await h.until(popupOf(callId, 'missed'));
    await h.until((event) => event.channel === 'journal');
    clock.advance(9_000);
    expect(h.events.some(closedEvent(callId))).toBe(false);
    clock.advance(1_000);
    expect(h.events.some(closedEvent(callId))).toBe(true);
    expect(h.companion.snapshot().popups).toEqual([]);
  });

  it('keeps a ringing or connected call’s popup, and restarts the countdown when the agent picks', async () => {
    const clock = new FakeClock();
    const book = new FakeDirectory('Book', [
      contactWith('Ann Example', '+492115551234', { id: 'ann' }),
      contactWith('Bob Example', '+492115551234', { id: 'bob' }),
    ]);
    const h = await companionHarness(tempDir(), [book], popupSettings, clock);
    const callId = h.line.incoming('0211 5551234');
    h.line.answer(callId);
    await h.until((event) => event.channel === 'popup' && event.payload.lookup === 'done');
    clock.advance(60_000);
    expect(h.companion.snapshot().popups).toHaveLength(1);
    h.line.hangup(callId);
    await h.until(popupOf(callId, 'ended'));
    clock.advance(8_000);
    await h.companion.selectContact(callId, 1);
    clock.advance(8_000);
    expect(h.events.some(closedEvent(callId))).toBe(false);
    clock.advance(2_000);
    expect(h.events.some(closedEvent(callId))).toBe(true);
  });

  it('keeps popups until closed by hand when set to 0', async () => {
    const clock = new FakeClock();
    const h = await companionHarness(tempDir(), [], {}, clock);
    const callId = h.line.incoming('0211 5551234');
    h.line.hangup(callId);
    await h.until((event) => event.channel === 'journal');
    clock.advance(3_600_000);
    expect(h.companion.snapshot().popups).toHaveLength(1);
  });

  it('leaves no countdown behind when Ringdesk stops during a call (quitting is not delayed)', async () => {
    const clock = new FakeClock();
    const h = await companionHarness(tempDir(), [], popupSettings, clock);
    const callId = h.line.incoming('0211 5551234');
    h.line.answer(callId);
    await h.until((event) => event.channel === 'popup' && event.payload.lookup === 'done');
    await h.companion.stop();
    expect(h.events.some(popupOf(callId, 'ended'))).toBe(true);
    expect(clock.pending).toBe(0);
  });
});
