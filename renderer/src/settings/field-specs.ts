/**
 * What the forms show for each line provider and directory type: the fields users set (the
 * rest keep their values and can be edited in the entry's JSON), and the entries "add" creates.
 * The fields of the window's other sections (dialing rules, actions, popup, calls, the app) are
 * section-field-specs.ts.
 * Validation is the Companion's: it checks every save and test with the same schemas as the
 * settings file, and its problems are shown next to these fields.
 */
import type { SettingsKey } from '../i18n/settings-en.js';
import type { JsonObject } from './document-path.js';

interface FieldBase {
  /** Where the value is, relative to the entry (`['credentials', 'token']`). */
  readonly path: readonly string[];
  readonly label: SettingsKey;
  readonly help?: SettingsKey;
  /** Shown only when this setting (relative to the entry) is set: a part switched on, a preset chosen. */
  readonly requires?: readonly string[];
}

/**
 * `text`/`number`: empty means "the default" (the key is removed); `secret`: typed values are
 * sent as `{"secret": ...}` and stored in the secret store on save; `checkbox`: a boolean whose
 * default is not written; `section`: an optional part of the settings switched on as `{}`;
 * `shortcut`: a global shortcut, shown as in force, whose default is not written and whose empty
 * field is "off".
 */
export type FieldSpec =
  | (FieldBase & { readonly kind: 'text'; readonly placeholder?: string })
  | (FieldBase & { readonly kind: 'number'; readonly placeholder?: string })
  | (FieldBase & { readonly kind: 'secret' })
  | (FieldBase & { readonly kind: 'file'; readonly fileKind: 'csv' | 'vcard' })
  | (FieldBase & { readonly kind: 'checkbox'; readonly defaultValue: boolean })
  | (FieldBase & { readonly kind: 'shortcut'; readonly defaultValue: string })
  | (FieldBase & { readonly kind: 'section' })
  | (FieldBase & { readonly kind: 'lines'; readonly placeholder?: string })
  | (FieldBase & {
      readonly kind: 'select';
      readonly options: readonly { readonly value: string; readonly label: SettingsKey }[];
      /** Shown for "not set" (the key is removed); without it a value is always set. */
      readonly unset?: SettingsKey;
      /** "Not set" removes the enclosing part (no dial preset: no dialling settings at all). */
      readonly clearsParent?: boolean;
    });

export const LINE_PROVIDERS = ['simulator', 'action-url', 'ami', 'tapi'] as const;
export type LineProvider = (typeof LINE_PROVIDERS)[number];

export const LINE_FIELDS: Readonly<Record<LineProvider, readonly FieldSpec[]>> = {
  simulator: [{ path: ['line'], label: 'field.line', kind: 'text', placeholder: '1' }],
  'action-url': [
    { path: ['line'], label: 'field.line', help: 'help.actionUrlLine', kind: 'text', placeholder: '12' },
    {
      path: ['listen'],
      label: 'field.listen',
      help: 'help.listen',
      kind: 'text',
      placeholder: '127.0.0.1:8765',
    },
    { path: ['token'], label: 'field.token', help: 'help.token', kind: 'secret' },
    { path: ['zammad'], label: 'field.zammadEndpoint', kind: 'section' },
    { path: ['kix'], label: 'field.kixEndpoint', kind: 'section' },
    { path: ['phone'], label: 'field.phoneEndpoint', kind: 'section' },
    { path: ['sipgate'], label: 'field.sipgateEndpoint', kind: 'section' },
    {
      path: ['publicUrl'],
      label: 'field.publicUrl',
      help: 'help.publicUrl',
      kind: 'text',
      placeholder: 'https://ringdesk.example.com:8765',
      requires: ['sipgate'],
    },
    { path: ['placetel'], label: 'field.placetelEndpoint', kind: 'section' },
    { path: ['haSip'], label: 'field.haSipEndpoint', kind: 'section' },
    {
      path: ['dial', 'preset'],
      label: 'field.dialPreset',
      kind: 'select',
      unset: 'option.noDialling',
      clearsParent: true,
      options: [
        { value: 'snom', label: 'option.snom' },
        { value: 'yealink', label: 'option.yealink' },
        { value: 'server', label: 'option.dialServer' },
      ],
    },
    {
      path: ['dial', 'phone'],
      label: 'field.phoneAddress',
      kind: 'text',
      placeholder: '192.168.1.20',
      requires: ['dial', 'preset'],
    },
    {
      path: ['dial', 'url'],
      label: 'field.dialUrl',
      help: 'help.dialUrl',
      kind: 'text',
      requires: ['dial', 'preset'],
    },
    { path: ['dial', 'username'], label: 'field.username', kind: 'text', requires: ['dial', 'preset'] },
    { path: ['dial', 'password'], label: 'field.password', kind: 'secret', requires: ['dial', 'preset'] },
  ],
  ami: [
    { path: ['host'], label: 'field.host', kind: 'text', placeholder: 'pbx.example.com' },
    { path: ['port'], label: 'field.port', kind: 'number', placeholder: '5038' },
    { path: ['tls'], label: 'field.tls', help: 'help.amiTls', kind: 'section' },
    { path: ['tls', 'caFile'], label: 'field.caFile', kind: 'text', requires: ['tls'] },
    { path: ['username'], label: 'field.amiUser', kind: 'text' },
    { path: ['secret'], label: 'field.amiSecret', kind: 'secret' },
    {
      path: ['auth'],
      label: 'field.amiAuth',
      kind: 'select',
      unset: 'option.md5',
      options: [{ value: 'plain', label: 'option.plain' }],
    },
    { path: ['line'], label: 'field.line', help: 'help.amiLine', kind: 'text', placeholder: '12' },
    { path: ['context'], label: 'field.context', kind: 'text', placeholder: 'from-internal' },
  ],
  tapi: [
    { path: ['line'], label: 'field.tapiLine', help: 'help.tapiLine', kind: 'text' },
    { path: ['address'], label: 'field.tapiAddress', help: 'help.tapiAddress', kind: 'text' },
    {
      path: ['addressFormat'],
      label: 'field.addressFormat',
      kind: 'select',
      unset: 'option.dialable',
      options: [{ value: 'canonical', label: 'option.canonical' }],
    },
  ],
};

