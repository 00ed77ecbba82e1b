/**
 * The contract over the headless host's WebSocket (see electron/host/socket-bridge.ts). It
 * reconnects by itself with a capped backoff, because a browser tab outlives host restarts.
 */
import type {
  CommandArgs,
  CommandName,
  CommandResult,
  CompanionEvent,
} from '../../../electron/contract/channels.js';
import { readErrorBody } from '../../../electron/contract/error-info.js';
import type { ConnectionState, RendererBridge } from './bridge.js';
import { RemoteError } from './remote-error.js';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class SocketBridge implements RendererBridge {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private retry = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: CompanionEvent) => void>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private state: ConnectionState = 'connecting';

  constructor(private readonly url: string) {
    this.connect();
  }

  invoke<C extends CommandName>(channel: C, args: CommandArgs<C>): Promise<CommandResult<C>> {
    const socket = this.socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error('not connected to Ringdesk'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as CommandResult<C>), reject });
      socket.send(JSON.stringify({ type: 'command', id, channel, args }));
    });
  }

  async openAction(callId: string, action: CommandArgs<'openAction'>['action']): Promise<void> {
    const { url } = await this.invoke('openAction', { callId, action });
    if (!/^https?:\/\//i.test(url)) throw new Error('refused to open a URL that is not http(s)');
    window.open(url, '_blank', 'noopener,noreferrer');
  }

  onEvent(listener: (event: CompanionEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    listener(this.state);
    return () => this.connectionListeners.delete(listener);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retry = 0;
      this.setState('open');
    });
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      this.onMessage(message.data);
    });
    socket.addEventListener('close', () => {
      for (const pending of this.pending.values()) pending.reject(new Error('connection to Ringdesk lost'));
      this.pending.clear();
      this.setState('closed');
      const delay = Math.min(10_000, 250 * 2 ** this.retry++);
      setTimeout(() => {
        this.connect();
      }, delay);
    });
  }

  private onMessage(text: string): void {
    const message = JSON.parse(text) as {
      type: string;
      id?: number;
      ok?: boolean;
      result?: unknown;
      error?: string;
      channel?: string;
      payload?: unknown;
    };
    if (message.type === 'event') {
      const event = { channel: message.channel, payload: message.payload } as CompanionEvent;
      for (const listener of this.eventListeners) listener(event);
    } else if (message.type === 'result' && typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok === true) pending?.resolve(message.result);
      else pending?.reject(new RemoteError(readErrorBody(message) ?? { message: 'command failed' }));
    }
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.connectionListeners) listener(state);
  }
}
