/**
 * The Active-Directory-like profile of the test slapd: a schema written from Microsoft's AD
 * schema reference (attribute names and OIDs as AD has them) with AD's matching rules, so that
 * tests see what a live search sees on a domain controller:
 *
 * - phone attributes (`telephoneNumber`, `mobile`, `homePhone`, `pager`,
 *   `facsimileTelephoneNumber`, `otherTelephone`, `otherMobile`, `otherHomePhone`, `ipPhone`,
 *   `otherIpPhone`, `otherFacsimileTelephoneNumber`) are AD's Unicode strings: plain
 *   case-insensitive matching where spaces and hyphens count, and no index on any of them
 *   (searchFlags 0 in AD's schema), so an ending search (`*1234`) walks every entry in scope;
 * - object classes `user`, `contact` and `computer` (a subclass of `user`, as in AD), with
 *   `objectCategory` holding the category's DN; the short form `(objectCategory=person)` that AD
 *   accepts is translated by slapd's rwm overlay, as AD translates it through the class's
 *   defaultObjectCategory (user and contact share `CN=Person`, computer has `CN=Computer`);
 * - `userAccountControl` (bit 2 = disabled) with OpenLDAP's built-in bitwise matching rule
 *   1.2.840.113556.1.4.803, the one AD documents for `(!(userAccountControl:...:=2))`;
 * - `objectGUID` (16 bytes), `uSNChanged` and a root DSE with `highestCommittedUSN`,
 *   `dsServiceName`, `defaultNamingContext` and AD's capability OID, for change tracking as
 *   Microsoft's "Polling for Changes Using USNChanged" describes; deleted objects become
 *   tombstones in `CN=Deleted Objects` (`isDeleted: TRUE`), readable only by the administrator,
 *   as AD's Deleted Objects container is by default (see ldap-ad-changes.ts).
 *
 * What slapd cannot be made to do (AD's own error texts, the Global Catalog port) is answered
 * by fakes in unit tests, with the documented texts.
 */
import path from 'node:path';
import { LDAP_ADMIN_DN, LDAP_SUFFIX } from './ldap-server-constants.js';

/** AD's capability OID (LDAP_CAP_ACTIVE_DIRECTORY_OID) in `supportedCapabilities`. */
export const AD_CAPABILITY = '1.2.840.113556.1.4.800';
/** Where AD keeps tombstones. */
export const DELETED_OBJECTS_DN = `CN=Deleted Objects,${LDAP_SUFFIX}`;
/** The categories of users and contacts, and of computers. */
export const PERSON_CATEGORY = `CN=Person,CN=Schema,CN=Configuration,${LDAP_SUFFIX}`;
export const COMPUTER_CATEGORY = `CN=Computer,CN=Schema,CN=Configuration,${LDAP_SUFFIX}`;
/** The domain controller, as `dsServiceName` names it. */
export const DC_SERVICE_NAME = `CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,${LDAP_SUFFIX}`;
/** Where slapd refers clients whose base DN is outside its domain. */
export const AD_REFERRAL = 'ldap://other.example.org/';

const UNICODE =
  'EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15';
const INTEGER = 'EQUALITY integerMatch ORDERING integerOrderingMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27';
const DN = 'EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12';

/** [OID, name, matching and syntax, single-valued]. */
const ATTRIBUTES: readonly (readonly [string, string, string, boolean])[] = [
  ['0.9.2342.19200300.100.1.25', 'dc', UNICODE, true],
  ['2.5.4.11', 'ou', UNICODE, false],
  ['2.5.4.4', 'sn', UNICODE, true],
  ['2.5.4.42', 'givenName', UNICODE, true],
  ['1.2.840.113556.1.2.13', 'displayName', UNICODE, true],
  ['0.9.2342.19200300.100.1.3', 'mail', UNICODE, true],
  ['1.2.840.113556.1.2.146', 'company', UNICODE, true],
  ['1.2.840.113556.1.2.141', 'department', UNICODE, true],
  ['2.5.4.12', 'title', UNICODE, true],
  ['1.2.840.113556.1.4.221', 'sAMAccountName', UNICODE, true],
  ['1.3.6.1.4.1.4203.666.11.99.20', 'wWWHomePage', UNICODE, true],
  ['2.5.4.20', 'telephoneNumber', UNICODE, true],
  ['2.5.4.23', 'facsimileTelephoneNumber', UNICODE, true],
  ['0.9.2342.19200300.100.1.41', 'mobile', UNICODE, true],
  ['0.9.2342.19200300.100.1.20', 'homePhone', UNICODE, true],
  ['0.9.2342.19200300.100.1.42', 'pager', UNICODE, true],
  ['1.2.840.113556.1.2.18', 'otherTelephone', UNICODE, false],
  ['1.2.840.113556.1.4.647', 'otherMobile', UNICODE, false],
  ['1.2.840.113556.1.2.277', 'otherHomePhone', UNICODE, false],
  ['1.2.840.113556.1.4.721', 'ipPhone', UNICODE, true],
  ['1.2.840.113556.1.4.722', 'otherIpPhone', UNICODE, false],
  ['1.2.840.113556.1.4.646', 'otherFacsimileTelephoneNumber', UNICODE, false],
  ['1.2.840.113556.1.4.8', 'userAccountControl', INTEGER, true],
  ['1.2.840.113556.1.4.782', 'objectCategory', DN, true],
  [
    '1.2.840.113556.1.4.2',
    'objectGUID',
    'EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40',
    true,
  ],
  ['1.2.840.113556.1.2.120', 'uSNChanged', INTEGER, true],
  ['1.2.840.113556.1.2.19', 'uSNCreated', INTEGER, true],
  ['1.2.840.113556.1.2.48', 'isDeleted', 'EQUALITY booleanMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.7', true],
  ['1.2.840.113556.1.4.781', 'lastKnownParent', DN, true],
  // The root DSE's attributes (user attributes here: slapd takes no operational ones from a file).
  ['1.3.6.1.4.1.4203.666.11.99.10', 'highestCommittedUSN', INTEGER, true],
  [
    '1.3.6.1.4.1.4203.666.11.99.11',
    'supportedCapabilities',
    'EQUALITY objectIdentifierMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.38',
    false,
  ],
  ['1.3.6.1.4.1.4203.666.11.99.12', 'dsServiceName', DN, true],
  ['1.3.6.1.4.1.4203.666.11.99.13', 'defaultNamingContext', DN, true],
];

