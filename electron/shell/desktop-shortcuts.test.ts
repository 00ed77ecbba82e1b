import { describe, expect, it } from 'vitest';
import type { Booted } from '../companion/boot.js';
import type { TextSource } from '../companion/companion-dialer.js';
import { CompanionError } from '../companion/companion-error.js';
import { defaultSettings, type Settings } from '../companion/settings/load-settings.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { FakeClipboard, FakeGlobalShortcut } from '../test-support/fake-global-shortcut.js';
import { FakeNotification } from '../test-support/fake-notification.js';
import { useTempDir } from '../test-support/temp-dir.js';
import type { AppWindows } from './app-windows.js';
import {
  DesktopShortcuts,
  readSelectedText,
  setupShortcuts,
  shownAccelerator,
  type ShortcutDeps,
} from './desktop-shortcuts.js';

const tempDir = useTempDir();
const DEFAULTS = { focusPopup: 'CommandOrControl+Alt+P', dialSelection: 'CommandOrControl+Alt+D' };

function rig(platform: NodeJS.Platform = 'linux', overrides: Partial<ShortcutDeps> = {}) {
  const globalShortcut = new FakeGlobalShortcut();
  const clipboard = new FakeClipboard(platform);
  const did: string[] = [];
  const notices: { title: string; body: string; onClick?: () => void }[] = [];
  const warnings: string[] = [];
  const dialled: [string, TextSource][] = [];
  let popups = 0;
  const shortcuts = new DesktopShortcuts({
    globalShortcut,
    clipboard,
    platform,
    hasPopup: () => popups > 0,
    focusPopup: () => did.push('focusPopup'),
    showCalls: () => did.push('showCalls'),
    showSettings: () => did.push('showSettings'),
    focusApp: () => did.push('focusApp'),
    dialText: (text, source) => {
      dialled.push([text, source]);
      return Promise.resolve();
    },
    notify: (title, body, onClick) => notices.push({ title, body, ...(onClick ? { onClick } : {}) }),
    language: () => 'en',
    warn: (message) => warnings.push(message),
    ...overrides,
  });
  return {
    shortcuts,
    globalShortcut,
    clipboard,
    did,
    notices,
    warnings,
    dialled,
    openPopup: () => (popups += 1),
  };
}

describe('DesktopShortcuts: registering', () => {
  it('registers the configured combinations, and replaces them when the settings change', () => {
    const r = rig();
    r.shortcuts.apply(DEFAULTS);
    expect([...r.globalShortcut.registered.keys()]).toEqual([
      'CommandOrControl+Alt+P',
      'CommandOrControl+Alt+D',
    ]);
    r.shortcuts.apply({ focusPopup: '', dialSelection: ' Super + F9 ' });
    expect([...r.globalShortcut.registered.keys()]).toEqual(['Super+F9']);
    expect(r.globalShortcut.calls).toEqual([
      'register CommandOrControl+Alt+P',
      'register CommandOrControl+Alt+D',
      'unregister CommandOrControl+Alt+P',
      'unregister CommandOrControl+Alt+D',
      'register Super+F9',
    ]);
    expect(r.notices).toEqual([]);
  });

  it('swaps two combinations between the shortcuts (all are released before any is taken)', () => {
    const r = rig();
    r.shortcuts.apply(DEFAULTS);
    r.shortcuts.apply({ focusPopup: DEFAULTS.dialSelection, dialSelection: DEFAULTS.focusPopup });
    expect(Object.fromEntries(r.shortcuts.registered())).toEqual({
      focusPopup: 'CommandOrControl+Alt+D',
      dialSelection: 'CommandOrControl+Alt+P',
    });
    r.globalShortcut.press('CommandOrControl+Alt+D');
    expect(r.did).toEqual(['showCalls']);
  });

  it('a combination another program holds: told once in a notification that opens the settings, logged each time', () => {
    const r = rig();
    r.globalShortcut.taken.add('CommandOrControl+Alt+D');
    r.shortcuts.apply(DEFAULTS);
    expect([...r.globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Alt+P']);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatchObject({
      title: 'A Ringdesk shortcut is not available',
      body: 'Ctrl+Alt+D (dial the selected text) is used by another program. Choose another in Settings › App.',
    });
    expect(typeof r.notices[0]?.onClick).toBe('function');
    r.notices[0]?.onClick?.();
    expect(r.did).toEqual(['showSettings']);
    r.shortcuts.apply(DEFAULTS);
    expect(r.notices).toHaveLength(1);
    expect(r.warnings).toEqual([
      'the shortcut CommandOrControl+Alt+D (dialSelection) is not available: another program uses it',
      'the shortcut CommandOrControl+Alt+D (dialSelection) is not available: another program uses it',
    ]);
    // Freed by the other program: the next save takes it, and a later loss is told again.
    r.globalShortcut.taken.clear();
    r.shortcuts.apply(DEFAULTS);
    expect(r.globalShortcut.registered.has('CommandOrControl+Alt+D')).toBe(true);
    r.globalShortcut.taken.add('CommandOrControl+Alt+D');
    r.globalShortcut.unregisterAll();
    r.shortcuts.apply(DEFAULTS);
    expect(r.notices).toHaveLength(2);
  });

  it('a register that throws is reported, never thrown', () => {
    const r = rig();
    expect(() => r.shortcuts.apply({ focusPopup: 'Ctrl+Alt+', dialSelection: '' })).not.toThrow();
    expect(r.warnings[0]).toMatch(/Ctrl\+Alt\+ \(focusPopup\) is not available: .*conversion failure/);
    expect(r.notices[0]?.body).toContain('(show the newest call)');
  });

  it('unregisters everything on quit', () => {
    const r = rig();
    r.shortcuts.apply(DEFAULTS);
    r.shortcuts.stop();
    expect(r.globalShortcut.registered.size).toBe(0);
    expect(r.shortcuts.registered().size).toBe(0);
  });

  it('names CommandOrControl as the keyboard says it', () => {
    expect(shownAccelerator('CommandOrControl+Alt+D', 'darwin')).toBe('Cmd+Alt+D');
    expect(shownAccelerator('cmdorctrl + Shift + P', 'win32')).toBe('Ctrl+Shift+P');
  });
});

