/**
 * A loopback TCP (or TLS) server that plays Asterisk for integration tests: each connection
 * is a {@link FakeAsteriskSession} of the given {@link FakeAsterisk}, so the recorded
 * transcripts in testdata/ami/ reach the provider through a real socket, split as the kernel
 * splits them.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { FakeAsterisk } from './ami-fake-asterisk.js';

/** TLS material, when the server should speak TLS. */
export interface AmiReplayServerOptions {
  /** Serve TLS with this key and certificate (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** The port to listen on (default: a free one). */
  readonly port?: number;
}

/** A listening server; `close()` it after the test. */
export class AmiReplayServer {
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    /** The port on 127.0.0.1. */
    readonly port: number,
  ) {}

  /** Starts serving `asterisk` on 127.0.0.1 at a free port. */
  static async start(asterisk: FakeAsterisk, options: AmiReplayServerOptions = {}): Promise<AmiReplayServer> {
    let replay: AmiReplayServer | null = null;
    const onSocket = (socket: net.Socket) => {
      replay?.sockets.add(socket);
      socket.setEncoding('utf8');
      const session = asterisk.attach({
        write: (text) => {
          if (!socket.destroyed) socket.write(text);
        },
        close: () => {
          socket.destroy();
        },
      });
      socket.on('data', (text: string) => {
        session.receive(text);
      });
      socket.on('error', () => undefined); // the client may vanish; that is what some tests do
      socket.on('close', () => {
        session.closed = true;
        replay?.sockets.delete(socket);
      });
    };
    const server =
      options.tls === undefined
        ? net.createServer(onSocket)
        : tls.createServer({ key: options.tls.key, cert: options.tls.cert }, onSocket);
    server.on('tlsClientError', () => undefined); // a client refusing our certificate is a test case
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        resolve();
      });
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the replay server has no port');
    replay = new AmiReplayServer(server, address.port);
    return replay;
  }

  /** Stops listening and cuts every connection. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
