import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeWindowsProtocols } from '../test-support/fake-windows-protocols.js';
import { FakeXdgMime } from '../test-support/fake-xdg-mime.js';
import {
  forgetLinkRegistration,
  linkRegistrationRemembered,
  protocolClientArgs,
  protocolsToRegister,
  registerLinkHandler,
  rememberLinkRegistration,
  schemeStatus,
  unregisterLinkHandler,
  type LinkHandlerDeps,
} from './protocol-registration.js';

const EXE = 'C:\\Users\\agent\\AppData\\Local\\Programs\\ringdesk\\Ringdesk.exe';

function windows(app = new FakeWindowsProtocols()): LinkHandlerDeps & { app: FakeWindowsProtocols } {
  return { app, execPath: EXE, argv: [EXE], defaultApp: false, platform: 'win32', env: {}, homedir: '/x' };
}

describe('protocol registration', () => {
  it('registers tel, callto and phone, and sip on request', () => {
    expect(protocolsToRegister({ sip: false })).toEqual(['tel', 'callto', 'phone']);
    expect(protocolsToRegister({ sip: true })).toEqual(['tel', 'callto', 'phone', 'sip']);
  });

  it('always ends the registered arguments with the -- guard; in development names the resolved app path', () => {
    expect(protocolClientArgs(false, ['/opt/Ringdesk/ringdesk'])).toEqual(['--']);
    expect(protocolClientArgs(true, ['/usr/bin/electron', '/home/me/ringdesk'])).toEqual([
      '/home/me/ringdesk',
      '--',
    ]);
    // `electron .` from the project folder: the OS starts it from elsewhere, so the path is resolved.
    expect(protocolClientArgs(true, ['/usr/bin/electron', '.'])).toEqual([path.resolve('.'), '--']);
  });

  it('on Windows reports a scheme the user gave to Teams as handled by Teams, though the registry write succeeded', async () => {
    const deps = windows();
    deps.app.userChoice.set('tel', 'Microsoft Teams');
    const result = await registerLinkHandler(deps, { sip: false });
    expect(deps.app.writes).toEqual([
      `set tel = "${EXE}" "--" "%1"`,
      `set callto = "${EXE}" "--" "%1"`,
      `set phone = "${EXE}" "--" "%1"`,
    ]);
    expect(result).toEqual({
      registered: ['callto', 'phone'],
      refused: ['tel'],
      steps: ['windows-default-apps', 'browser-confirm'],
      schemes: [
        { scheme: 'tel', state: 'other', app: 'Microsoft Teams' },
        { scheme: 'callto', state: 'handled' },
        { scheme: 'phone', state: 'handled' },
      ],
    });
  });

  it('on Windows says "not registered" for a scheme nothing handles, and names another program’s command', async () => {
    const deps = windows(new FakeWindowsProtocols('Ringdesk', { 'C:\\Skype\\skype.exe': 'Skype' }));
    deps.app.commands.set('callto', '"C:\\Skype\\skype.exe" "%1"');
    expect(await schemeStatus(deps, ['tel', 'callto'])).toEqual([
      { scheme: 'tel', state: 'none' },
      { scheme: 'callto', state: 'other', app: 'Skype' },
    ]);
  });

  it('asks nothing more of the user on Windows once every scheme is Ringdesk’s', async () => {
    const result = await registerLinkHandler(windows(), { sip: true });
    expect(result.registered).toEqual(['tel', 'callto', 'phone', 'sip']);
    expect(result.steps).toEqual(['browser-confirm']);
  });

  it('gives back only the schemes whose command is still Ringdesk’s', async () => {
    const deps = windows();
    await registerLinkHandler(deps, { sip: false });
    deps.app.commands.set('callto', '"C:\\Skype\\skype.exe" "%1"');
    await unregisterLinkHandler(deps, protocolsToRegister({ sip: true }));
    expect(deps.app.commands.get('callto')).toBe('"C:\\Skype\\skype.exe" "%1"');
    expect(deps.app.writes.filter((write) => write.startsWith('delete'))).toEqual([
      'delete tel',
      'delete phone',
    ]);
  });

  it('on Linux makes the app’s desktop entry the default with xdg-mime, never xdg-settings, and reports who has the rest', async () => {
    const xdg = new FakeXdgMime();
    xdg.pinned.set('x-scheme-handler/callto', 'skype.desktop');
    const app = new FakeWindowsProtocols();
    app.setAsDefaultProtocolClient = () => {
      throw new Error('xdg-settings must not be used');
    };
    const result = await registerLinkHandler(
      {
        app,
        execPath: '/opt/Ringdesk/ringdesk',
        argv: [],
        defaultApp: false,
        platform: 'linux',
        env: { CHROME_DESKTOP: 'ringdesk.desktop' },
        homedir: '/home/agent',
        run: xdg.run,
      },
      { sip: false },
    );
    expect(xdg.calls).toContainEqual(['default', 'ringdesk.desktop', 'x-scheme-handler/tel']);
    expect(result).toEqual({
      registered: ['tel', 'phone'],
      refused: ['callto'],
      steps: ['browser-confirm'],
      schemes: [
        { scheme: 'tel', state: 'handled' },
        { scheme: 'callto', state: 'other', app: 'skype.desktop' },
        { scheme: 'phone', state: 'handled' },
      ],
    });
  });

  it('remembers that the user asked for the links, so only then does a start renew them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-links-'));
    try {
      expect(linkRegistrationRemembered(dir)).toBe(false);
      await rememberLinkRegistration(dir, ['tel', 'callto']);
      expect(linkRegistrationRemembered(dir)).toBe(true);
      await forgetLinkRegistration(dir);
      expect(linkRegistrationRemembered(dir)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
