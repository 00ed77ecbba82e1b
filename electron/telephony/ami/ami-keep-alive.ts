/**
 * The keep-alive of a logged-in `ami` line: a `Ping` every `intervalMs`, the next one scheduled
 * only once Asterisk answered the last. A connection can die without a word (a NAT or firewall
 * forgets it, the server's host is gone), and only a request that goes unanswered shows it: a
 * Ping the connection gives up on (its timeout, see ami-connection.ts) means the line is lost.
 *
 * Invariants:
 * - At most one Ping timer is pending; after the stop function, none is.
 * - A lost connection's other failures (closed socket, framing) are not reported here: the
 *   connection's own `onLost` says those.
 */
import type { Schedule } from '../../shared/clock.js';
import { AmiTimeoutError, type AmiConnection } from './ami-connection.js';

/** When to ping, whether to go on, and where a dead connection is reported. */
export interface KeepAliveOptions {
  readonly schedule: Schedule;
  /** Time between an answered Ping and the next one. */
  readonly intervalMs: number;
  /** The connection's request timeout, named in the reason. */
  readonly timeoutMs: number;
  /** False once the attempt the pings belong to is over or no longer ready: no further Ping. */
  readonly live: () => boolean;
  /** Called with the reason when a Ping went unanswered. */
  readonly lose: (reason: string) => void;
}

/** Starts pinging `connection` (see the file comment); returns the function that stops it. */
export function keepAlive(connection: Pick<AmiConnection, 'action'>, options: KeepAliveOptions): () => void {
  let cancel: () => void = () => undefined;
  const pingLater = (): void => {
    cancel = options.schedule(() => {
      cancel = () => undefined;
      connection.action({ Action: 'Ping' }).then(
        () => {
          if (options.live()) pingLater();
        },
        (error: unknown) => {
          if (error instanceof AmiTimeoutError)
            options.lose(`Asterisk did not answer a keep-alive Ping within ${options.timeoutMs} ms`);
        },
      );
    }, options.intervalMs);
  };
  pingLater();
  return () => {
    cancel();
    cancel = () => undefined;
  };
}
