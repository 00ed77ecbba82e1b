/** Picks the bridge for where the renderer runs: Electron's preload, or the host's WebSocket. */
import type { PreloadApi, RendererBridge } from './bridge.js';
import { PreloadBridge } from './preload-bridge.js';
import { SocketBridge } from './socket-bridge.js';

declare global {
  interface Window {
    /** Present in Electron windows: the verbs their preload exposes. */
    readonly ringdesk?: PreloadApi;
  }
}

export function createBridge(): RendererBridge {
  if (window.ringdesk !== undefined) return new PreloadBridge(window.ringdesk);
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return new SocketBridge(`${scheme}//${window.location.host}/ws`);
}
