import { describe, expect, it } from 'vitest';
import { usableStoredIds } from './secret-reuse.js';

const saved = {
  type: 'ldap',
  url: 'ldaps://dc1.corp.example',
  bindDn: 'svc',
  bindPassword: { stored: 's1' },
};

describe('secrets a test may use', () => {
  it('uses a saved secret for the server it was saved for, whatever else changed', () => {
    expect(usableStoredIds({ ...saved, bindDn: 'other', filter: '(x=y)' }, [saved])).toEqual(new Set(['s1']));
  });

  it('never sends a saved secret to another server, or without the TLS it had', () => {
    expect(usableStoredIds({ ...saved, url: 'ldap://attacker.example' }, [saved])).toEqual(new Set());
    expect(usableStoredIds({ ...saved, startTls: false }, [saved])).toEqual(new Set());
    expect(usableStoredIds({ ...saved, caFile: '/tmp/evil.pem' }, [saved])).toEqual(new Set());
  });

  it('uses a secret only at the place it was saved', () => {
    const moved = { type: 'ldap', url: 'ldaps://dc1.corp.example', bindDn: 'svc', filter: { stored: 's1' } };
    expect(usableStoredIds(moved, [saved])).toEqual(new Set());
  });
});
