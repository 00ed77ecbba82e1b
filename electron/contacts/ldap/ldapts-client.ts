/**
 * ldapts's client as the directory's {@link LdapClient}, plus what ldapts lacks: abandoning a
 * search (RFC 4511 §4.11). A live lookup that runs out of time must not leave the server
 * walking its entries, so the directory asks the server to stop it; ldapts has no call for
 * that, nor a way to learn a request's message ID.
 *
 * So this client makes its connections itself (ldapts's public `createConnection` and
 * `createSecureConnection` hooks), notes the message ID of each search it sends as the request
 * goes onto the socket (the ID is the first field of every LDAP message), and writes an
 * Abandon request (ldapts's own encoder) onto the same socket when asked. A search is
 * recognised by its filter object, which ldapts serialises just before writing the request.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import {
  AbandonRequest,
  BerReader,
  Client,
  FilterParser,
  type ClientOptions,
  type Control,
  type Filter,
  type SearchOptions,
  type SearchResult,
} from 'ldapts';
import type { AbandonableSearch, LdapClient } from './ldap-client.js';

/** The tag of a SearchRequest (RFC 4511: [APPLICATION 3], constructed). */
const SEARCH_REQUEST = 0x63;
/**
 * The message IDs abandon requests use, counting down from the top of the range: ldapts counts
 * up from 1, and an abandon request is never answered, so they never meet in practice.
 */
const ABANDON_IDS_FROM = 2 ** 31 - 2;

/** ldapts's Client with abandonable searches. */
export class LdaptsClient implements LdapClient {
  private readonly client: Client;
  private socket: Socket | TLSSocket | null = null;
  private sending: ((messageId: number) => void) | null = null;
  private nextAbandonId = ABANDON_IDS_FROM;

  constructor(options: ClientOptions) {
    this.client = new Client({
      ...options,
      createConnection: ((port: number, host: string) =>
        this.watch(netConnect(port, host))) as typeof netConnect,
      createSecureConnection: ((...args: Parameters<typeof tlsConnect>) =>
        this.watch(tlsConnect(...args))) as typeof tlsConnect,
    });
  }

  /** ldapts's own client (for benchmarks that compare against it on the same connection). */
  get raw(): Client {
    return this.client;
  }

  get isConnected(): boolean {
    return this.client.isConnected;
  }

  get isBound(): boolean {
    return this.client.isBound;
  }

  startTLS: LdapClient['startTLS'] = (options) => this.client.startTLS(options);
  bind: LdapClient['bind'] = (dn, password) => this.client.bind(dn, password);
  unbind: LdapClient['unbind'] = () => this.client.unbind();

  search(baseDn: string, options?: SearchOptions, controls?: Control | Control[]): Promise<SearchResult> {
    return this.client.search(baseDn, options, controls);
  }

  searchPaginated(
    baseDn: string,
    options?: SearchOptions,
    controls?: Control | Control[],
  ): AsyncGenerator<SearchResult> {
    return this.client.searchPaginated(baseDn, options, controls);
  }

  abandonableSearch(baseDn: string, options: SearchOptions & { filter: string }): AbandonableSearch {
    const filter: Filter = FilterParser.parseString(options.filter);
    let messageId: number | null = null;
    let abandoned = false;
    const write = filter.write.bind(filter);
    // ldapts serialises the request (and so the filter) right before writing it to the socket.
    filter.write = (writer) => {
      this.sending = (id) => {
        messageId = id;
        if (abandoned) this.sendAbandon(id);
      };
      write(writer);
    };
    const result = this.client.search(baseDn, { ...options, filter });
    return {
      result,
      abandon: () => {
        if (abandoned) return;
        abandoned = true;
        if (messageId !== null) this.sendAbandon(messageId);
      },
    };
  }

  private sendAbandon(abandonId: number): void {
    const socket = this.socket;
    if (socket === null || socket.destroyed) return;
    const request = new AbandonRequest({ messageId: this.nextAbandonId--, abandonId });
    if (this.nextAbandonId < ABANDON_IDS_FROM - 1_000_000) this.nextAbandonId = ABANDON_IDS_FROM;
    socket.write(request.write());
  }

  /** Remembers the socket and notes the ID of each search request written to it. */
  private watch<T extends Socket | TLSSocket>(socket: T): T {
    this.socket = socket;
    const write = socket.write.bind(socket) as unknown as (...args: unknown[]) => boolean;
    const watched = (chunk: unknown, ...rest: unknown[]): boolean => {
      const sending = this.sending;
      if (sending !== null && Buffer.isBuffer(chunk)) {
        const id = searchRequestId(chunk);
        if (id !== null) {
          this.sending = null;
          sending(id);
        }
      }
      return write(chunk, ...rest);
    };
    socket.write = watched;
    return socket;
  }
}

/** The message ID of an LDAP message that is a SearchRequest, else null. */
export function searchRequestId(message: Buffer): number | null {
  try {
    const reader = new BerReader(message);
    if (reader.readSequence() === null) return null;
    const id = reader.readInt();
    return id !== null && reader.peek() === SEARCH_REQUEST ? id : null;
  } catch {
    return null;
  }
}
