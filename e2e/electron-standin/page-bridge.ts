/**
 * What runs in each stand-in window before the page: Electron's sandboxed-preload world, as far
 * as Ringdesk's preloads use it. `require('electron')` gives a `contextBridge` that puts the API
 * on `window` (real Electron copies it into the page's world; here there is one world) and an
 * `ipcRenderer` whose `invoke` goes, through a Playwright binding, to the stand-in's `ipcMain`
 * with this frame as the sender. Arguments go through `structuredClone` first, as Electron's IPC
 * does (a function argument fails here as it fails there).
 *
 * Serialised into the page with `Function.prototype.toString`: it must not use anything from
 * outside its own body.
 */
export function installPageBridge(): void {
  type Listener = (event: unknown, ...args: unknown[]) => void;
  const scope = window as unknown as Record<string, unknown>;
  const invokeBinding = scope.__standinInvoke as (channel: string, args: unknown[]) => Promise<unknown>;
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      try {
        return invokeBinding(channel, structuredClone(args));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    on(channel: string, listener: Listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((each) => each !== listener),
      );
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      Object.defineProperty(window, key, { value: api, writable: false, configurable: false });
    },
  };
  Object.defineProperty(window, '__standinDeliver', {
    value: (channel: string, args: unknown[]) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, ...args);
    },
  });
  Object.defineProperty(window, '__standinRequire', {
    configurable: true,
    value: (name: string) => {
      if (name === 'electron') return { contextBridge, ipcRenderer };
      throw new Error(`module not found: ${name} (the stand-in's sandboxed preload has only electron)`);
    },
  });
}

/** The init script for one window: the bridge, then the window's real preload (CommonJS). */
export function initScript(preloadSource: string): string {
  return [
    `(${installPageBridge.toString()})();`,
    '(function (require, module, exports) {',
    preloadSource,
    '})(window.__standinRequire, { exports: {} }, {});',
    'delete window.__standinRequire;',
  ].join('\n');
}
