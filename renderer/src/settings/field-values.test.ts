import { describe, expect, it } from 'vitest';
import {
  fromCheckbox,
  fromEnvName,
  fromNumber,
  fromSection,
  fromShortcut,
  fromText,
  isMissingValue,
  secretState,
  shownShortcut,
  shownText,
} from './field-values.js';

describe('form field values', () => {
  it('show a shortcut in force (the default when unset) and write only a change; empty is "off"', () => {
    expect(shownShortcut(undefined, 'CommandOrControl+Alt+D')).toBe('CommandOrControl+Alt+D');
    expect(shownShortcut('', 'CommandOrControl+Alt+D')).toBe('');
    expect(fromShortcut(' CommandOrControl+Alt+D ', 'CommandOrControl+Alt+D')).toBeUndefined();
    expect(fromShortcut('  ', 'CommandOrControl+Alt+D')).toBe('');
    expect(fromShortcut('Super+F9', 'CommandOrControl+Alt+D')).toBe('Super+F9');
  });

  it('treat an empty field as "use the default"', () => {
    expect(fromText('  ')).toBeUndefined();
    expect(fromText('ldap://dc1')).toBe('ldap://dc1');
    expect(fromNumber('')).toBeUndefined();
  });

  it('keep a number field that is no number as text, for the Companion to name the problem', () => {
    expect(fromNumber('5038')).toBe(5038);
    expect(fromNumber('50x')).toBe('50x');
    expect(shownText(5038)).toBe('5038');
  });

  it('write a checkbox only when it differs from its default', () => {
    expect(fromCheckbox(true, true)).toBeUndefined();
    expect(fromCheckbox(false, true)).toBe(false);
  });

  it('switch optional sections on and off without losing their settings', () => {
    expect(fromSection(true, undefined)).toEqual({});
    expect(fromSection(true, { outbound: [] })).toEqual({ outbound: [] });
    expect(fromSection(false, { outbound: [] })).toBeUndefined();
  });

  it('tell where a secret lives, and send a typed one for the secret store', () => {
    expect(secretState({ stored: 'id' })).toEqual({ kind: 'stored' });
    expect(secretState({ env: 'AMI_SECRET' })).toEqual({ kind: 'env', name: 'AMI_SECRET' });
    expect(secretState('in-the-file')).toEqual({ kind: 'plain' });
    expect(secretState(undefined)).toEqual({ kind: 'empty' });
    expect(fromEnvName(' LDAP_PASSWORD ')).toEqual({ env: 'LDAP_PASSWORD' });
  });

  it('recognise the message of a missing required field', () => {
    expect(isMissingValue('Invalid input: expected string, received undefined')).toBe(true);
    expect(isMissingValue('must be a host name')).toBe(false);
  });
});
