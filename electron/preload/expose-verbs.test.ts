import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL, WINDOW_VERBS } from '../contract/windows.js';
import { exposeVerbs } from './expose-verbs.js';

/** Fakes of contextBridge and ipcRenderer (Electron cannot run here). */
function expose(verbs: readonly string[]) {
  const exposed: Record<string, Record<string, unknown>> = {};
  const invoked: unknown[][] = [];
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  exposeVerbs(
    { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api) },
    {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve('ok');
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((each) => each !== listener),
        );
      },
    } as never,
    verbs,
  );
  return { api: exposed.ringdesk!, invoked, listeners };
}

describe('exposeVerbs', () => {
  it('exposes exactly the window’s verbs and onEvent, frozen', () => {
    const { api } = expose(WINDOW_VERBS.popup);
    expect(Object.keys(api).sort()).toEqual([
      'chooseAgain',
      'dismissPopup',
      'getSnapshot',
      'onEvent',
      'openAction',
      'selectContact',
    ]);
    expect(Object.isFrozen(api)).toBe(true);
    expect(api.dial).toBeUndefined();
  });

  it('sends each verb over the one invoke channel', async () => {
    const { api, invoked } = expose(WINDOW_VERBS.calls);
    await (api.callback as (args: unknown) => Promise<unknown>)({ journalId: 'r1' });
    expect(invoked).toEqual([[INVOKE_CHANNEL, 'callback', { journalId: 'r1' }]]);
  });

  it('forwards events without the IPC event object, until unsubscribed', () => {
    const { api, listeners } = expose([]);
    const got: unknown[] = [];
    const stop = (api.onEvent as (listener: (event: unknown) => void) => () => void)((event) =>
      got.push(event),
    );
    listeners.get(EVENT_CHANNEL)?.[0]?.({ sender: 'secret' }, { channel: 'line' });
    stop();
    expect(got).toEqual([{ channel: 'line' }]);
    expect(listeners.get(EVENT_CHANNEL)).toEqual([]);
  });
});
