/** The contract through an Electron window's preload (`window.ringdesk`). */
import type {
  CommandArgs,
  CommandName,
  CommandResult,
  CompanionEvent,
} from '../../../electron/contract/channels.js';
import { decodeIpcError } from '../../../electron/contract/error-info.js';
import type { ConnectionState, PreloadApi, RendererBridge } from './bridge.js';
import { RemoteError } from './remote-error.js';

export class PreloadBridge implements RendererBridge {
  constructor(private readonly api: PreloadApi) {}

  async invoke<C extends CommandName>(channel: C, args: CommandArgs<C>): Promise<CommandResult<C>> {
    const verb = this.api[channel];
    if (verb === undefined) throw new Error(`${channel} is not available in this window`);
    try {
      return (await verb(args)) as CommandResult<C>;
    } catch (error) {
      // Electron keeps only the message; the IPC router put the code and params at its end.
      throw new RemoteError(decodeIpcError(error instanceof Error ? error.message : String(error)));
    }
  }

  /** The main process opens the URL itself (after checking it) when asked for an action. */
  async openAction(callId: string, action: CommandArgs<'openAction'>['action']): Promise<void> {
    await this.invoke('openAction', { callId, action });
  }

  onEvent(listener: (event: CompanionEvent) => void): () => void {
    return this.api.onEvent(listener);
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    listener('open');
    return () => undefined;
  }
}
