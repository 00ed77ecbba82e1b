/**
 * A throwaway OpenLDAP server for integration tests and benchmarks: `slapadd` bulk-loads an
 * LDIF into an mdb database in a folder of its own, then `slapd` serves it on a free loopback
 * port (and ldaps:// on another when certificates are given) until stopped.
 *
 * Two profiles:
 * - `openldap` (default): core + cosine + inetOrgPerson, where `telephoneNumber`, `mobile` and
 *   `homePhone` use `telephoneNumberMatch` (spaces and hyphens ignored), plus AD's `ipPhone`,
 *   `otherTelephone`, `company` and `department` (auxiliary class `adPerson`) as plain strings;
 *   every phone attribute indexed, as a tuned OpenLDAP server has them.
 * - `ad`: Active Directory's schema and matching, no phone index (see ldap-ad-profile.ts).
 *
 * Anonymous clients may only bind; `sizelimit unlimited` lets paged searches return everything.
 *
 * Free of Vitest, so that the benchmarks can use it too.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { adDatabaseConf, adGlobalConf, adRootDse, adSchema } from './ldap-ad-profile.js';
import { LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD, LDAP_SUFFIX } from './ldap-server-constants.js';

const run = promisify(execFile);

/** The OpenLDAP server (Debian package slapd). */
export const SLAPD = '/usr/sbin/slapd';
/** Its bulk loader, much faster than adding entries over LDAP (Debian package slapd). */
export const SLAPADD = '/usr/sbin/slapadd';

export {
  LDAP_ADMIN_DN,
  LDAP_ADMIN_PASSWORD,
  LDAP_READER_DN,
  LDAP_READER_PASSWORD,
  LDAP_SUFFIX,
} from './ldap-server-constants.js';

/** Why a server cannot be started here (the missing tool), or null when it can. */
export function slapdMissing(): string | null {
  for (const tool of [SLAPD, SLAPADD])
    if (!existsSync(tool)) return `${tool} not found (install the Debian packages slapd and ldap-utils)`;
  return null;
}

/** Certificate files for ldaps:// and StartTLS. */
export interface SlapdTls {
  readonly certFile: string;
  readonly keyFile: string;
  readonly caFile: string;
}

/** What to serve, and where the server may keep its files. */
export interface SlapdOptions {
  /** An empty folder the server may own. */
  readonly dir: string;
  /** Loaded before the server starts. */
  readonly ldif: string;
  readonly tls?: SlapdTls;
  /** Which server to imitate (default `openldap`). */
  readonly profile?: SlapdProfile;
  /** The `ad` profile's highest committed USN at start (see ldap-ad-changes.ts). */
  readonly highestCommittedUsn?: number;
  /** Log every operation (slapd's `stats` level), readable with `log()`. */
  readonly logOperations?: boolean;
}

/** Which server a test slapd imitates. */
export type SlapdProfile = 'openldap' | 'ad';

/** A running test server. */
export interface Slapd {
  /** `ldap://127.0.0.1:<port>` */
  readonly url: string;
  /** `ldaps://127.0.0.1:<port>`, when started with certificates. */
  readonly ldapsUrl: string | null;
  /** Stops with SIGTERM and waits for the exit. */
  stop(): Promise<void>;
  /** Kills at once (SIGKILL), open connections and all. */
  kill(): Promise<void>;
  /** Starts again on the same ports after `stop` or `kill`. */
  restart(): Promise<void>;
  /**
   * Freezes the server (SIGSTOP) and resolves once every one of its threads has stopped:
   * connections are still accepted by the kernel, nothing is answered.
   */
  pause(): Promise<void>;
  /** Lets a paused server run on (SIGCONT). */
  resume(): void;
  readonly profile: SlapdProfile;
  /** The `ad` profile: serve a new root DSE (a restart, as the file is read at start). */
  setHighestCommittedUsn(usn: number): Promise<void>;
  /** With `logOperations`: what slapd logged so far. */
  log(): string;
}

const AD_SCHEMA = `
attributetype ( 1.2.840.113556.1.4.721 NAME 'ipPhone'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.2.18 NAME 'otherTelephone'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )
attributetype ( 1.2.840.113556.1.2.146 NAME 'company'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.2.141 NAME 'department'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
objectclass ( 1.3.6.1.4.1.4203.666.11.99.1 NAME 'adPerson' AUXILIARY
  MAY ( ipPhone $ otherTelephone $ company $ department ) )
`;

