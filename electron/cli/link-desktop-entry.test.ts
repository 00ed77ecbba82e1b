import { describe, expect, it } from 'vitest';
import { DesktopEntryError } from '../shell/desktop-entry.js';
import { LINK_DESKTOP_FILE, linkDesktopEntry, linkOpenerExec, linkSchemes } from './link-desktop-entry.js';

const command = { node: '/usr/bin/node', script: '/opt/ringdesk/bin/ringdesk.js' };

describe('the link opener’s desktop entry', () => {
  it('is hidden from menus, runs `ringdesk link open -- %u` and declares the phone schemes', () => {
    expect(LINK_DESKTOP_FILE).toBe('ringdesk-link.desktop');
    expect(linkDesktopEntry(command, linkSchemes(false))).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Ringdesk phone links',
        'Comment=Hands phone links to the running Ringdesk host, which dials them',
        'Exec=/usr/bin/node /opt/ringdesk/bin/ringdesk.js link open -- %u',
        'Terminal=false',
        'NoDisplay=true',
        'MimeType=x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/phone;',
        '',
      ].join('\n'),
    );
  });

  it('declares sip only when asked', () => {
    expect(linkSchemes(true)).toEqual(['tel', 'callto', 'phone', 'sip']);
    expect(linkDesktopEntry(command, linkSchemes(true))).toContain(
      'MimeType=x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/phone;x-scheme-handler/sip;\n',
    );
  });

  it('puts the one field code last, after the -- guard, so the link can only be an input', () => {
    const exec = linkOpenerExec({ node: '/a b/node', script: '/c/%u/ringdesk.js' });
    expect(exec.endsWith(' -- %u')).toBe(true);
    expect(exec.match(/(?<!%)%[a-zA-Z]/g)).toEqual(['%u']);
  });

  it('starts a Node whose path holds % through env, as GLib looks the program up unexpanded', () => {
    expect(linkOpenerExec({ ...command, node: '/opt/100%/node' })).toBe(
      '/usr/bin/env /opt/100%%/node /opt/ringdesk/bin/ringdesk.js link open -- %u',
    );
  });

  it('bakes RINGDESK_HOME in through env, so the opener finds the same host', () => {
    expect(linkOpenerExec({ ...command, env: { RINGDESK_HOME: '/home/agent/ring desk' } })).toBe(
      '/usr/bin/env "RINGDESK_HOME=/home/agent/ring desk" /usr/bin/node /opt/ringdesk/bin/ringdesk.js link open -- %u',
    );
  });
});

describe('the opener entry refuses', () => {
  it('relative paths, bad variable names and anything but a plain scheme', () => {
    expect(() => linkOpenerExec({ node: 'node', script: '/bin/ringdesk.js' })).toThrow(/absolute/);
    expect(() => linkOpenerExec({ ...command, env: { 'A B': 'x' } })).toThrow(/variable/);
    expect(() => linkDesktopEntry(command, ['tel;x-scheme-handler/http'])).toThrow(DesktopEntryError);
  });
});
