import { describe, expect, it } from 'vitest';
import { withoutHandler } from './mimeapps-list.js';

const TYPES = ['x-scheme-handler/tel', 'x-scheme-handler/callto'];

describe('withoutHandler', () => {
  it('removes the opener from the defaults and added associations of its schemes only', () => {
    const before = [
      '# my associations',
      '[Default Applications]',
      'x-scheme-handler/tel=ringdesk-link.desktop',
      'x-scheme-handler/callto=ringdesk-link.desktop;softphone.desktop;',
      'x-scheme-handler/http=firefox.desktop',
      '',
      '[Added Associations]',
      'x-scheme-handler/tel=softphone.desktop;ringdesk-link.desktop;',
      '',
      '[Removed Associations]',
      'x-scheme-handler/tel=ringdesk-link.desktop;',
      '',
    ].join('\n');
    expect(withoutHandler(before, 'ringdesk-link.desktop', TYPES)).toBe(
      [
        '# my associations',
        '[Default Applications]',
        'x-scheme-handler/callto=softphone.desktop;',
        'x-scheme-handler/http=firefox.desktop',
        '',
        '[Added Associations]',
        'x-scheme-handler/tel=softphone.desktop;',
        '',
        '[Removed Associations]',
        'x-scheme-handler/tel=ringdesk-link.desktop;',
        '',
      ].join('\n'),
    );
  });

  it('changes nothing when the opener is not named', () => {
    const text =
      '[Default Applications]\nx-scheme-handler/tel=softphone.desktop\nx-scheme-handler/phone=ringdesk-link.desktop\n';
    expect(withoutHandler(text, 'ringdesk-link.desktop', TYPES)).toBe(text);
  });

  it('does not mistake a similarly named entry for the opener', () => {
    const text = '[Default Applications]\nx-scheme-handler/tel=my-ringdesk-link.desktop;\n';
    expect(withoutHandler(text, 'ringdesk-link.desktop', TYPES)).toBe(text);
  });
});
