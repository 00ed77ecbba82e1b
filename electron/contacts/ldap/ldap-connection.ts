/**
 * One bound connection to an LDAP server, made when first needed and made again after it is
 * lost: connect (ldaps:// or ldap:// with StartTLS, trusting the configured CA), bind, and hand
 * the bound client to whoever needs it. Concurrent users share one connection attempt.
 *
 * Every step has a deadline, so a server that accepts the connection and then says nothing
 * cannot hang a lookup. A connection that failed other than with an LDAP result (lost, timed
 * out) is dropped, and the next use connects again; a client that is no longer bound is never
 * used, because a transparently reconnected client would search anonymously.
 */
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { ClientOptions } from 'ldapts';
import type { LdapClient } from './ldap-client.js';
import { isConnectionLost, LdapDirectoryError, ldapError, type LdapStage } from './ldap-errors.js';
import { LdaptsClient } from './ldapts-client.js';

export type { AbandonableSearch, LdapClient } from './ldap-client.js';
import { withDeadline } from './ldap-deadline.js';
import type { Clock } from '../../shared/clock.js';

/** Makes a client for a URL; tests pass a fake. */
export type CreateLdapClient = (options: ClientOptions) => LdapClient;

/** The real client: ldapts, with abandonable searches. */
export const createLdaptsClient: CreateLdapClient = (options) => new LdaptsClient(options);

/** Where and how to connect, everything resolved (secrets read, CA file loaded). */
export interface ConnectionPlan {
  /** The directory's name, for errors. */
  readonly directory: string;
  readonly url: string;
  readonly startTls: boolean;
  /** The CA certificates to trust (PEM); null trusts Node's bundled list. */
  readonly ca: Buffer | readonly string[] | null;
  /** '' binds anonymously. */
  readonly bindDn: string;
  readonly password: string;
  readonly timeoutMs: number;
}

/**
 * The directory's one connection: made on first use, shared by concurrent lookups (LDAP answers
 * several requests on one connection), made again after it is lost, closed on `close()`.
 */
export class LdapConnection {
  private client: LdapClient | null = null;
  private connecting: Promise<LdapClient> | null = null;
  private closed = false;

  constructor(
    private readonly plan: ConnectionPlan,
    private readonly createClient: CreateLdapClient,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` with a bound client, connecting first when there is none. Rejects with an
   * {@link LdapDirectoryError} when connecting fails; `work`'s own errors pass through, and
   * any that is not an LDAP result drops the connection.
   *
   * With `retryStale`, work that fails because a connection kept from before turns out to be
   * gone (a firewall dropped it while idle, the server restarted) runs once more on a new
   * connection: only for work that may safely run twice, such as one search.
   */
  async use<T>(work: (client: LdapClient) => Promise<T>, options: { retryStale?: boolean } = {}): Promise<T> {
    const { client, reused } = await this.bound();
    try {
      return await work(client);
    } catch (error) {
      if (!isLdapResult(error)) this.drop(client);
      if (options.retryStale === true && reused && isConnectionLost(error)) return this.use(work);
      throw error;
    }
  }

  /** Connects and binds now, when not bound already (to check the settings at start). */
  async check(): Promise<void> {
    await this.bound();
  }

  /** Unbinds and refuses further use. Never rejects, never waits longer than the timeout. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    if (client === null) return;
    await withDeadline(client.unbind(), {
      ms: this.plan.timeoutMs,
      clock: this.clock,
      onExpiry: () => new Error('unbind timed out'),
    }).catch(() => undefined);
  }

  /** The bound client, and whether it was made before this call (so it may be stale). */
  private async bound(): Promise<{ client: LdapClient; reused: boolean }> {
    if (this.closed) throw new LdapDirectoryError(this.plan.directory, 'closed');
    if (this.client?.isBound === true) return { client: this.client, reused: true };
    if (this.client !== null) this.drop(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return { client: await this.connecting, reused: false };
  }

  private async connect(): Promise<LdapClient> {
    const { plan } = this;
    const host = new URL(plan.url).hostname.replace(/^\[(.*)\]$/, '$1');
    const tls: ConnectionOptions = {
      minVersion: 'TLSv1.2',
      ...(plan.ca === null ? {} : { ca: Buffer.isBuffer(plan.ca) ? plan.ca : [...plan.ca] }),
    };
    const secure = plan.url.toLowerCase().startsWith('ldaps:');
    // ldapts treats any TLS option as "connect with TLS at once": StartTLS gets them later.
    // No ldapts `timeout`: it would close the connection under a late search, which the
    // directory abandons instead; every operation has a deadline of its own here.
    const client = this.createClient({
      url: plan.url,
      connectTimeout: plan.timeoutMs,
      ...(secure ? { tlsOptions: tls } : {}),
    });
    try {
      if (plan.startTls) {
        // The upgraded socket has no host of its own: name it, so the certificate is checked
        // against the server's name (and SNI is sent for a DNS name).
        const identity = isIP(host) === 0 ? { host, servername: host } : { host };
        await this.step('StartTLS', client, client.startTLS({ ...tls, ...identity }));
      }
      await this.step('bind', client, client.bind(plan.bindDn, plan.password));
    } catch (error) {
      this.drop(client);
      throw error;
    }
    if (this.closed) {
      this.drop(client);
      throw new LdapDirectoryError(plan.directory, 'closed');
    }
    this.client = client;
    return client;
  }

  private async step(stage: LdapStage, client: LdapClient, work: Promise<void>): Promise<void> {
    const { directory, timeoutMs, url } = this.plan;
    try {
      await withDeadline(work, {
        ms: timeoutMs,
        clock: this.clock,
        onExpiry: () =>
          new LdapDirectoryError(
            directory,
            client.isConnected
              ? `no answer within ${timeoutMs} ms (${stage})`
              : `unreachable (no connection within ${timeoutMs} ms)`,
          ),
      });
    } catch (error) {
      const handshake =
        stage === 'StartTLS' || (url.toLowerCase().startsWith('ldaps:') && !client.isConnected);
      throw ldapError(directory, error, { stage, timeoutMs, handshake });
    }
  }

  /** Forgets `client` and closes it in the background. */
  private drop(client: LdapClient): void {
    if (this.client === client) this.client = null;
    client.unbind().catch(() => undefined);
  }
}

/** True for an error carrying an LDAP result code: the server answered, the link is fine. */
function isLdapResult(error: unknown): boolean {
  const reported = error instanceof LdapDirectoryError ? error.cause : error;
  return typeof (reported as { code?: unknown } | null)?.code === 'number';
}
