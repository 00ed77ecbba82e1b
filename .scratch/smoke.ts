import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'ldapts';
import { peopleLdif, highestUsnOf } from '/work/wt/ldap/electron/test-support/ldap-people.js';
import { startSlapd, LDAP_READER_DN, LDAP_READER_PASSWORD, LDAP_SUFFIX } from '/work/wt/ldap/electron/test-support/ldap-server.js';
const dir = mkdtempSync(path.join(tmpdir(), 'smoke-'));
const { ldif } = peopleLdif(100, [{ uid: 'pc1', objectClass: ['top','person','organizationalPerson','user','computer'], cn: 'PC1', objectCategory: 'CN=Computer,CN=Schema,CN=Configuration,dc=example,dc=com', userAccountControl: '4096', telephoneNumber: '+49 211 5000001' }], 'ad');
const s = await startSlapd({ dir, ldif, profile: 'ad', highestCommittedUsn: highestUsnOf(100) });
const c = new Client({ url: s.url });
await c.bind(LDAP_READER_DN, LDAP_READER_PASSWORD);
const r = await c.search('', { scope: 'base', attributes: ['*', '+'] });
console.log(r.searchEntries[0]);
const q = await c.search(LDAP_SUFFIX, { filter: '(&(objectCategory=person)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))', attributes: ['cn', 'objectGUID', 'uSNChanged', 'modifyTimestamp', 'entryUUID'], explicitBufferAttributes: ['objectGUID'] });
console.log(q.searchEntries.length, q.searchEntries[1]);
const t = await c.search(LDAP_SUFFIX, { filter: '(telephoneNumber=*0042)', attributes: ['telephoneNumber'] });
console.log(t.searchEntries);
try { await c.search('dc=other,dc=org', { filter: '(cn=*)' }); } catch (e) { console.log('ref', (e as any).code, JSON.stringify((e as Error).message)); }
const an = new Client({ url: s.url });
try { console.log(await an.search(LDAP_SUFFIX, { filter: '(cn=*)' })); } catch (e) { console.log('anon', (e as any).code, (e as Error).message); }
await an.unbind(); await c.unbind(); await s.stop();
