import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues } from '../../companion/settings/settings-file.js';
import { ldapDirectoryName, ldapDirectorySchema } from './ldap-settings.js';

const minimal = { type: 'ldap', url: 'ldaps://dc1.example.com', baseDn: 'dc=example,dc=com' };

function problems(input: unknown): string[] {
  const result = ldapDirectorySchema.safeParse(input);
  return result.success ? [] : formatIssues(result.error.issues);
}

describe('ldapDirectorySchema', () => {
  it('fills Active Directory defaults: sync mode every 15 minutes, the phone attributes, AD field names, no filter (the server picks)', () => {
    const settings = ldapDirectorySchema.parse(minimal);
    expect(settings).toMatchObject({
      mode: 'sync',
      scope: 'sub',
      startTls: false,
      phoneAttributes: [
        'telephoneNumber',
        'mobile',
        'homePhone',
        'ipPhone',
        'otherTelephone',
        'otherMobile',
        'otherHomePhone',
        'pager',
        'facsimileTelephoneNumber',
      ],
      attributes: {
        name: 'displayName',
        company: 'company',
        email: 'mail',
        department: 'department',
        title: 'title',
      },
      pageSize: 500,
      timeoutMs: 5000,
      syncIntervalMinutes: 15,
    });
    expect(settings.attributes.link).toBeUndefined();
    expect(settings.filter).toBeUndefined();
    expect(ldapDirectoryName(settings)).toBe('dc1.example.com');
  });

  it('keeps a partial attribute mapping and fills the rest', () => {
    const settings = ldapDirectorySchema.parse({
      ...minimal,
      attributes: { company: 'o', link: 'labeledURI' },
    });
    expect(settings.attributes).toMatchObject({ company: 'o', link: 'labeledURI', name: 'displayName' });
  });

  it('accepts the password as an environment variable reference', () => {
    const settings = ldapDirectorySchema.parse({
      ...minimal,
      bindDn: 'CN=svc-ringdesk,OU=Service,DC=example,DC=com',
      bindPassword: { env: 'RINGDESK_LDAP_PASSWORD' },
    });
    expect(settings.bindPassword).toEqual({ env: 'RINGDESK_LDAP_PASSWORD' });
  });

  it.each([
    ['http://dc1.example.com', 'url: must be an ldap:// or ldaps:// URL'],
    ['ldap://', 'url: must be an ldap:// or ldaps:// URL'],
    ['ldap://dc1.example.com/dc=example,dc=com', 'url: must be an ldap:// or ldaps:// URL'],
    ['ldaps://user:pw@dc1.example.com', 'url: must be an ldap:// or ldaps:// URL'],
  ])('rejects the URL %s', (url, message) => {
    expect(problems({ ...minimal, url }).join('; ')).toContain(message);
  });

  it('explains each mistake, and each combination that cannot work', () => {
    expect(
      problems({
        ...minimal,
        startTls: true,
        bindDn: 'cn=reader,dc=example,dc=com',
        filter: 'objectClass=person)(',
        phoneAttributes: ['telephone Number'],
        mode: 'push',
      }),
    ).toEqual([
      'filter: must be an LDAP filter in parentheses, such as "(objectClass=person)"',
      'phoneAttributes[0]: must be an LDAP attribute name such as "telephoneNumber"',
      'mode: Invalid option: expected one of "sync"|"live"',
    ]);
    expect(problems({ ...minimal, startTls: true, bindDn: 'cn=reader,dc=example,dc=com' })).toEqual([
      'startTls: cannot be combined with an ldaps:// URL, which is encrypted already',
      'bindPassword: is required with bindDn (an empty password would bind anonymously)',
    ]);
    expect(problems({ ...minimal, url: 'ldap://dc1', caFile: 'ca.pem', bindPassword: 'x' })).toEqual([
      'caFile: is used only with an ldaps:// URL or "startTls": true',
      'bindDn: is required with bindPassword',
    ]);
  });

  it('accepts an Active Directory filter and refuses one without parentheses', () => {
    const enabledUsers =
      '(&(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))';
    expect(ldapDirectorySchema.parse({ ...minimal, filter: enabledUsers }).filter).toBe(enabledUsers);
    expect(problems({ ...minimal, filter: 'objectClass=person' })).toEqual([
      'filter: must be an LDAP filter in parentheses, such as "(objectClass=person)"',
    ]);
  });

  it('takes RFC 4515 escapes of UTF-8 text, and refuses escaped bytes that are no text, saying why', () => {
    expect(ldapDirectorySchema.parse({ ...minimal, filter: '(l=D\\c3\\bcsseldorf)' }).filter).toBe(
      '(l=D\\c3\\bcsseldorf)',
    );
    expect(problems({ ...minimal, filter: '(objectGUID=\\a1\\b2)' })).toEqual([
      'filter: the escaped bytes \\a1\\b2 are not UTF-8 text; write the characters themselves, or leave binary values out of the filter',
    ]);
  });

  it('takes per-directory popup actions, http(s) only', () => {
    const actions = { openContact: 'https://intranet.example.com/people?dn={{contact.id}}' };
    expect(ldapDirectorySchema.parse({ ...minimal, actions }).actions).toEqual(actions);
    expect(problems({ ...minimal, actions: { openContact: 'javascript:alert(1)' } })).toEqual([
      'actions.openContact: must be an http:// or https:// URL with a fixed host',
    ]);
  });

  it('reports a misspelt key instead of ignoring it', () => {
    expect(problems({ ...minimal, basedn: 'dc=example,dc=com' })).toContain('Unrecognized key: "basedn"');
  });

  it("joins the settings' directory union as it is, keeping its checks", () => {
    const union = z.discriminatedUnion('type', [
      z.object({ type: z.enum(['csv', 'vcard']), path: z.string() }).strict(),
      ldapDirectorySchema,
    ]);
    expect(union.parse({ ...minimal, mode: 'live' })).toMatchObject({ type: 'ldap', mode: 'live' });
    expect(union.safeParse({ ...minimal, startTls: true }).success).toBe(false);
  });
});