describe('DesktopShortcuts: focus the newest popup', () => {
  it('focuses the popup when one is open, else shows the call log; on macOS the app comes forward first', () => {
    const r = rig();
    r.shortcuts.apply(DEFAULTS);
    r.globalShortcut.press('CommandOrControl+Alt+P');
    r.openPopup();
    r.globalShortcut.press('CommandOrControl+Alt+P');
    expect(r.did).toEqual(['showCalls', 'focusPopup']);
    const mac = rig('darwin');
    mac.openPopup();
    mac.shortcuts.apply(DEFAULTS);
    mac.globalShortcut.press('CommandOrControl+Alt+P');
    expect(mac.did).toEqual(['focusApp', 'focusPopup']);
  });
});

describe('readSelectedText', () => {
  it('on Linux: the PRIMARY selection, else the clipboard', async () => {
    const clipboard = new FakeClipboard('linux');
    clipboard.selectionText = '0211 5551234';
    clipboard.text = 'copied';
    expect(await readSelectedText(clipboard, 'linux')).toEqual({ text: '0211 5551234', source: 'selection' });
    clipboard.selectionText = '  \n';
    expect(await readSelectedText(clipboard, 'linux')).toEqual({ text: 'copied', source: 'clipboard' });
  });

  it('on Windows and macOS: the clipboard (there is no selection buffer)', async () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const clipboard = new FakeClipboard(platform);
      clipboard.text = '+49 211 5551234';
      expect(await readSelectedText(clipboard, platform)).toEqual({
        text: '+49 211 5551234',
        source: 'clipboard',
      });
    }
  });
});

