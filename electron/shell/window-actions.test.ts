import { describe, expect, it } from 'vitest';
import type { RuntimeEvent } from '../companion/companion-runtime.js';
import type { PopupModel, Snapshot } from '../contract/models.js';
import { windowActions, type WindowContext } from './window-actions.js';

const popup = (state: PopupModel['state']) => ({ callId: 'c1', state }) as PopupModel;
const context = (over: Partial<WindowContext> = {}): WindowContext => ({
  doNotDisturb: false,
  platform: 'linux',
  snapshot: { popups: [], confirmations: [] },
  ...over,
});
const event = (channel: string, payload: unknown = {}) => ({ channel, payload }) as unknown as RuntimeEvent;

describe('windowActions', () => {
  it('shows the popup window for a ringing call, but not while the agent is not to be disturbed', () => {
    expect(windowActions(event('popup', popup('ringing')), context())).toEqual(['broadcast', 'showPopup']);
    expect(windowActions(event('popup', popup('ringing')), context({ doNotDisturb: true }))).toEqual([
      'broadcast',
    ]);
    expect(windowActions(event('popup', popup('connected')), context())).toEqual(['broadcast']);
  });

  it('hides the popup window when the last popup closed', () => {
    expect(windowActions(event('popupClosed'), context())).toEqual(['broadcast', 'hidePopup']);
    const open = { popups: [popup('ended')], confirmations: [] } as Pick<
      Snapshot,
      'popups' | 'confirmations'
    >;
    expect(windowActions(event('popupClosed'), context({ snapshot: open }))).toEqual(['broadcast']);
  });

  it('asks in the confirmation window, taking the focus first on macOS', () => {
    expect(windowActions(event('dialConfirmation'), context())).toEqual(['broadcast', 'showConfirm']);
    expect(windowActions(event('dialConfirmation'), context({ platform: 'darwin' }))).toEqual([
      'broadcast',
      'focusApp',
      'showConfirm',
    ]);
  });

  it('hides the confirmation once nothing waits, also after the Companion was replaced', () => {
    expect(windowActions(event('dialConfirmationClosed'), context())).toEqual(['broadcast', 'hideConfirm']);
    expect(windowActions(event('snapshot'), context())).toEqual(['broadcast', 'hideConfirm']);
    const waiting = { popups: [], confirmations: [{ id: 'x' }] } as unknown as Pick<
      Snapshot,
      'popups' | 'confirmations'
    >;
    expect(windowActions(event('dialConfirmationClosed'), context({ snapshot: waiting }))).toEqual([
      'broadcast',
    ]);
  });
});
