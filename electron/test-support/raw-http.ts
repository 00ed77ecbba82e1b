/**
 * Raw HTTP over TCP, for requests `fetch` refuses to send (malformed request targets, odd
 * methods, repeated or broken headers). The request is written as given and the socket
 * half-closed; the answer is whatever the server sent before it closed the connection.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status of the first response line, or null when the server sent none. */
  readonly status: number | null;
  /** Everything the server sent. */
  readonly text: string;
}

/** Sends `request` to 127.0.0.1:`port`; resolves when the server closes (or after `timeoutMs`). */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A server that answers and closes at once may reset a socket we are still writing to.
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status === undefined ? null : Number(status), text });
    });
    socket.end(request);
  });
}

/** A well-formed request: `Connection: close`, and `Content-Length` when there is a body. */
export function httpRequest(
  method: string,
  target: string,
  headers: Readonly<Record<string, string>>,
  body = '',
): string {
  const lines = [`${method} ${target} HTTP/1.1`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== '') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
