/**
 * The stand-in's `ipcMain`: `handle`/`removeHandler` as Electron has them. The page bridge calls
 * `invoke` with the real sender (the window's `webContents` and the frame the call came from);
 * arguments and results pass through `structuredClone`, as Electron's IPC serialises them.
 */
import { EventEmitter } from 'node:events';

export interface InvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
  readonly frameId: number;
  readonly processId: number;
}

type Handler = (event: InvokeEvent, ...args: unknown[]) => unknown;

class StandinIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /**
   * What `ipcRenderer.invoke` does on the main side: the handler's result, or Electron's
   * rejection text when there is no handler or the handler throws.
   */
  async invoke(event: InvokeEvent, channel: string, args: readonly unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined)
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      );
    try {
      return structuredClone(await handler(event, ...structuredClone(args)));
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }
}

export const ipcMain = new StandinIpcMain();
