import { describe, expect, it } from 'vitest';
import { acceleratorMessage, sameShortcutMessage } from '../../../electron/contract/accelerator.js';
import { translator } from '../i18n/i18n.js';
import { plainProblem } from './plain-problem.js';

describe('plainProblem: global shortcuts', () => {
  const message = acceleratorMessage('Ctrl+Alt+Ö', { code: 'unknown-part', part: 'Ö' });

  it('says what is wrong with a shortcut in the UI language', () => {
    expect(plainProblem('app.shortcuts.dialSelection', message, translator('de-DE').t)).toBe(
      '„Ctrl+Alt+Ö“ ist keine Tastenkombination: „Ö“ ist weder eine Zusatztaste (Ctrl, Alt, Shift, Super, Cmd) noch ein Tastenname.',
    );
    expect(plainProblem('app.shortcuts.focusPopup', message, translator('en-GB').t)).toBe(
      '“Ctrl+Alt+Ö” is not a key combination: “Ö” is neither a modifier (Ctrl, Alt, Shift, Super, Cmd) nor a key name.',
    );
    expect(
      plainProblem('app.shortcuts.dialSelection', sameShortcutMessage('Ctrl+Alt+D'), translator('de-DE').t),
    ).toBe('„Ctrl+Alt+D“ ist schon das Kürzel für „neuesten Anruf zeigen“: Geben Sie jedem ein eigenes.');
  });

  it('leaves other fields’ messages as they are', () => {
    expect(plainProblem('app.updateFeedUrl', message, translator('de-DE').t)).toBe(message);
  });
});