describe('DesktopShortcuts: dial the selected text, with the real Companion', () => {
  async function withCompanion(platform: NodeJS.Platform) {
    const h = await companionHarness(tempDir(), []);
    const r = rig(platform, { dialText: (text, source) => h.companion.dialText(text, source) });
    r.shortcuts.apply(DEFAULTS);
    return { h, r };
  }

  it('asks before dialling the selected number (links.confirm off or on), and dials it on yes', async () => {
    const { h, r } = await withCompanion('linux');
    r.clipboard.selectionText = 'Anna Becker, +49 211 555-1111';
    r.clipboard.text = '0211 999999';
    await r.shortcuts.dialSelection();
    const [waiting] = h.companion.snapshot().confirmations;
    expect(waiting).toMatchObject({ source: 'selection', dialable: '05551111' });
    expect(h.line.dialled()).toEqual([]);
    await h.companion.confirmDial(waiting?.id ?? '');
    expect(h.line.dialled()).toEqual([expect.objectContaining({ dialable: '05551111' })]);
    expect(r.notices).toEqual([]);
  });

  it('text without a number: a plain, short notice naming where it came from, and nothing asked or dialled', async () => {
    const { h, r } = await withCompanion('win32');
    r.clipboard.text = `Meeting notes ${'blah '.repeat(500)}`;
    await r.shortcuts.dialSelection();
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]?.title).toBe('Nothing was dialled');
    expect(r.notices[0]?.body).toMatch(/^The copied text holds no phone number: “Meeting notes blah .*…”$/);
    expect(r.notices[0]?.body.length).toBeLessThan(120);
    r.clipboard.text = '';
    await r.shortcuts.dialSelection();
    expect(r.notices[1]?.body).toBe('The clipboard is empty: copy a phone number, then press Ctrl+Alt+D.');
    expect(h.companion.snapshot().confirmations).toEqual([]);
    // Ordered positive check: a number copied next is asked about.
    r.clipboard.text = '0211 5551111';
    await r.shortcuts.dialSelection();
    expect(h.companion.snapshot().confirmations).toEqual([
      expect.objectContaining({ source: 'clipboard', dialable: '05551111' }),
    ]);
    expect(h.line.dialled()).toEqual([]);
  });

  it('on Linux says the selection held no number, and that nothing was selected', async () => {
    const { r } = await withCompanion('linux');
    r.clipboard.selectionText = 'hello world';
    await r.shortcuts.dialSelection();
    r.clipboard.selectionText = '';
    await r.shortcuts.dialSelection();
    expect(r.notices.map((notice) => notice.body)).toEqual([
      'The selected text holds no phone number: “hello world”',
      'Nothing is selected or copied: select a phone number, then press Ctrl+Alt+D.',
    ]);
    // The log says what happened, never the text (a copied password stays out of it).
    expect(r.warnings).toEqual(['dial the selected text: no phone number in the selection']);
  });

  it('a notification that cannot be shown is logged, and the shortcut still works', async () => {
    const dialled: string[] = [];
    const r = rig('linux', {
      notify: () => {
        throw new Error('no notification server');
      },
      dialText: (text) => {
        dialled.push(text);
        return text.includes('0211') ? Promise.resolve() : Promise.reject(new Error('no number'));
      },
    });
    r.clipboard.selectionText = 'secret words';
    await expect(r.shortcuts.dialSelection()).resolves.toBeUndefined();
    expect(r.warnings.at(-1)).toBe('a notification could not be shown: no notification server');
    r.clipboard.selectionText = '0211 5551111';
    await r.shortcuts.dialSelection();
    expect(dialled).toEqual(['secret words', '0211 5551111']);
  });

  it('a line that cannot dial is said, not thrown', async () => {
    const r = rig('linux', { dialText: () => Promise.reject(new Error('this line cannot dial')) });
    r.clipboard.selectionText = '0211 5551111';
    await r.shortcuts.dialSelection();
    expect(r.notices.map((notice) => notice.body)).toEqual(['Could not dial: this line cannot dial']);
    expect(r.warnings).toEqual(['dial the selected text: this line cannot dial']);
  });

  it('says a refusal with a code in the UI language, and an uncoded one as it came', async () => {
    const refusal = new CompanionError('this line cannot dial', 'dial.line-cannot-dial');
    const r = rig('linux', {
      language: () => 'de',
      dialText: (text) => Promise.reject(text === '1' ? new Error('PBX says no') : refusal),
    });
    r.clipboard.selectionText = '0211 5551111';
    await r.shortcuts.dialSelection();
    r.clipboard.selectionText = '1';
    await r.shortcuts.dialSelection();
    expect(r.notices.map((notice) => notice.body)).toEqual([
      'Wählen nicht möglich: Auf dieser Leitung kann Ringdesk nicht wählen.',
      'Wählen nicht möglich: PBX says no',
    ]);
  });
});

describe('setupShortcuts', () => {
  it('registers the settings in force, again after a save, in the UI language, and releases them on quit', async () => {
    const globalShortcut = new FakeGlobalShortcut(new Set(['Super+F9']));
    const hooks: ((saved: Settings) => void | Promise<void>)[] = [];
    const quitHandlers: (() => void)[] = [];
    let current: Settings = {
      ...defaultSettings('DE'),
      app: { ...defaultSettings('DE').app, language: 'de' },
    };
    const booted = {
      current: () => current,
      onSaved: (hook: (saved: Settings) => void) => hooks.push(hook),
      runtime: { companion: { snapshot: () => ({ popups: [] }), dialText: () => Promise.resolve() } },
    } as unknown as Booted;
    const windows = { showCalls: () => undefined, showSettings: () => undefined } as unknown as AppWindows;
    FakeNotification.made = [];
    const Notification = Object.assign(FakeNotification, { isSupported: () => true });
    const shortcuts = setupShortcuts(
      {
        app: {
          on: (event: string, handler: () => void) => {
            if (event === 'will-quit') quitHandlers.push(handler);
          },
          getLocale: () => 'en-US',
          focus: () => undefined,
        } as never,
        globalShortcut,
        clipboard: new FakeClipboard('linux'),
        Notification,
      },
      booted,
      windows,
      () => undefined,
      'linux',
    );
    expect([...globalShortcut.registered.keys()]).toEqual([
      'CommandOrControl+Alt+P',
      'CommandOrControl+Alt+D',
    ]);
    current = {
      ...current,
      app: { ...current.app, shortcuts: { focusPopup: 'Alt+F8', dialSelection: 'Super+F9' } },
    };
    for (const hook of hooks) await hook(current);
    expect([...globalShortcut.registered.keys()]).toEqual(['Alt+F8']);
    expect(FakeNotification.made.map((made) => made.options)).toEqual([
      {
        title: 'Ein Ringdesk-Tastenkürzel ist nicht verfügbar',
        body: 'Super+F9 (markierten Text wählen) wird von einem anderen Programm belegt. Wählen Sie unter Einstellungen › App ein anderes.',
      },
    ]);
    expect(FakeNotification.made[0]?.shown).toBe(true);
    for (const handler of quitHandlers) handler();
    expect(globalShortcut.registered.size).toBe(0);
    expect(shortcuts.registered().size).toBe(0);
  });
});
