import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  protocolClientArgs,
  protocolsToRegister,
  linkRegistrationRemembered,
  registerLinkHandler,
  registerProtocols,
  rememberLinkRegistration,
} from './protocol-registration.js';

describe('protocol registration', () => {
  it('registers tel, callto and phone, and sip on request', () => {
    expect(protocolsToRegister({ sip: false })).toEqual(['tel', 'callto', 'phone']);
    expect(protocolsToRegister({ sip: true })).toEqual(['tel', 'callto', 'phone', 'sip']);
  });

  it('always ends the registered arguments with the -- guard', () => {
    expect(protocolClientArgs(true, ['/opt/Ringdesk/ringdesk'])).toEqual(['--']);
    expect(protocolClientArgs(false, ['/usr/bin/electron', '/home/me/ringdesk'])).toEqual([
      '/home/me/ringdesk',
      '--',
    ]);
  });

  it('reports the protocols the OS refused', () => {
    const calls: [string, string, string[]][] = [];
    const fakeApp = {
      isPackaged: true,
      setAsDefaultProtocolClient: (protocol: string, path?: string, args?: string[]) => {
        calls.push([protocol, path ?? '', args ?? []]);
        return protocol !== 'callto';
      },
    };
    expect(registerProtocols(fakeApp, '/opt/Ringdesk/ringdesk', [], { sip: false })).toEqual(['callto']);
    expect(calls).toEqual([
      ['tel', '/opt/Ringdesk/ringdesk', ['--']],
      ['callto', '/opt/Ringdesk/ringdesk', ['--']],
      ['phone', '/opt/Ringdesk/ringdesk', ['--']],
    ]);
  });

  it('tells Windows users to confirm in Default Apps, and everyone about the browser', async () => {
    const app = {
      isPackaged: true,
      setAsDefaultProtocolClient: (protocol: string) => protocol !== 'sip',
    };
    const deps = { app, execPath: '/x', argv: [], env: {} };
    expect(await registerLinkHandler({ ...deps, platform: 'win32' }, { sip: true })).toEqual({
      registered: ['tel', 'callto', 'phone'],
      refused: ['sip'],
      steps: ['windows-default-apps', 'browser-confirm'],
    });
    expect((await registerLinkHandler({ ...deps, platform: 'darwin' }, { sip: false })).steps).toEqual([
      'browser-confirm',
    ]);
  });

  it('on Linux makes the app’s desktop entry the default with xdg-mime, never xdg-settings', async () => {
    const asked: string[] = [];
    const app = {
      isPackaged: true,
      setAsDefaultProtocolClient: () => {
        throw new Error('xdg-settings must not be used');
      },
    };
    const result = await registerLinkHandler(
      {
        app,
        execPath: '/opt/Ringdesk/ringdesk',
        argv: [],
        platform: 'linux',
        env: { CHROME_DESKTOP: 'ringdesk.desktop' },
        xdgDefault: (desktopFile, schemes) => {
          asked.push(`${desktopFile}: ${schemes.join(' ')}`);
          return Promise.resolve({ registered: ['tel', 'phone'], refused: ['callto'] });
        },
      },
      { sip: false },
    );
    expect(asked).toEqual(['ringdesk.desktop: tel callto phone']);
    expect(result).toEqual({ registered: ['tel', 'phone'], refused: ['callto'], steps: ['browser-confirm'] });
  });

  it('remembers that the user asked for the links, so only then does a start renew them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-links-'));
    try {
      expect(linkRegistrationRemembered(dir)).toBe(false);
      await rememberLinkRegistration(dir, ['tel', 'callto']);
      expect(linkRegistrationRemembered(dir)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
