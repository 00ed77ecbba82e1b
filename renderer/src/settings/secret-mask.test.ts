import { describe, expect, it } from 'vitest';
import { maskTyped, SECRET_MASK, unmaskTyped } from './secret-mask.js';

const draft = {
  line: { provider: 'ami', host: 'pbx', secret: { secret: 'pa55' } },
  directories: [{ type: 'ldap', bindPassword: { stored: 's1' } }],
};

describe('typed secrets in the JSON views', () => {
  it('are masked, while stored and environment references show as they are', () => {
    const shown = JSON.stringify(maskTyped(draft));
    expect(shown).not.toContain('pa55');
    expect(shown).toContain(SECRET_MASK);
    expect(shown).toContain('"stored":"s1"');
  });

  it('come back from an edited JSON at the same place, and nowhere else', () => {
    const edited = JSON.parse(JSON.stringify(maskTyped(draft))) as typeof draft;
    edited.line.host = 'pbx2';
    expect(unmaskTyped(edited, draft)).toEqual({ ...draft, line: { ...draft.line, host: 'pbx2' } });
    const moved = { line: { provider: 'ami', password: { secret: SECRET_MASK } } };
    expect(unmaskTyped(moved, draft)).toEqual({ line: { provider: 'ami' } });
  });
});
