/**
 * The contract over WebSocket, for the renderer in a browser: the same commands and events as
 * the Electron preload.
 *
 * Client → host: `{"type":"command","id":1,"channel":"dial","args":{"number":"12"}}`.
 * Host → client: `{"type":"result","id":1,"ok":true,"result":{...}}` or
 * `{"type":"result","id":1,"ok":false,"error":"...","code"?:"...","params"?:{...}}` (see
 * contract/error-info.ts), and `{"type":"event","channel":"popup",
 * "payload":{...}}` for every Companion event.
 */
import type { WebSocket } from 'ws';
import { runCommand } from '../companion/companion-api.js';
import type { RuntimeEvent, RuntimeView } from '../companion/companion-runtime.js';
import type { CompanionApi } from '../contract/channels.js';
import { errorBody, errorInfoOf } from '../contract/error-info.js';
import { parseCommand } from '../contract/parse-command.js';

/** Largest message accepted from a client. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export class SocketBridge {
  private readonly clients = new Set<WebSocket>();
  private readonly unsubscribe: () => void;

  constructor(
    runtime: RuntimeView,
    private readonly api: CompanionApi,
  ) {
    this.unsubscribe = runtime.onEvent((event) => {
      this.broadcast(event);
    });
  }

  /** Serves one connected client until it leaves. */
  attach(socket: WebSocket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('message', (data: Buffer, isBinary) => {
      void this.onMessage(socket, isBinary ? null : data.toString('utf8'));
    });
  }

  /** Closes every client and stops listening to the Companion. */
  close(): void {
    this.unsubscribe();
    for (const socket of this.clients) socket.close(1001, 'host stopping');
    this.clients.clear();
  }

  private async onMessage(socket: WebSocket, text: string | null): Promise<void> {
    let id: unknown = null;
    try {
      if (text === null) throw new Error('binary messages are not part of the contract');
      const message = JSON.parse(text) as { type?: unknown; id?: unknown; channel?: unknown; args?: unknown };
      id = typeof message.id === 'number' || typeof message.id === 'string' ? message.id : null;
      if (message.type !== 'command') throw new Error('expected a command');
      const result = await runCommand(this.api, parseCommand(message.channel, message.args));
      send(socket, { type: 'result', id, ok: true, result });
    } catch (error) {
      send(socket, { type: 'result', id, ok: false, ...errorBody(errorInfoOf(error)) });
    }
  }

  private broadcast(event: RuntimeEvent): void {
    for (const socket of this.clients)
      send(socket, { type: 'event', channel: event.channel, payload: event.payload });
  }
}

function send(socket: WebSocket, message: object): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}