const PHONES = [
  'telephoneNumber',
  'facsimileTelephoneNumber',
  'mobile',
  'homePhone',
  'pager',
  'otherTelephone',
  'otherMobile',
  'otherHomePhone',
  'ipPhone',
  'otherIpPhone',
  'otherFacsimileTelephoneNumber',
];
const PERSON_MAY = [
  ...PHONES,
  'sn',
  'givenName',
  'displayName',
  'mail',
  'company',
  'department',
  'title',
  'wWWHomePage',
  'userPassword',
  'objectCategory',
  'objectGUID',
  'uSNChanged',
  'uSNCreated',
  'isDeleted',
  'lastKnownParent',
];

/** The schema file's text. */
export function adSchema(): string {
  const attributes = ATTRIBUTES.map(
    ([oid, name, rules, single]) =>
      `attributetype ( ${oid} NAME '${name}' ${rules}${single ? ' SINGLE-VALUE' : ''} )`,
  );
  const may = (names: readonly string[]) => names.join(' $ ');
  return [
    ...attributes,
    `objectclass ( 1.2.840.113556.1.5.67 NAME 'domainDNS' SUP top STRUCTURAL MUST dc MAY ( objectGUID $ uSNChanged ) )`,
    `objectclass ( 2.5.6.5 NAME 'organizationalUnit' SUP top STRUCTURAL MUST ou MAY ( objectGUID $ uSNChanged ) )`,
    `objectclass ( 1.2.840.113556.1.3.23 NAME 'container' SUP top STRUCTURAL MUST cn MAY ( userPassword $ objectGUID $ uSNChanged $ isDeleted ) )`,
    `objectclass ( 2.5.6.6 NAME 'person' SUP top STRUCTURAL MUST cn MAY ( ${may(PERSON_MAY)} ) )`,
    `objectclass ( 2.5.6.7 NAME 'organizationalPerson' SUP person STRUCTURAL )`,
    `objectclass ( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL MAY ( userAccountControl $ sAMAccountName ) )`,
    `objectclass ( 1.2.840.113556.1.5.8 NAME 'computer' SUP user STRUCTURAL )`,
    `objectclass ( 1.2.840.113556.1.5.15 NAME 'contact' SUP organizationalPerson STRUCTURAL )`,
    '',
  ].join('\n');
}

/** The root DSE as the profile serves it, with the current highest committed USN. */
export function adRootDse(highestCommittedUsn: number): string {
  return [
    'dn:',
    `highestCommittedUSN: ${highestCommittedUsn}`,
    `supportedCapabilities: ${AD_CAPABILITY}`,
    `dsServiceName: ${DC_SERVICE_NAME}`,
    `defaultNamingContext: ${LDAP_SUFFIX}`,
    '',
  ].join('\n');
}

/** The slapd.conf lines before `database` (schema, rwm, root DSE, referral). */
export function adGlobalConf(dir: string): string[] {
  return [
    `include ${path.join(dir, 'ad.schema')}`,
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    'moduleload rwm',
    `rootDSE ${path.join(dir, 'rootdse.ldif')}`,
    `referral ${AD_REFERRAL}`,
  ];
}

/** The slapd.conf lines of the database: AD's indexes only, the category rewrite, AD's ACLs. */
export function adDatabaseConf(): string[] {
  const rewrite = (name: string, dn: string) =>
    `rwm-rewriteRule "^(.*)[(]objectCategory=${name}[)](.*)$" "%1(objectCategory=${dn})%2" ":"`;
  return [
    // AD indexes these (searchFlags 1); no phone attribute is indexed.
    'index objectClass,objectCategory,uSNChanged,objectGUID,isDeleted eq',
    'overlay rwm',
    'rwm-rewriteEngine on',
    'rwm-rewriteContext searchFilter',
    rewrite('person', PERSON_CATEGORY),
    rewrite('computer', COMPUTER_CATEGORY),
    'access to attrs=userPassword by anonymous auth by * none',
    // Only administrators see the Deleted Objects container (AD's default).
    `access to dn.subtree="${DELETED_OBJECTS_DN}" by dn.exact="${LDAP_ADMIN_DN}" read by * none`,
    'access to * by users read by anonymous auth',
  ];
}
