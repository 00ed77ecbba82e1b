/**
 * A test certificate authority and a server certificate for 127.0.0.1, made with openssl in the
 * test's own folder, plus a second, unrelated CA to show that trusting the wrong CA fails. The
 * server certificate names only the IP address, so a client that checked it against another
 * name (`localhost`) would fail too.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SlapdTls } from './ldap-server.js';

const run = promisify(execFile);

/** The openssl command line tool (Debian package openssl). */
export const OPENSSL = '/usr/bin/openssl';

/** The files made: the server's certificate and key, its CA, and an unrelated CA. */
export interface TestCertificates extends SlapdTls {
  readonly otherCaFile: string;
}

/** Why certificates cannot be made here, or null. */
export function opensslMissing(): string | null {
  return existsSync(OPENSSL) ? null : `${OPENSSL} not found (install the Debian package openssl)`;
}

/** Makes the CAs and the server certificate in `dir` (created if missing). */
export async function makeTestCertificates(dir: string): Promise<TestCertificates> {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const ca = [
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ];
  await run(OPENSSL, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '3',
    '-subj',
    '/CN=Ringdesk Test CA',
    ...ca,
  ]);
  await run(OPENSSL, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    file('other-ca.key'),
    '-out',
    file('other-ca.pem'),
    '-days',
    '3',
    '-subj',
    '/CN=Some Other CA',
    ...ca,
  ]);
  await run(OPENSSL, [
    'req',
    ...ec,
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  ]);
  writeFileSync(
    file('server.ext'),
    [
      'subjectAltName=IP:127.0.0.1',
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  await run(OPENSSL, [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.pem'),
    '-days',
    '3',
    '-extfile',
    file('server.ext'),
  ]);
  return {
    caFile: file('ca.pem'),
    certFile: file('server.pem'),
    keyFile: file('server.key'),
    otherCaFile: file('other-ca.pem'),
  };
}
