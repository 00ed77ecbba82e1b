/**
 * The one IPC router: every command from a window passes here. It checks that the sender is one
 * of our windows showing our own page, then parses the arguments with the contract's schema,
 * and only then runs the command. A command's error is rethrown with its code and params encoded
 * at the end of the message (Electron's IPC keeps nothing else; the renderer's PreloadBridge
 * decodes it). `openAction` is completed here: the main process opens the
 * (checked) URL itself, so a renderer never needs shell access.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { runCommand } from '../companion/companion-api.js';
import type { CompanionApi } from '../contract/channels.js';
import { CodedError, encodeIpcError, errorInfoOf } from '../contract/error-info.js';
import { parseCommand } from '../contract/parse-command.js';
import { INVOKE_CHANNEL, WINDOW_VERBS, type WindowKind } from '../contract/windows.js';
import { isWebUrl } from '../shared/web-url.js';

export interface IpcRouterOptions {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly api: CompanionApi;
  /** Our renderer's page (`file:///.../dist/renderer/index.html`): the only page trusted to send. */
  readonly rendererUrl: string;
  readonly openExternal: (url: string) => Promise<void>;
  /** Which of our windows sent the event (null: none of ours); it decides the allowed verbs. */
  readonly windowKindOf: (event: IpcMainInvokeEvent) => WindowKind | null;
}

/** Registers the router; returns the function that removes it. */
export function registerIpcRouter(options: IpcRouterOptions): () => void {
  options.ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, args: unknown) => {
    // Trusted: one of our windows, showing our own page in the frame that sent (not a page it
    // was navigated to, not a frame inside it).
    const kind = options.windowKindOf(event);
    if (kind === null || !isRendererUrl(event.senderFrame?.url ?? '', options.rendererUrl))
      throw new Error('refused: not a Ringdesk window');
    const allowed: readonly string[] = WINDOW_VERBS[kind];
    if (typeof channel !== 'string' || !allowed.includes(channel)) {
      throw new Error(`refused: ${String(channel).slice(0, 40)} is not available in this window`);
    }
    try {
      return await run(options, channel, args);
    } catch (error) {
      // Electron keeps only the message: the code and params ride at its end (contract/error-info.ts).
      throw new Error(encodeIpcError(errorInfoOf(error)), { cause: error });
    }
  });
  return () => {
    options.ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}

/** Runs one command from a trusted window; `openAction` opens its (checked) URL. */
async function run(options: IpcRouterOptions, channel: string, args: unknown): Promise<unknown> {
  const command = parseCommand(channel, args);
  const result = await runCommand(options.api, command);
  if (command.channel === 'openAction') {
    const { url } = result as { url: string };
    if (!isWebUrl(url))
      throw new CodedError('refused to open a URL that is not http(s)', 'popup.not-web-url');
    await options.openExternal(url);
  }
  return result;
}

/** True when `url` is our renderer's page (any hash), loaded from `rendererIndex`. */
export function isRendererUrl(url: string, rendererIndexUrl: string): boolean {
  try {
    const page = new URL(url);
    const ours = new URL(rendererIndexUrl);
    return page.protocol === ours.protocol && page.host === ours.host && page.pathname === ours.pathname;
  } catch {
    return false;
  }
}
