/**
 * What a connection needs, read from the settings and the environment once, at open: the bind
 * password (an `{"env": ...}` secret is read now, so a missing variable fails the open with its
 * name), the CA certificates (a relative `caFile` is read from the settings file's folder), and
 * a warning when a password would cross the network unencrypted.
 */
import { resolveUserPath, startsAtHome } from '../../shared/user-path.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tls from 'node:tls';
import { resolveSecret } from '../../shared/secret.js';
import type { ConnectionPlan } from './ldap-connection.js';
import { LdapDirectoryError } from './ldap-errors.js';
import type { LdapDirectorySettings } from './ldap-settings.js';

/** The environment a plan is read from. */
export interface PlanSources {
  /** Where `{"env": ...}` secrets are read (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Reads the CA file (default `fs.readFile`). */
  readonly readFile?: (path: string) => Promise<Buffer>;
  /** The settings file's folder, for a relative `caFile`. */
  readonly baseDir?: string | undefined;
  /** Told when the password would be sent unencrypted. */
  readonly onWarning?: (message: string) => void;
  /** The operating system's CAs (default {@link systemCertificates}). */
  readonly systemCa?: () => readonly string[] | null;
}

/**
 * The CAs to trust when no `caFile` is set: Node's bundled list plus the operating system's
 * store (Windows' certificate store, the macOS keychain, the distribution's bundle), so that a
 * server certificate from a corporate CA the PC already trusts works without a file. Node offers
 * the system's store from 22.15 on (`tls.getCACertificates('system')`, as in the desktop app's
 * Electron); on older Node, null: Node's bundled list alone (`NODE_EXTRA_CA_CERTS` adds to it).
 */
export function systemCertificates(): readonly string[] | null {
  const get = (tls as { getCACertificates?: (type: 'default' | 'system') => string[] }).getCACertificates;
  if (typeof get !== 'function') return null;
  return [...get('default'), ...get('system')];
}

/** The plan for directory `name`. Rejects with an {@link LdapDirectoryError} naming the problem. */
export async function connectionPlan(
  name: string,
  settings: LdapDirectorySettings,
  sources: PlanSources,
): Promise<ConnectionPlan> {
  const problem = (text: string) => new LdapDirectoryError(name, text);
  let password = '';
  if (settings.bindPassword !== undefined) {
    try {
      password = resolveSecret(settings.bindPassword, sources.env ?? process.env);
    } catch (error) {
      throw problem(`bind password: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let ca: Buffer | readonly string[] | null = (sources.systemCa ?? systemCertificates)();
  if (settings.caFile !== undefined) {
    let pem: Buffer;
    const { baseDir } = sources;
    if (!path.isAbsolute(settings.caFile) && !startsAtHome(settings.caFile) && baseDir === undefined)
      throw problem(`CA file must be an absolute path here: ${settings.caFile}`);
    const file = resolveUserPath(baseDir ?? '', settings.caFile);
    try {
      pem = await (sources.readFile ?? readFile)(file);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw problem(`CA file not readable: ${file} (${typeof code === 'string' ? code : String(error)})`);
    }
    if (!pem.toString('latin1').includes('-----BEGIN CERTIFICATE-----'))
      throw problem(`CA file holds no PEM certificate: ${file}`);
    ca = pem;
  }
  const url = new URL(settings.url);
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol === 'ldap:' && !settings.startTls && password !== '' && !loopback)
    sources.onWarning?.(
      problem('the bind password is sent unencrypted; use an ldaps:// URL or "startTls": true').message,
    );
  return {
    directory: name,
    url: settings.url,
    startTls: settings.startTls,
    ca,
    bindDn: settings.bindDn ?? '',
    password,
    timeoutMs: settings.timeoutMs,
  };
}
