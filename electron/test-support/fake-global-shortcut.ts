/**
 * Fakes of Electron's `globalShortcut` and `clipboard` (Electron cannot run here), answering as
 * Electron 45's documentation and typings say (docs/api/global-shortcut.md, docs/api/clipboard.md):
 *
 * - `register` returns false, without throwing, when another program holds the combination
 *   ("this call will silently fail"); a string that is no accelerator at all makes it throw (the
 *   argument cannot be converted); `unregisterAll` drops every registration of this app.
 * - `clipboard.readText()` resolves with the clipboard's text; `clipboard.selection` is the PRIMARY
 *   selection on Linux and `undefined` on every other platform.
 */
import { acceleratorProblem } from '../contract/accelerator.js';

export class FakeGlobalShortcut {
  /** This app's registrations: accelerator → callback. */
  readonly registered = new Map<string, () => void>();
  /** What was asked, in order (`register X`, `unregister X`, `unregisterAll`). */
  readonly calls: string[] = [];

  /** `taken`: combinations another program holds. */
  constructor(readonly taken: Set<string> = new Set()) {}

  register(accelerator: string, callback: () => void): boolean {
    this.calls.push(`register ${accelerator}`);
    const problem = acceleratorProblem(accelerator);
    if (problem !== null && ['empty-part', 'unknown-part', 'no-key'].includes(problem.code))
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }

  unregister(accelerator: string): void {
    this.calls.push(`unregister ${accelerator}`);
    this.registered.delete(accelerator);
  }

  unregisterAll(): void {
    this.calls.push('unregisterAll');
    this.registered.clear();
  }

  /** The agent presses `accelerator`: its callback runs as Electron runs it. */
  press(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (callback === undefined) throw new Error(`${accelerator} is not registered`);
    callback();
  }
}

export class FakeClipboard {
  text = '';
  selectionText = '';
  readonly selection: { readText(): Promise<string> } | undefined;

  constructor(platform: NodeJS.Platform) {
    this.selection =
      platform === 'linux' ? { readText: () => Promise.resolve(this.selectionText) } : undefined;
  }

  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }
}