/** A new line of the chosen provider, with what it cannot do without. */
export function newLine(provider: LineProvider): JsonObject {
  switch (provider) {
    case 'simulator':
      return { provider, line: '1' };
    case 'action-url':
      return { provider, line: '1', listen: '127.0.0.1:8765', zammad: {} };
    case 'ami':
      return { provider, host: '', username: '', line: '' };
    case 'tapi':
      return { provider, line: '' };
  }
}

export type DirectoryType = 'csv' | 'vcard' | 'rest' | 'ldap';

const NAME: FieldSpec = { path: ['name'], label: 'field.directoryName', kind: 'text' };
const SECRET_FIELDS = {
  username: { path: ['credentials', 'username'], label: 'field.username', kind: 'text' },
  password: { path: ['credentials', 'password'], label: 'field.password', kind: 'secret' },
  token: { path: ['credentials', 'token'], label: 'field.apiToken', kind: 'secret' },
} as const satisfies Record<string, FieldSpec>;

export const DIRECTORY_FIELDS: Readonly<Record<DirectoryType, readonly FieldSpec[]>> = {
  csv: [{ path: ['path'], label: 'field.file', help: 'help.file', kind: 'file', fileKind: 'csv' }, NAME],
  vcard: [{ path: ['path'], label: 'field.file', help: 'help.file', kind: 'file', fileKind: 'vcard' }, NAME],
  rest: [
    NAME,
    { path: ['baseUrl'], label: 'field.baseUrl', kind: 'text', placeholder: 'https://helpdesk.example.com' },
    { path: ['webUrl'], label: 'field.webUrl', help: 'help.webUrl', kind: 'text' },
    SECRET_FIELDS.username,
    SECRET_FIELDS.password,
    SECRET_FIELDS.token,
    { path: ['tls', 'caFile'], label: 'field.caFile', kind: 'text' },
  ],
  ldap: [
    NAME,
    { path: ['url'], label: 'field.ldapUrl', kind: 'text', placeholder: 'ldaps://dc1.example.com' },
    { path: ['startTls'], label: 'field.startTls', kind: 'checkbox', defaultValue: false },
    { path: ['caFile'], label: 'field.caFile', kind: 'text' },
    { path: ['bindDn'], label: 'field.bindDn', kind: 'text' },
    { path: ['bindPassword'], label: 'field.password', kind: 'secret' },
    { path: ['baseDn'], label: 'field.baseDn', kind: 'text' },
    { path: ['filter'], label: 'field.filter', kind: 'text', placeholder: '(objectClass=person)' },
    {
      path: ['mode'],
      label: 'field.ldapMode',
      help: 'help.ldapMode',
      kind: 'select',
      unset: 'option.sync',
      options: [{ value: 'live', label: 'option.live' }],
    },
  ],
};

/** The entries "add directory" offers, from the presets users need most. */
export const DIRECTORY_PRESETS = [
  { id: 'csv', label: 'preset.csv', entry: { type: 'csv', path: '' } },
  { id: 'vcard', label: 'preset.vcard', entry: { type: 'vcard', path: '' } },
  {
    id: 'active-directory',
    label: 'preset.activeDirectory',
    entry: {
      type: 'ldap',
      name: 'Active Directory',
      url: 'ldaps://',
      baseDn: '',
      filter: '(&(objectCategory=person)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))',
    },
  },
  {
    id: 'openldap',
    label: 'preset.openldap',
    entry: { type: 'ldap', name: 'LDAP', url: 'ldap://', baseDn: '', filter: '(objectClass=inetOrgPerson)' },
  },
  { id: 'zammad', label: 'preset.zammad', entry: { type: 'rest', preset: 'zammad', baseUrl: 'https://' } },
  { id: 'znuny', label: 'preset.znuny', entry: { type: 'rest', preset: 'znuny', baseUrl: 'https://' } },
  { id: 'kix', label: 'preset.kix', entry: { type: 'rest', preset: 'kix', baseUrl: 'https://' } },
  { id: 'consol', label: 'preset.consol', entry: { type: 'rest', preset: 'consol', baseUrl: 'https://' } },
  { id: 'json', label: 'preset.json', entry: { type: 'rest', preset: 'json', baseUrl: 'https://' } },
] as const satisfies readonly { id: string; label: SettingsKey; entry: JsonObject }[];

/** The type of a directory entry, when it is one the forms know. */
export function directoryType(entry: unknown): DirectoryType | null {
  const type = (entry as { type?: unknown } | null)?.type;
  return type === 'csv' || type === 'vcard' || type === 'rest' || type === 'ldap' ? type : null;
}

/** The provider of a line entry, when it is one the forms know. */
export function lineProvider(line: unknown): LineProvider | null {
  const provider = (line as { provider?: unknown } | null)?.provider;
  return (LINE_PROVIDERS as readonly unknown[]).includes(provider) ? (provider as LineProvider) : null;
}
