/**
 * The network edge of the AMI provider, injected so tests can use loopback servers or fakes:
 * a socket is opened with handlers for what arrives, and offers `write` and `close`.
 */
import net from 'node:net';
import tls from 'node:tls';

/** Where to connect. */
export interface AmiTarget {
  readonly host: string;
  readonly port: number;
  /** false for plain TCP. */
  readonly tls:
    | false
    | {
        /** PEM text of the CA to trust (instead of the system's). */
        readonly ca?: string;
        readonly rejectUnauthorized: boolean;
        readonly serverName?: string;
      };
}

/** What the provider hears from a socket. `close` comes last, once, after any `error`. */
export interface AmiSocketHandlers {
  data(text: string): void;
  error(error: Error): void;
  close(): void;
}

/** An open (or opening) socket. */
export interface AmiSocket {
  /** Queues text for sending (before the connection is up, it waits). */
  write(text: string): void;
  /** Closes at once; `close` follows. */
  close(): void;
  /** Sends what is queued, then closes (the peer may still answer; nobody listens). */
  end(): void;
}

/** Opens a socket to `target`; failures arrive as `error` then `close`, never as a throw. */
export type OpenAmiSocket = (target: AmiTarget, handlers: AmiSocketHandlers) => AmiSocket;

/** The real thing: `net.connect`, or `tls.connect` when `target.tls` is set. Text is UTF-8. */
export const openNetSocket: OpenAmiSocket = (target, handlers) => {
  const { host, port } = target;
  const socket =
    target.tls === false
      ? net.connect({ host, port })
      : tls.connect({
          host,
          port,
          ...(target.tls.ca === undefined ? {} : { ca: target.tls.ca }),
          rejectUnauthorized: target.tls.rejectUnauthorized,
          ...(target.tls.serverName !== undefined
            ? { servername: target.tls.serverName }
            : net.isIP(host) === 0
              ? { servername: host }
              : {}),
        });
  socket.setEncoding('utf8');
  socket.setNoDelay(true);
  socket.on('data', (text: string) => {
    handlers.data(text);
  });
  socket.on('error', (error: Error) => {
    handlers.error(error);
  });
  socket.on('close', () => {
    handlers.close();
  });
  return {
    write: (text) => {
      if (!socket.destroyed) socket.write(text);
    },
    close: () => {
      socket.destroy();
    },
    end: () => {
      socket.end();
    },
  };
};
