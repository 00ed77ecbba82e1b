/** Names every test LDAP server uses, in both profiles. */

/** The naming context every test server serves. */
export const LDAP_SUFFIX = 'dc=example,dc=com';
/** The administrator (rootdn): bypasses access rules, for tests that inspect the data. */
export const LDAP_ADMIN_DN = `cn=admin,${LDAP_SUFFIX}`;
export const LDAP_ADMIN_PASSWORD = 'admin-secret';
/** A service account that may read everything, as a Ringdesk installation would bind. */
export const LDAP_READER_DN = `cn=reader,ou=services,${LDAP_SUFFIX}`;
export const LDAP_READER_PASSWORD = 'reader-secret';
