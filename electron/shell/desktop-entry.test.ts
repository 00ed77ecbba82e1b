import { describe, expect, it } from 'vitest';
import {
  DesktopEntryError,
  execArgument,
  schemeHandlerEntry,
  xdgConfigHome,
  xdgDataHome,
} from './desktop-entry.js';

describe('Exec quoting (Desktop Entry Specification)', () => {
  it('leaves plain arguments bare, which every launcher (xdg-open too) splits correctly', () => {
    expect(execArgument('/usr/lib/node_modules/ringdesk/bin/ringdesk.js')).toBe(
      '/usr/lib/node_modules/ringdesk/bin/ringdesk.js',
    );
    expect(execArgument('--')).toBe('--');
  });

  it('quotes reserved characters and escapes ", `, $ and \\ inside the quotes', () => {
    expect(execArgument('/home/a b/node')).toBe('"/home/a b/node"');
    expect(execArgument("/x/it's;(here)&|<>~*?#")).toBe('"/x/it\'s;(here)&|<>~*?#"');
    expect(execArgument('/x/"q"')).toBe('"/x/\\\\"q\\\\""');
    expect(execArgument('/x/$HOME`id`')).toBe('"/x/\\\\$HOME\\\\`id\\\\`"');
  });

  it('writes a literal backslash as four, as the string escape comes on top of the quoting', () => {
    expect(execArgument('C:\\node')).toBe('"C:\\\\\\\\node"');
  });

  it('doubles % so that no part of a path becomes a field code', () => {
    expect(execArgument('/x/%u')).toBe('/x/%%u');
    expect(execArgument('/x y/100%')).toBe('"/x y/100%%"');
  });

  it('refuses what no quoting can carry, and empty arguments', () => {
    expect(() => execArgument('/x\n/y')).toThrow(DesktopEntryError);
    expect(() => execArgument('/x\u0000')).toThrow(/control character/);
    expect(() => execArgument('')).toThrow(/empty/);
  });
});

describe('desktop entry places and scheme handlers', () => {
  it('follow XDG_DATA_HOME and XDG_CONFIG_HOME only when absolute', () => {
    expect(xdgDataHome({ XDG_DATA_HOME: '/data' }, '/home/a')).toBe('/data');
    expect(xdgDataHome({ XDG_DATA_HOME: 'rel' }, '/home/a')).toBe('/home/a/.local/share');
    expect(xdgConfigHome({}, '/home/a')).toBe('/home/a/.config');
  });

  it('write one MimeType per scheme and refuse anything but a plain scheme', () => {
    const entry = schemeHandlerEntry({
      name: 'R',
      comment: 'c',
      exec: '/x -- %u',
      schemes: ['tel', 'callto'],
    });
    expect(entry).toContain('\nMimeType=x-scheme-handler/tel;x-scheme-handler/callto;\n');
    expect(entry).toContain('\nNoDisplay=true\n');
    expect(() => schemeHandlerEntry({ name: 'R', comment: 'c', exec: '/x', schemes: ['tel;x'] })).toThrow(
      DesktopEntryError,
    );
  });
});
