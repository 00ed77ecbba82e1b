import { describe, expect, it } from 'vitest';
import type { CommandArgs, CommandName, CommandResult } from '../../../electron/contract/channels.js';
import type { RendererBridge } from '../bridge/bridge.js';
import { createSettingsEditor } from './settings-editor.js';

const RULES = {
  countryCode: '49',
  areaCode: '',
  baseNumber: '',
  extensionMaxLength: 0,
  outsideLineAccess: '',
  trunkPrefix: '0',
  internationalPrefix: '00',
  localFormat: 'subscriber' as const,
  incomingFilters: [],
};

/** A fake Companion behind the bridge: one settings file, with a schema reduced to two rules. */
function fakeCompanion(initial: Record<string, unknown> | null) {
  let file = initial;
  const calls: string[] = [];
  const handlers: { [C in CommandName]?: (args: CommandArgs<C>) => CommandResult<C> } = {
    getSettings: () => ({
      document: file ?? {},
      file: '/home/agent/.config/ringdesk/config.json',
      firstRun: file === null,
      defaults: { dialingRules: RULES },
      templates: ['contact-compact', 'contact-details'],
      problems:
        file !== null && file.dialingRules === 'bad'
          ? [{ path: 'dialingRules', message: 'expected object' }]
          : [],
    }),
    saveSettings: ({ document }) => {
      const doc = document as { line?: { host?: string; secret?: unknown } };
      if (doc.line?.host === '')
        return { ok: false, problems: [{ path: 'line.host', message: 'must be a host name' }] };
      // Secrets typed in the form come back as references to the secret store.
      file = JSON.parse(
        JSON.stringify(document).replace(/\{"secret":"[^"]*"\}/g, '{"stored":"s1"}'),
      ) as Record<string, unknown>;
      return { ok: true };
    },
    testLine: ({ line }) =>
      (line as { host?: string }).host === 'down'
        ? { ok: false, checks: [{ check: 'connect', ok: false, detail: 'ECONNREFUSED' }], lines: [] }
        : {
            ok: false,
            problems: [
              { path: 'line.username', message: 'Invalid input: expected string, received undefined' },
            ],
          },
    testDirectory: () => ({ ok: false, problems: [{ path: 'url', message: 'must be an LDAP URL' }] }),
  };
  const bridge: RendererBridge = {
    invoke: (channel, args) => {
      calls.push(channel);
      const handler = handlers[channel] as ((a: unknown) => unknown) | undefined;
      if (handler === undefined) return Promise.reject(new Error(`unexpected ${channel}`));
      return Promise.resolve(handler(args) as never);
    },
    openAction: () => Promise.resolve(),
    onEvent: () => () => undefined,
    onConnection: () => () => undefined,
  };
  return { bridge, calls, file: () => file };
}

describe('the settings editor', () => {
  it('opens a first run with the locale’s dialing rules and the templates on offer', async () => {
    const editor = createSettingsEditor(fakeCompanion(null).bridge);
    await editor.load();
    const state = editor.store.getState();
    expect(state).toMatchObject({
      phase: 'ready',
      firstRun: true,
      draft: {},
      templates: ['contact-compact', 'contact-details'],
    });
    expect(state.defaults?.dialingRules.countryCode).toBe('49');
  });

  it('keeps a refused save as a draft, with the problem at its field, and the file unchanged', async () => {
    const companion = fakeCompanion({ line: { provider: 'simulator' } });
    const editor = createSettingsEditor(companion.bridge);
    await editor.load();
    editor.edit(['line'], { provider: 'ami', host: '' });
    expect(await editor.save()).toBe(false);
    expect(editor.store.getState().problems).toEqual([{ path: 'line.host', message: 'must be a host name' }]);
    expect(editor.store.getState().saveRefused).toBe(true);
    expect(editor.store.getState().draft).toEqual({ line: { provider: 'ami', host: '' } });
    expect(companion.file()).toEqual({ line: { provider: 'simulator' } });
    editor.edit(['line', 'host'], 'pbx');
    expect(editor.store.getState().problems).toEqual([]);
  });

  it('saves, and reads back typed secrets as stored references', async () => {
    const companion = fakeCompanion({});
    const editor = createSettingsEditor(companion.bridge);
    await editor.load();
    editor.edit(['line'], { provider: 'ami', host: 'pbx', secret: { secret: 'pa55' } });
    expect(await editor.save()).toBe(true);
    const state = editor.store.getState();
    expect(state.justSaved).toBe(true);
    expect(state.draft).toEqual({ line: { provider: 'ami', host: 'pbx', secret: { stored: 's1' } } });
    expect(state.saved).toEqual(state.draft);
  });

  it('shows a line test’s verdict, and its problems at the fields', async () => {
    const editor = createSettingsEditor(fakeCompanion({}).bridge);
    await editor.load();
    editor.edit(['line'], { provider: 'ami', host: 'down' });
    await editor.testLine();
    expect(editor.store.getState().lineTest).toMatchObject({ phase: 'done', result: { ok: false } });
    editor.edit(['line', 'host'], 'pbx');
    expect(editor.store.getState().lineTest).toEqual({ phase: 'idle' });
    await editor.testLine();
    expect(editor.store.getState().problems).toEqual([
      { path: 'line.username', message: 'Invalid input: expected string, received undefined' },
    ]);
  });

  it('puts a directory test’s problems under that directory', async () => {
    const editor = createSettingsEditor(
      fakeCompanion({ directories: [{ type: 'csv' }, { type: 'ldap' }] }).bridge,
    );
    await editor.load();
    await editor.testDirectory(1);
    expect(editor.store.getState().problems).toEqual([
      { path: 'directories[1].url', message: 'must be an LDAP URL' },
    ]);
    editor.moveDirectory(1, 0);
    expect(editor.store.getState().draft).toEqual({ directories: [{ type: 'ldap' }, { type: 'csv' }] });
    expect(editor.store.getState().directoryTests).toEqual({});
  });

  it('shows what is wrong with the file as saved when it opens', async () => {
    const editor = createSettingsEditor(fakeCompanion({ dialingRules: 'bad' }).bridge);
    await editor.load();
    expect(editor.store.getState()).toMatchObject({
      fileProblems: true,
      problems: [{ path: 'dialingRules', message: 'expected object' }],
    });
  });

  it('drops a directory test’s verdict when the directory changed while it ran', async () => {
    const companion = fakeCompanion({ directories: [{ type: 'ldap' }] });
    const editor = createSettingsEditor(companion.bridge);
    await editor.load();
    const running = editor.testDirectory(0);
    editor.edit(['directories', 0, 'url'], 'ldaps://dc1');
    await running;
    expect(editor.store.getState().directoryTests[0]).toEqual({ phase: 'idle' });
    expect(editor.store.getState().problems).toEqual([]);
  });
});
