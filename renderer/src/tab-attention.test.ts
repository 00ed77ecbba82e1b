import { describe, expect, it } from 'vitest';
import type { LineStatus, PopupModel } from '../../electron/contract/models.js';
import { translator } from './i18n/i18n.js';
import { faviconFor, tabSignal } from './tab-attention.js';

const t = translator('en-GB').t;
const up: LineStatus = { provider: 'ami', line: '12', state: 'connected', reason: null, capabilities: [] };
const down: LineStatus = { ...up, state: 'disconnected', reason: 'connect ECONNREFUSED', problem: 'refused' };
const ringing = (name: string | null): PopupModel =>
  ({
    callId: 'c1',
    direction: 'incoming',
    state: 'ringing',
    number: { display: '0211 5551111' },
    contacts: name === null ? [] : [{ name }],
    selected: null,
    lookup: 'done',
  }) as unknown as PopupModel;

describe('tabSignal', () => {
  it('names a ringing caller first, then a line that is down, else the app', () => {
    expect(tabSignal(up, 'open', [], t)).toEqual({ kind: 'idle', title: 'Ringdesk' });
    expect(tabSignal(down, 'open', [], t)).toEqual({ kind: 'down', title: 'Line down · Ringdesk' });
    expect(tabSignal(up, 'closed', [], t).kind).toBe('down');
    expect(tabSignal(down, 'open', [ringing('Anna Becker')], t)).toEqual({
      kind: 'ringing',
      title: 'Call from Anna Becker · Ringdesk',
    });
    expect(tabSignal(up, 'open', [ringing(null)], translator('de-DE').t).title).toBe(
      'Anruf von 0211 5551111 · Ringdesk',
    );
  });

  it('has a different favicon for each kind', () => {
    const icons = new Set((['idle', 'ringing', 'down'] as const).map(faviconFor));
    expect(icons.size).toBe(3);
    expect(faviconFor('down')).toMatch(/^data:image\/svg\+xml,/);
  });
});
