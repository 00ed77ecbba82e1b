import { describe, expect, it } from 'vitest';
import { FakeWindowsProtocols } from '../test-support/fake-windows-protocols.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { DesktopLinks, defaultAppsUrl } from './desktop-links.js';

const tempDir = useTempDir();
const EXE = 'C:\\Programs\\ringdesk\\Ringdesk.exe';

function desktopLinks(options: { platform?: NodeJS.Platform; sip?: boolean; systemVersion?: string } = {}) {
  const app = new FakeWindowsProtocols();
  const opened: string[] = [];
  const warnings: string[] = [];
  const settings = { sip: options.sip ?? false };
  const links = new DesktopLinks({
    app,
    execPath: EXE,
    argv: [EXE],
    defaultApp: false,
    platform: options.platform ?? 'win32',
    env: {},
    homedir: '/x',
    userData: tempDir(),
    systemVersion: options.systemVersion ?? '10.0.22631',
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    links: () => settings,
    warn: (message) => warnings.push(message),
  });
  return { app, links, opened, warnings, settings };
}

describe('DesktopLinks', () => {
  it('opens Ringdesk’s own Default Apps page on Windows 11, the list on Windows 10, nothing elsewhere', async () => {
    expect(defaultAppsUrl('10.0.22631', 'Ringdesk')).toBe(
      'ms-settings:defaultapps?registeredAppUser=Ringdesk',
    );
    expect(defaultAppsUrl('10.0.19045', 'Ringdesk')).toBe('ms-settings:defaultapps');
    expect(defaultAppsUrl('10.0.22000', 'Ring desk')).toBe(
      'ms-settings:defaultapps?registeredAppUser=Ring%20desk',
    );
    const win = desktopLinks();
    expect(await win.links.openDefaultApps()).toEqual({ opened: true });
    expect(win.opened).toEqual(['ms-settings:defaultapps?registeredAppUser=Ringdesk']);
    const mac = desktopLinks({ platform: 'darwin' });
    expect(await mac.links.openDefaultApps()).toEqual({ opened: false });
    expect(mac.opened).toEqual([]);
  });

  it('shows every scheme offered, sip only when on, and what the user chose meanwhile', async () => {
    const { app, links, settings } = desktopLinks();
    app.userChoice.set('tel', 'Microsoft Teams');
    expect(await links.linkStatus()).toEqual({
      schemes: [
        { scheme: 'tel', state: 'other', app: 'Microsoft Teams' },
        { scheme: 'callto', state: 'none' },
        { scheme: 'phone', state: 'none' },
      ],
      defaultApps: true,
      remembered: false,
    });
    await links.registerLinkHandler();
    // The user picks Ringdesk in Default Apps; the next check says so.
    app.userChoice.set('tel', 'Ringdesk');
    settings.sip = true;
    const after = await links.linkStatus();
    expect(after.remembered).toBe(true);
    expect(after.schemes.map((each) => `${each.scheme}:${each.state}`)).toEqual([
      'tel:handled',
      'callto:handled',
      'phone:handled',
      'sip:none',
    ]);
  });

  it('applies links.sip at once once the user has the links, and never before', async () => {
    const { app, links } = desktopLinks();
    await links.applySip(true);
    expect(app.writes).toEqual([]);
    await links.registerLinkHandler();
    await links.applySip(true);
    expect(app.commands.has('sip')).toBe(true);
    await links.applySip(false);
    expect(app.commands.has('sip')).toBe(false);
    expect(app.commands.has('tel')).toBe(true);
  });

  it('gives every scheme back and stops renewing them at start', async () => {
    const { app, links, warnings } = desktopLinks();
    await links.registerLinkHandler();
    const status = await links.unregisterLinkHandler();
    expect(status.remembered).toBe(false);
    expect(status.schemes.every((each) => each.state === 'none')).toBe(true);
    const writes = app.writes.length;
    await links.renewAtStart();
    // Ordered positive check: nothing was written by the start, and nothing was said.
    expect(app.writes).toHaveLength(writes);
    expect(warnings).toEqual([]);
  });

  it('renews at start only what is still Ringdesk’s or nobody’s, and names the app that took a scheme', async () => {
    const { app, links, warnings } = desktopLinks();
    await links.registerLinkHandler();
    // Since the last start: the registry lost tel (say, a profile clean-up), and Skype wrote its
    // own per-user callto command.
    app.commands.delete('tel');
    app.commands.set('callto', '"C:\\Skype\\skype.exe" "%1"');
    app.userChoice.set('callto', 'Skype');
    const writes = app.writes.length;
    await links.renewAtStart();
    expect(app.writes.slice(writes)).toEqual([
      `set tel = "${EXE}" "--" "%1"`,
      `set phone = "${EXE}" "--" "%1"`,
    ]);
    expect(app.commands.get('callto')).toBe('"C:\\Skype\\skype.exe" "%1"');
    expect(warnings).toEqual(['callto: links open in Skype, not Ringdesk']);
  });

  it('turning sip on registers sip alone, taking nothing else back', async () => {
    const { app, links } = desktopLinks();
    await links.registerLinkHandler();
    app.commands.set('tel', '"C:\\Teams\\teams.exe" "%1"');
    const writes = app.writes.length;
    await links.applySip(true);
    expect(app.writes.slice(writes)).toEqual([`set sip = "${EXE}" "--" "%1"`]);
  });
});
