import { describe, expect, it } from 'vitest';
import type { LineStatus, PopupModel } from '../contract/models.js';
import { trayMenu, trayState } from './tray-state.js';

const line = (state: LineStatus['state'], reason: string | null = null): LineStatus => ({
  provider: 'simulator',
  line: '12',
  state,
  reason,
  capabilities: [],
});
const popup = (state: PopupModel['state']) => ({ state }) as PopupModel;

describe('trayState', () => {
  it('has one icon per state, disconnected first', () => {
    expect(trayState(line('connected'), [], false).icon).toBe('idle');
    expect(trayState(line('connected'), [popup('ringing'), popup('connected')], false).icon).toBe('ringing');
    expect(trayState(line('connected'), [popup('connected'), popup('missed')], false).icon).toBe('in-call');
    expect(trayState(line('disconnected', 'PBX unreachable'), [popup('ringing')], false).icon).toBe(
      'disconnected',
    );
  });

  it('names the line, its product and its state in the tooltip', () => {
    expect(trayState(line('connected'), [popup('ringing'), popup('ringing')], true).tooltip).toBe(
      'Ringdesk · line 12 (Simulator): 2 calls ringing · do not disturb',
    );
    expect(trayState(line('disconnected', 'PBX unreachable'), [], false).tooltip).toBe(
      'Ringdesk · line 12 (Simulator): Simulator is not connected.',
    );
  });

  it('says why the line is down in plain words, with the product and its place', () => {
    const down: LineStatus = {
      ...line('disconnected', 'cannot reach Asterisk at pbx:5038: connect ECONNREFUSED 10.0.0.9:5038'),
      provider: 'ami',
      product: 'asterisk',
      target: 'pbx:5038',
      problem: 'refused',
      retryInMs: 8000,
    };
    expect(trayState(down, [], false).tooltip).toBe(
      'Ringdesk · line 12 (Asterisk): Asterisk at pbx:5038 refuses the connection.',
    );
    expect(trayState(down, [], false, 'de').tooltip).toBe(
      'Ringdesk · Leitung 12 (Asterisk): Asterisk unter pbx:5038 lehnt die Verbindung ab.',
    );
    // An older Companion without the product: still the product's name, never `ami`.
    expect(trayState({ ...down, product: undefined, problem: undefined }, [], false).tooltip).toBe(
      'Ringdesk · line 12 (Asterisk): Asterisk at pbx:5038 is not connected.',
    );
  });
});

describe('trayMenu', () => {
  it('offers call log, settings, do not disturb, about and quit', () => {
    const toggled: boolean[] = [];
    const noop = () => undefined;
    const menu = trayMenu(true, {
      showCalls: noop,
      showSettings: noop,
      showAbout: noop,
      quit: noop,
      toggleDoNotDisturb: (on) => toggled.push(on),
    });
    expect(menu.filter((item) => item.label !== undefined).map((item) => item.label)).toEqual([
      'Call log',
      'Settings…',
      'Do not disturb',
      'About Ringdesk',
      'Quit',
    ]);
    const dnd = menu.find((item) => item.label === 'Do not disturb');
    expect(dnd?.checked).toBe(true);
    dnd?.click?.({ checked: false } as never, undefined, undefined as never);
    expect(toggled).toEqual([false]);
  });
});

describe('the tray in German', () => {
  it('says everything from the German catalogue', () => {
    expect(trayState(line('connected'), [popup('ringing'), popup('ringing')], true, 'de').tooltip).toBe(
      'Ringdesk · Leitung 12 (Simulator): 2 Anrufe klingeln · nicht stören',
    );
    const noop = () => undefined;
    const menu = trayMenu(
      false,
      { showCalls: noop, showSettings: noop, showAbout: noop, quit: noop, toggleDoNotDisturb: noop },
      'de',
    );
    expect(menu.flatMap((item) => (item.label === undefined ? [] : [item.label]))).toEqual([
      'Anrufliste',
      'Einstellungen…',
      'Nicht stören',
      'Über Ringdesk',
      'Beenden',
    ]);
  });

  it('quits through the app’s handler: no role that would make Electron ignore the click', () => {
    let quit = 0;
    const noop = () => undefined;
    const menu = trayMenu(false, {
      showCalls: noop,
      showSettings: noop,
      showAbout: noop,
      quit: () => quit++,
      toggleDoNotDisturb: noop,
    });
    const item = menu.at(-1);
    expect(item?.role).toBeUndefined();
    item?.click?.({} as never, undefined, undefined as never);
    expect(quit).toBe(1);
  });
});
