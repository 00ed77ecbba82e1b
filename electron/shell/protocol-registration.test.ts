import { describe, expect, it } from 'vitest';
import {
  protocolClientArgs,
  protocolsToRegister,
  registerLinkHandler,
  registerProtocols,
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

  it('tells Windows users to confirm in Default Apps, and everyone about the browser', () => {
    const fakeApp = {
      isPackaged: true,
      setAsDefaultProtocolClient: (protocol: string) => protocol !== 'sip',
    };
    expect(registerLinkHandler(fakeApp, '/x', [], 'win32', { sip: true })).toEqual({
      registered: ['tel', 'callto', 'phone'],
      refused: ['sip'],
      steps: ['windows-default-apps', 'browser-confirm'],
    });
    expect(registerLinkHandler(fakeApp, '/x', [], 'linux', { sip: false }).steps).toEqual([
      'browser-confirm',
    ]);
  });
});
