/**
 * The Electron face: one composition root that reads like a table of contents. It stays thin;
 * every decision it makes lives in Electron-free modules with unit tests.
 *
 * The Electron binary cannot be downloaded where this project is built, so this file is
 * type-checked against Electron's typings but has never been launched there.
 */
import { app, BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';

const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 420,
    height: 560,
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadFile(rendererIndex);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    createMainWindow();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
}
