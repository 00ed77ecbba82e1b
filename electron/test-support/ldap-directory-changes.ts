/**
 * Changes to a running test slapd, made the way each kind of server records them:
 *
 * - OpenLDAP profile: plain LDAP writes as the administrator; slapd stamps `modifyTimestamp`
 *   itself, and a deleted entry is gone without a trace.
 * - AD profile: what a domain controller does on each write (Microsoft, "Polling for Changes
 *   Using USNChanged", "Retrieving Deleted Objects"): every write gets the next USN in
 *   `uSNChanged`; a deleted object becomes a tombstone in `CN=Deleted Objects` keeping its
 *   objectGUID, with `isDeleted: TRUE`, `lastKnownParent` and a new USN, and loses its other
 *   attributes; `commit()` publishes the highest committed USN in the root DSE (a restart of
 *   slapd, which reads its root DSE from a file: clients see a dropped connection, as they do
 *   when a domain controller restarts).
 */
import { Attribute, Change, Client } from 'ldapts';
import { DELETED_OBJECTS_DN } from './ldap-ad-profile.js';
import { guidOf } from './ldap-people.js';
import { LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD } from './ldap-server-constants.js';
import type { Slapd } from './ldap-server.js';

/** Writes to a test server as its kind of server records them. */
export class DirectoryChanges {
  private usn: number;
  private client: Client | null = null;

  constructor(
    private readonly server: Slapd,
    highestCommittedUsn = 0,
  ) {
    this.usn = highestCommittedUsn;
  }

  /** Replaces the values of each attribute given (an empty list removes the attribute). */
  async modify(dn: string, values: Readonly<Record<string, string | readonly string[]>>): Promise<void> {
    const changes = Object.entries(values).map(
      ([type, value]) =>
        new Change({ operation: 'replace', modification: new Attribute({ type, values: [value].flat() }) }),
    );
    if (this.server.profile === 'ad') changes.push(this.nextUsn());
    await (await this.admin()).modify(dn, changes);
  }

  /** Adds an entry (AD: with an objectGUID named after `uid` and the next USN). */
  async add(
    dn: string,
    uid: string,
    attributes: Readonly<Record<string, string | readonly string[]>>,
  ): Promise<void> {
    const all: Attribute[] = Object.entries(attributes).map(
      ([type, value]) => new Attribute({ type, values: [value].flat() }),
    );
    if (this.server.profile === 'ad') {
      all.push(new Attribute({ type: 'objectGUID', values: [guidOf(uid)] }));
      all.push(new Attribute({ type: 'uSNChanged', values: [String(++this.usn)] }));
    }
    await (await this.admin()).add(dn, all);
  }

  /** Deletes an entry; on AD it becomes a tombstone. */
  async remove(dn: string, uid: string, cn: string): Promise<void> {
    const admin = await this.admin();
    await admin.del(dn);
    if (this.server.profile !== 'ad') return;
    const guid = guidOf(uid);
    await admin.add(`cn=${cn} DEL:${guid.toString('hex')},${DELETED_OBJECTS_DN}`, [
      new Attribute({ type: 'objectClass', values: ['top', 'person', 'organizationalPerson', 'user'] }),
      new Attribute({ type: 'cn', values: [`${cn} DEL:${guid.toString('hex')}`] }),
      new Attribute({ type: 'objectGUID', values: [guid] }),
      new Attribute({ type: 'isDeleted', values: ['TRUE'] }),
      new Attribute({ type: 'lastKnownParent', values: [dn.slice(dn.indexOf(',') + 1)] }),
      new Attribute({ type: 'uSNChanged', values: [String(++this.usn)] }),
    ]);
  }

  /** AD: publishes the highest committed USN (restarts slapd); OpenLDAP: nothing to do. */
  async commit(): Promise<void> {
    await this.close();
    if (this.server.profile === 'ad') await this.server.setHighestCommittedUsn(this.usn);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.unbind();
  }

  private nextUsn(): Change {
    return new Change({
      operation: 'replace',
      modification: new Attribute({ type: 'uSNChanged', values: [String(++this.usn)] }),
    });
  }

  private async admin(): Promise<Client> {
    if (this.client !== null) return this.client;
    const client = new Client({ url: this.server.url, timeout: 10_000 });
    await client.bind(LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD);
    this.client = client;
    return client;
  }
}
