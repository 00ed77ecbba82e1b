/**
 * The settings of one LDAP / Active Directory directory, as the settings file holds them.
 *
 * The schema is strict and checks what can be checked before a server is ever asked: the URL
 * scheme, that StartTLS is not combined with ldaps://, that a bind DN comes with its password
 * (an empty password would bind anonymously without a word), that the optional filter parses.
 * Defaults suit Active Directory; the README shows an OpenLDAP example.
 */
import { FilterParser } from 'ldapts';
import { z } from 'zod';
import { pathField } from '../../shared/field-kinds.js';
import { secretSchema } from '../../shared/secret.js';
import { LdapFilterError, normalizeFilter } from './ldap-filter.js';

/** The phone attributes read when the settings name none: AD's and inetOrgPerson's. */
export const DEFAULT_PHONE_ATTRIBUTES = [
  'telephoneNumber',
  'mobile',
  'homePhone',
  'ipPhone',
  'otherTelephone',
  'otherMobile',
  'otherHomePhone',
  'pager',
  'facsimileTelephoneNumber',
] as const;

/**
 * The filter on Active Directory when the settings give none: people (users and contacts share
 * the category Person; computers, a subclass of user, have their own) whose account is not
 * disabled (userAccountControl bit 2, tested with AD's bitwise-AND matching rule; a contact has
 * no userAccountControl, so the NOT keeps it).
 */
export const AD_DEFAULT_FILTER =
  '(&(objectCategory=person)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))';

/** The filter on other servers (OpenLDAP) when the settings give none. */
export const DEFAULT_FILTER = '(objectClass=person)';

/** An attribute description as LDAP names it: a letter, then letters, digits and hyphens. */
const attributeName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'must be an LDAP attribute name such as "telephoneNumber"');

/**
 * True for `ldap://host[:port][/]` and `ldaps://host[:port][/]`: the client uses scheme, host
 * and port only, so anything more (a path, a query, credentials) is a mistake worth reporting.
 */
export function isLdapUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'ldap:' || url.protocol === 'ldaps:') &&
    url.hostname !== '' &&
    (url.pathname === '' || url.pathname === '/') &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** True when `text` is one parenthesised LDAP filter (RFC 4515). */
function isFilter(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  try {
    FilterParser.parseString(normalizeFilter(text));
    return true;
  } catch {
    return false;
  }
}

/** Why a filter's escapes cannot be sent, or null. */
function escapeProblem(text: string): string | null {
  try {
    normalizeFilter(text);
    return null;
  } catch (error) {
    return error instanceof LdapFilterError ? error.message : String(error);
  }
}

/** A popup action URL template: http(s) with a fixed host (placeholders as in the README). */
const actionUrl = z
  .string()
  .max(4096)
  .regex(/^https?:\/\/[^/{}]/i, 'must be an http:// or https:// URL with a fixed host');

/** Which attribute holds each contact field. */
const attributeMappingSchema = z
  .object({
    /** The shown name; when empty, `cn`, then given name + surname, then the company. */
    name: attributeName.default('displayName'),
    company: attributeName.default('company'),
    email: attributeName.default('mail'),
    department: attributeName.default('department'),
    title: attributeName.default('title'),
    /** A link to the person (an intranet page, `labeledURI`); only http(s) links are kept. */
    link: attributeName.optional(),
  })
  .strict();

/** One LDAP or Active Directory directory. */
export const ldapDirectorySchema = z
  .object({
    type: z.literal('ldap'),
    /** Shown in popups as the contacts' source and in every error; defaults to the URL's host. */
    name: z.string().min(1).max(64).optional(),
    /** `ldap://host[:port]` or `ldaps://host[:port]`. */
    url: z
      .string()
      .refine(isLdapUrl, 'must be an ldap:// or ldaps:// URL with a host, such as "ldaps://dc1.example.com"'),
    /** Upgrade an ldap:// connection with StartTLS before binding. */
    startTls: z.boolean().default(false),
    /** A PEM file of the CA(s) that issued the server's certificate, instead of the system's. */
    caFile: pathField('reads', z.string().min(1, 'must name a file')).optional(),
    /** Who to bind as; anonymous when absent. */
    bindDn: z.string().min(1).optional(),
    bindPassword: secretSchema.optional(),
    /** Where the people are. */
    baseDn: z.string().min(1, 'must name the entry to search under, such as "dc=example,dc=com"'),
    scope: z.enum(['sub', 'one', 'base']).default('sub'),
    /**
     * Which entries are contacts; when absent, the server's default ({@link AD_DEFAULT_FILTER}
     * on Active Directory, {@link DEFAULT_FILTER} elsewhere). RFC 4515 escapes of UTF-8 text
     * (`D\c3\bcsseldorf`) are read as the characters.
     */
    filter: z
      .string()
      .refine((text) => escapeProblem(text) === null, {
        error: (issue) => escapeProblem(String(issue.input)) ?? '',
        abort: true,
      })
      .refine(isFilter, 'must be an LDAP filter in parentheses, such as "(objectClass=person)"')
      .optional(),
    /** The attributes holding phone numbers, in any format. */
    phoneAttributes: z
      .array(attributeName)
      .min(1, 'must name at least one attribute')
      .default([...DEFAULT_PHONE_ATTRIBUTES]),
    attributes: attributeMappingSchema.prefault({}),
    /** Entries per page of a full load (AD's MaxPageSize is 1000 unless changed). */
    pageSize: z.int().min(1).max(10_000).default(500),
    /** For connecting and for each server operation (a bind, a search, a page). */
    timeoutMs: z.int().min(100).max(120_000).default(5000),
    /** `sync`: load everything and match locally; `live`: ask the server on every call. */
    mode: z.enum(['sync', 'live']).default('sync'),
    /**
     * How often sync mode asks for changes (only what changed since the last sync; the whole
     * directory once a day).
     */
    syncIntervalMinutes: z.int().min(1).max(10_080).default(15),
    /** The popup's action URLs for this directory's contacts, instead of the global ones. */
    actions: z
      .object({ openContact: actionUrl, newTicket: actionUrl, newContact: actionUrl })
      .partial()
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const secure = settings.url.toLowerCase().startsWith('ldaps:');
    if (settings.startTls && secure)
      ctx.addIssue({
        code: 'custom',
        path: ['startTls'],
        message: 'cannot be combined with an ldaps:// URL, which is encrypted already',
      });
    if (settings.caFile !== undefined && !secure && !settings.startTls)
      ctx.addIssue({
        code: 'custom',
        path: ['caFile'],
        message: 'is used only with an ldaps:// URL or "startTls": true',
      });
    if (settings.bindDn !== undefined && settings.bindPassword === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['bindPassword'],
        message: 'is required with bindDn (an empty password would bind anonymously)',
      });
    if (settings.bindPassword !== undefined && settings.bindDn === undefined)
      ctx.addIssue({ code: 'custom', path: ['bindDn'], message: 'is required with bindPassword' });
  });

/** LDAP directory settings as written in the file. */
export type LdapDirectoryInput = z.input<typeof ldapDirectorySchema>;
/** LDAP directory settings with defaults filled in. */
export type LdapDirectorySettings = z.output<typeof ldapDirectorySchema>;
/** Which attribute holds each contact field. */
export type LdapAttributeMapping = LdapDirectorySettings['attributes'];

/** The name the directory is shown with: the settings' name, else the URL's host. */
export function ldapDirectoryName(settings: Pick<LdapDirectorySettings, 'name' | 'url'>): string {
  return settings.name ?? new URL(settings.url).hostname;
}
