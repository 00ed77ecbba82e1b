/**
 * The renderer's one way to the Companion. In Electron it wraps the window's preload API
 * (`window.ringdesk`); in a browser it speaks the same contract over the host's WebSocket. The
 * rest of the renderer never knows which.
 */
import type {
  CommandArgs,
  CommandName,
  CommandResult,
  CompanionEvent,
} from '../../../electron/contract/channels.js';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface RendererBridge {
  /**
   * Runs a contract command. Rejects with a `RemoteError` (remote-error.ts) carrying the Companion's message
   * and, where it has them, the error's code and params (contract/error-info.ts).
   */
  invoke<C extends CommandName>(channel: C, args: CommandArgs<C>): Promise<CommandResult<C>>;
  /** Opens a popup action's URL in the user's browser (the face decides how). */
  openAction(callId: string, action: CommandArgs<'openAction'>['action']): Promise<void>;
  /** Companion events; returns the unsubscribe function. */
  onEvent(listener: (event: CompanionEvent) => void): () => void;
  /** The link's state; a reconnect calls back with `open` again, after which state must be reloaded. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/**
 * What an Electron window's preload exposes on `window.ringdesk`: the verbs that window may use
 * (each window gets only its own), and `onEvent`.
 */
export type PreloadApi = Partial<Record<CommandName, (args: unknown) => Promise<unknown>>> & {
  onEvent(listener: (event: CompanionEvent) => void): () => void;
};
