/**
 * What a window's preload exposes on `window.ringdesk`: one function per verb that window may
 * use (nothing else of IPC), and `onEvent` for Companion events. Electron objects are passed
 * in, so this is tested without Electron.
 */
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../contract/windows.js';

export function exposeVerbs(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  verbs: readonly string[],
): void {
  const api: Record<string, unknown> = {};
  for (const verb of verbs)
    api[verb] = (args: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, verb, args ?? {});
  api.onEvent = (listener: (event: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => {
      listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  };
  contextBridge.exposeInMainWorld('ringdesk', Object.freeze(api));
}
