import { describe, expect, it } from 'vitest';
import {
  acceleratorMessage,
  acceleratorProblem,
  normalAccelerator,
  readAcceleratorMessage,
  sameAccelerator,
  sameShortcutMessage,
} from './accelerator.js';

describe('acceleratorProblem (Electron Accelerator documentation)', () => {
  it.each([
    'CommandOrControl+Alt+D',
    'CmdOrCtrl+Shift+Z',
    'ctrl+alt+p',
    'Super+Space',
    'Meta+F5',
    'Control+Alt+num0',
    'Alt+PageDown',
    'Ctrl+Shift+Plus',
    'Ctrl+Alt+/',
    'F9',
    'Shift+F12',
    'Ctrl + Alt + D',
    'Option+MediaPlayPause',
  ])('accepts %s', (accelerator) => {
    expect(acceleratorProblem(accelerator)).toBeNull();
  });

  it.each([
    ['Ctrl+Alt+', 'empty-part', ''],
    ['+D', 'empty-part', ''],
    ['Ctrl++', 'empty-part', ''],
    ['Ctrl+Alt+Ö', 'unknown-part', 'Ö'],
    ['Strg+Alt+D', 'unknown-part', 'Strg'],
    ['Ctrl+Alt+F25', 'unknown-part', 'F25'],
    ['Ctrl+Alt', 'no-key', ''],
    ['Ctrl+A+B', 'two-keys', 'A, B'],
    ['D+Ctrl', 'key-not-last', 'D'],
    ['D', 'no-modifier', 'D'],
    ['Escape', 'no-modifier', 'Escape'],
    ['Shift+D', 'character-only', 'D'],
    ['AltGr+Q', 'character-only', 'Q'],
    ['Shift+AltGr+7', 'character-only', '7'],
    ['Shift+Space', 'character-only', 'Space'],
    ['Shift+Tab', 'character-only', 'Tab'],
    ['Shift+Up', 'character-only', 'Up'],
    ['Shift+Enter', 'character-only', 'Enter'],
    [`Ctrl+${'A'.repeat(120)}`, 'too-long', ''],
  ])('refuses %s (%s)', (accelerator, code, part) => {
    expect(acceleratorProblem(accelerator)).toEqual({ code, part });
  });
});

describe('the plain-words message and reading it back', () => {
  it('says what is wrong with the shortcut as the user wrote it', () => {
    const problem = acceleratorProblem('Ctrl+Alt+');
    expect(problem).not.toBeNull();
    expect(acceleratorMessage('Ctrl+Alt+', problem ?? { code: 'no-key', part: '' })).toBe(
      '“Ctrl+Alt+” is not a key combination: a “+” has nothing on one side (the + key is written Plus)',
    );
  });

  it.each(['Ctrl+Alt+', 'Ctrl+Alt+Ö', 'Ctrl+Alt', 'Ctrl+A+B', 'D+Ctrl', 'D', 'Shift+D'])(
    'reads the message for %s back to its code and part',
    (accelerator) => {
      const problem = acceleratorProblem(accelerator);
      if (problem === null) throw new Error('expected a problem');
      expect(readAcceleratorMessage(acceleratorMessage(accelerator, problem))).toEqual({
        shortcut: accelerator,
        ...problem,
      });
    },
  );

  it('shortens a very long shortcut in the message and still reads the reason', () => {
    const long = `Ctrl+${'A'.repeat(120)}`;
    const message = acceleratorMessage(long, { code: 'too-long', part: '' });
    expect(message.length).toBeLessThan(140);
    expect(readAcceleratorMessage(message)).toMatchObject({ code: 'too-long' });
  });

  it('reads the "same combination" message, and nothing else', () => {
    expect(readAcceleratorMessage(sameShortcutMessage('Ctrl+Alt+D'))).toEqual({
      shortcut: 'Ctrl+Alt+D',
      code: 'same',
      part: '',
    });
    expect(readAcceleratorMessage('must be an https:// URL')).toBeNull();
  });

  it('registers the parts without the spaces around them', () => {
    expect(normalAccelerator(' Ctrl + Alt + D ')).toBe('Ctrl+Alt+D');
  });
});

describe('sameAccelerator', () => {
  it('sees one combination behind aliases, order, case and spaces', () => {
    expect(sameAccelerator('Ctrl+Alt+D', 'alt + control + d')).toBe(true);
    expect(sameAccelerator('CmdOrCtrl+Esc', 'CommandOrControl+Escape')).toBe(true);
    expect(sameAccelerator('Ctrl+Alt+D', 'Ctrl+Alt+P')).toBe(false);
    expect(sameAccelerator('Ctrl+Alt+D', 'Ctrl+Shift+D')).toBe(false);
    // CommandOrControl is Ctrl off macOS and Cmd on it: either way it is the same combination.
    expect(sameAccelerator('CommandOrControl+Alt+D', 'Ctrl+Alt+D')).toBe(true);
    expect(sameAccelerator('Cmd+Alt+D', 'CmdOrCtrl+Alt+D')).toBe(true);
    expect(sameAccelerator('Cmd+Alt+D', 'Ctrl+Alt+D')).toBe(false);
    expect(sameAccelerator('__proto__+D', 'constructor+D')).toBe(false);
  });
});