/** Loads `ldif` and starts a server on free ports. */
export async function startSlapd(options: SlapdOptions): Promise<Slapd> {
  const missing = slapdMissing();
  if (missing !== null) throw new Error(`cannot start a test LDAP server: ${missing}`);
  const { dir, tls } = options;
  const profile = options.profile ?? 'openldap';
  const conf = path.join(dir, 'slapd.conf');
  mkdirSync(path.join(dir, 'db'), { recursive: true });
  writeFileSync(path.join(dir, 'ad.schema'), profile === 'ad' ? adSchema() : AD_SCHEMA);
  const rootDse = path.join(dir, 'rootdse.ldif');
  writeFileSync(rootDse, adRootDse(options.highestCommittedUsn ?? 0));
  writeFileSync(path.join(dir, 'data.ldif'), options.ldif);
  writeFileSync(conf, slapdConf(dir, tls, profile));
  await run(SLAPADD, ['-q', '-f', conf, '-l', path.join(dir, 'data.ldif')], { maxBuffer: 1 << 24 });
  const owner = openldapUser();
  if (owner !== null) chownTree(dir, owner.uid, owner.gid);

  let child: ChildProcess | null = null;
  let ports = { ldap: 0, ldaps: 0 };
  const logged: string[] = [];
  const launch = async () => {
    const urls = [`ldap://127.0.0.1:${ports.ldap}/`];
    if (tls !== undefined) urls.push(`ldaps://127.0.0.1:${ports.ldaps}/`);
    const args = ['-d', options.logOperations === true ? 'stats' : '0', '-f', conf, '-h', urls.join(' ')];
    if (owner !== null) args.push('-u', 'openldap', '-g', 'openldap');
    child = await launchSlapd(args, [ports.ldap, ...(tls === undefined ? [] : [ports.ldaps])], logged);
  };
  for (let attempt = 1; ; attempt++) {
    ports = { ldap: await freePort(), ldaps: tls === undefined ? 0 : await freePort() };
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt >= 3) throw error; // a port taken between picking and binding: pick again
    }
  }
  const halt = async (how: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (running !== null) {
      running.kill('SIGCONT'); // a paused server cannot act on SIGTERM
      await exitOf(running, how);
    }
  };
  const signal = (how: NodeJS.Signals) => {
    child?.kill(how);
  };
  return {
    url: `ldap://127.0.0.1:${ports.ldap}`,
    ldapsUrl: tls === undefined ? null : `ldaps://127.0.0.1:${ports.ldaps}`,
    stop: () => halt('SIGTERM'),
    kill: () => halt('SIGKILL'),
    restart: async () => {
      await halt('SIGTERM');
      await launch();
    },
    pause: async () => {
      signal('SIGSTOP');
      const pid = child?.pid;
      if (pid !== undefined) await allThreadsStopped(pid);
    },
    resume: () => signal('SIGCONT'),
    profile,
    setHighestCommittedUsn: async (usn) => {
      writeFileSync(rootDse, adRootDse(usn));
      if (owner !== null) chownSync(rootDse, owner.uid, owner.gid);
      await halt('SIGTERM');
      await launch();
    },
    log: () => logged.join(''),
  };
}

function slapdConf(dir: string, tls: SlapdTls | undefined, profile: SlapdProfile): string {
  const ad = profile === 'ad';
  return [
    ...(ad
      ? adGlobalConf(dir)
      : [
          'include /etc/ldap/schema/core.schema',
          'include /etc/ldap/schema/cosine.schema',
          'include /etc/ldap/schema/inetorgperson.schema',
          `include ${path.join(dir, 'ad.schema')}`,
          'modulepath /usr/lib/ldap',
          'moduleload back_mdb',
        ]),
    `pidfile ${path.join(dir, 'slapd.pid')}`,
    'sizelimit unlimited',
    ...(tls === undefined
      ? []
      : [
          `TLSCACertificateFile ${tls.caFile}`,
          `TLSCertificateFile ${tls.certFile}`,
          `TLSCertificateKeyFile ${tls.keyFile}`,
        ]),
    'database mdb',
    'maxsize 4294967296',
    `suffix "${LDAP_SUFFIX}"`,
    `rootdn "${LDAP_ADMIN_DN}"`,
    `rootpw ${LDAP_ADMIN_PASSWORD}`,
    `directory ${path.join(dir, 'db')}`,
    ...(ad
      ? adDatabaseConf()
      : [
          'index objectClass eq',
          'index telephoneNumber,mobile,homePhone,pager,ipPhone,otherTelephone eq,sub',
          'access to attrs=userPassword by anonymous auth by * none',
          'access to * by users read by anonymous auth',
        ]),
    '',
  ].join('\n');
}

/** Starts slapd and resolves once every port accepts connections; rejects if it exits first. */
async function launchSlapd(args: string[], ports: number[], logged: string[]): Promise<ChildProcess> {
  const child = spawn(SLAPD, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 100_000) stderr += chunk.toString();
    logged.push(chunk.toString());
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) =>
      reject(new Error(`slapd exited (${signal ?? code ?? '?'}) before accepting connections: ${stderr}`)),
    );
  });
  exited.catch(() => undefined);
  const started = Date.now();
  for (const port of ports) {
    while (!(await accepts(port))) {
      if (Date.now() - started > 20_000) {
        child.kill('SIGKILL');
        throw new Error(`slapd did not accept connections on port ${port} within 20 s: ${stderr}`);
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
  }
  return child;
}

/**
 * Waits until every thread of `pid` is stopped: a stop signal reaches each thread on its own,
 * and a thread still running could answer one more request.
 */
async function allThreadsStopped(pid: number): Promise<void> {
  const started = Date.now();
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return; // not Linux: trust the signal
  const stopped = () =>
    readdirSync(tasks).every((task) => {
      try {
        // The state follows the command name in parentheses: `123 (slapd) T ...`.
        const stat = readFileSync(path.join(tasks, task, 'stat'), 'utf8');
        return /^[Tt]$/.test(stat.slice(stat.lastIndexOf(')') + 2).charAt(0));
      } catch {
        return true; // the thread has ended
      }
    });
  while (!stopped()) {
    if (Date.now() - started > 10_000) throw new Error(`slapd (${pid}) did not stop within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exitOf(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** As root, slapd runs as the `openldap` user, which must own its folder. */
function openldapUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('openldap:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid === undefined || gid === undefined ? null : { uid: Number(uid), gid: Number(gid) };
}

function chownTree(target: string, uid: number, gid: number): void {
  chownSync(target, uid, gid);
  if (!statSync(target).isDirectory()) return;
  for (const name of readdirSync(target)) chownTree(path.join(target, name), uid, gid);
}
