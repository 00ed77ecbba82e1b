/**
 * A fake desk phone (or PBX dial URL, or HTTP proxy) on loopback for dial-by-URL tests: it
 * records every request (method, URL as received, headers, body) and answers with the status
 * the test sets, optionally slowly.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export class FakePhoneServer {
  readonly requests: RecordedRequest[] = [];
  status = 200;
  delayMs = 0;
  private server: Server | null = null;

  /** Starts on a free loopback port; returns `host:port`. */
  async start(): Promise<string> {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.requests.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body,
        });
        setTimeout(() => {
          response.writeHead(this.status, { 'Content-Type': 'text/html' });
          response.end('<html>ok</html>');
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server === null) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
