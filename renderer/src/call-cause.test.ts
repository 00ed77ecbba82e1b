import { describe, expect, it } from 'vitest';
import { NO_HANGUP_CAUSE } from '../../electron/contract/call-causes.js';
import { causeText } from './call-cause.js';
import { translator } from './i18n/i18n.js';

describe('the reason a call log names', () => {
  it('says in both languages that the PBX never reported the hang-up', () => {
    expect(causeText(NO_HANGUP_CAUSE, translator('en-GB').t)).toBe('no hang-up from the PBX');
    expect(causeText(NO_HANGUP_CAUSE, translator('de-DE').t)).toBe(
      'kein Auflegen von der Telefonanlage gemeldet',
    );
    expect(causeText('cancel', translator('en-GB').t)).toBeNull();
  });
});
