import { describe, expect, it } from 'vitest';
import { fakeResultError } from '../../test-support/ldap-fake-server.js';
import { ldapError, type LdapStage } from './ldap-errors.js';

function message(error: unknown, stage: LdapStage = 'bind'): string {
  return ldapError('AD', error, { stage, timeoutMs: 5000, baseDn: 'dc=example,dc=com' }).message;
}

function systemError(code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${code} something`), { code, ...extra });
}

describe('ldapError', () => {
  it('names the directory and says why a bind failed, with AD reasons', () => {
    expect(message(fakeResultError(49, ''))).toBe("LDAP directory 'AD': bind failed: invalid credentials");
    expect(
      message(
        fakeResultError(
          49,
          '80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563',
        ),
      ),
    ).toBe("LDAP directory 'AD': bind failed: account locked out");
    expect(message(fakeResultError(8, ''))).toBe(
      'LDAP directory \'AD\': bind failed: the server requires an encrypted connection; use an ldaps:// URL or "startTls": true',
    );
  });

  it('says a server is unreachable, naming the address', () => {
    expect(message(systemError('ECONNREFUSED', { address: '127.0.0.1', port: 389 }))).toBe(
      "LDAP directory 'AD': unreachable (ECONNREFUSED 127.0.0.1:389)",
    );
    expect(message(systemError('ENOTFOUND', { hostname: 'dc1.example.com' }))).toBe(
      "LDAP directory 'AD': unreachable (ENOTFOUND dc1.example.com)",
    );
    expect(message(new Error('Connection timeout'))).toBe(
      "LDAP directory 'AD': unreachable (no connection within 5000 ms)",
    );
  });

  it('tells TLS problems apart and says how to fix an untrusted certificate', () => {
    expect(message(systemError('SELF_SIGNED_CERT_IN_CHAIN'))).toBe(
      "LDAP directory 'AD': TLS: certificate not trusted (SELF_SIGNED_CERT_IN_CHAIN); set \"caFile\" to the CA that issued the server's certificate",
    );
    expect(message(systemError('ERR_TLS_CERT_ALTNAME_INVALID'))).toContain(
      'TLS: the certificate is not for this host',
    );
    expect(message(systemError('CERT_HAS_EXPIRED'))).toBe(
      "LDAP directory 'AD': TLS: the certificate has expired",
    );
    expect(message(systemError('ERR_SSL_WRONG_VERSION_NUMBER'))).toContain('TLS: handshake failed');
  });

  it('describes a lost connection, a timeout and a missing base DN', () => {
    const closed = new Error(
      'Connection closed before message response was received. Message type: SearchRequest (0x63)',
    );
    expect(message(closed, 'sync')).toBe(
      "LDAP directory 'AD': connection lost during sync (the server closed the connection)",
    );
    expect(message(new Error('SearchRequest: Operation timed out'), 'search')).toBe(
      "LDAP directory 'AD': no answer within 5000 ms (search)",
    );
    expect(message(fakeResultError(32, 'no such object'), 'sync')).toBe(
      "LDAP directory 'AD': base DN not found: dc=example,dc=com",
    );
    expect(message(fakeResultError(80, 'strange'), 'search')).toBe(
      "LDAP directory 'AD': search failed: strange (LDAP result 80)",
    );
  });

  // Active Directory's texts as Microsoft documents them and domain controllers send them.
  it("says AD's 000004DC means a bind is required (result 1, not 50)", () => {
    const unbound = fakeResultError(
      1,
      '000004DC: LdapErr: DSID-0C090A5C, comment: In order to perform this operation a successful bind must be completed on the connection., data 0, v4563\u0000',
    );
    expect(message(unbound, 'sync')).toBe(
      'LDAP directory \'AD\': sync failed: this server requires a bind; set "bindDn" and "bindPassword"',
    );
  });

  it("names the referral for a base DN outside the domain, without AD's newline and NUL", () => {
    const referral = fakeResultError(
      10,
      "0000202B: RefErr: DSID-0310084A, data 0, 1 access points\n\tref 1: 'other.example.org'\n\u0000",
    );
    expect(message(referral, 'sync')).toBe(
      "LDAP directory 'AD': the base DN dc=example,dc=com is not in this directory's domains (the server refers to 'other.example.org'); use a base DN of this server's domain",
    );
    expect(message(fakeResultError(10, ''), 'search')).toBe(
      "LDAP directory 'AD': the base DN dc=example,dc=com is not in this directory's domains; use a base DN of this server's domain",
    );
  });
});
