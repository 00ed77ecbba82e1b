/**
 * The desktop app's global shortcuts (settings `app.shortcuts`), which work whatever program has
 * the focus: one shows and focuses the newest popup, the other dials the selected text.
 *
 * - "Focus the newest popup" shows the popup window focused, so its keys (O, T, N, Esc) act at
 *   once; with no popup open it shows the call log, where the last calls are (what an agent who
 *   pressed "take me to the call" expects, rather than nothing).
 * - "Dial the selected text" reads, on Linux, the PRIMARY selection (the highlighted text) and
 *   else the clipboard; on Windows and macOS, which have no selection buffer, the clipboard (the
 *   agent copies first). The Companion finds the number in it and always asks the agent first,
 *   as a clicked phone link with `links.confirm` does (companion-dialer.ts `dialText`). Text
 *   without a number, or nothing at all, is said in a notification and dials nothing.
 *
 * Shortcuts are registered at start and again after every save, and unregistered on quit. A
 * combination another program holds cannot be registered (Electron's `register` returns false):
 * the agent is told once per combination in a notification that opens the settings, and the log
 * says so each time; nothing else changes. Electron's objects are passed in.
 */
import type { App, GlobalShortcut } from 'electron';
import type { Booted } from '../companion/boot.js';
import { NoNumberInTextError, textExcerpt, type TextSource } from '../companion/companion-dialer.js';
import { normalAccelerator } from '../contract/accelerator.js';
import { errorInfoOf } from '../contract/error-info.js';
import { errorWords } from '../contract/error-words.js';
import type { AppWindows } from './app-windows.js';
import type { NotificationConstructor, NotificationLike } from './missed-call-notification.js';
import { fill, SHELL_TEXT, shellLanguage, type ShellLanguage } from './shell-text.js';

/** The shortcuts of settings `app.shortcuts`. */
export type ShortcutName = 'focusPopup' | 'dialSelection';
/** Each shortcut's accelerator; '' is off. */
export type ShortcutSettings = Readonly<Record<ShortcutName, string>>;

const NAMES: readonly ShortcutName[] = ['focusPopup', 'dialSelection'];

/**
 * What is read of Electron's clipboard: its text, and (Linux only; `undefined` elsewhere) the
 * `selection` clipboard, which is the PRIMARY selection (Electron 45's API).
 */
export interface ClipboardLike {
  readText(): Promise<string>;
  readonly selection?: { readText(): Promise<string> } | undefined;
}

/** Electron's objects and the app's windows and Companion, as the shortcuts use them. */
export interface ShortcutDeps {
  readonly globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll'>;
  readonly clipboard: ClipboardLike;
  readonly platform: NodeJS.Platform;
  /** Whether a popup is open now. */
  readonly hasPopup: () => boolean;
  readonly focusPopup: () => void;
  readonly showCalls: () => void;
  readonly showSettings: () => void;
  /** macOS: brings the app forward first (its windows cannot take the focus from another app). */
  readonly focusApp: () => void;
  readonly dialText: (text: string, source: TextSource) => Promise<unknown>;
  /** A system notification; `onClick` runs when the agent clicks it. */
  readonly notify: (title: string, body: string, onClick?: () => void) => void;
  /** The UI language: the shell's words and errors' words are both in it. */
  readonly language: () => ShellLanguage;
  readonly warn: (message: string) => void;
}

/** The selected text and where it came from: Linux's PRIMARY selection, else the clipboard. */
export async function readSelectedText(
  clipboard: ClipboardLike,
  platform: NodeJS.Platform,
): Promise<{ readonly text: string; readonly source: TextSource }> {
  if (platform === 'linux' && clipboard.selection !== undefined) {
    const selected = await clipboard.selection.readText();
    if (selected.trim() !== '') return { text: selected, source: 'selection' };
  }
  return { text: await clipboard.readText(), source: 'clipboard' };
}

/** An accelerator as the agent reads it: `CommandOrControl` is Cmd on macOS, Ctrl elsewhere. */
export function shownAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  const command = platform === 'darwin' ? 'Cmd' : 'Ctrl';
  return normalAccelerator(accelerator).replace(/\b(?:CommandOrControl|CmdOrCtrl)\b/giu, command);
}

/** The registered shortcuts of the running app. */
export class DesktopShortcuts {
  /** What is registered now, by shortcut. */
  private readonly held = new Map<ShortcutName, string>();
  /** Combinations the agent was told are taken (`name accelerator`): told once each. */
  private readonly told = new Set<string>();

  constructor(private readonly deps: ShortcutDeps) {}

  /** Registers `settings`' shortcuts in place of the ones held; an empty one is off. Never throws. */
  apply(settings: ShortcutSettings): void {
    for (const accelerator of this.held.values()) this.deps.globalShortcut.unregister(accelerator);
    this.held.clear();
    for (const name of NAMES) {
      const accelerator = normalAccelerator(settings[name]);
      if (accelerator !== '') this.register(name, accelerator);
    }
  }

  /** The accelerators registered now, by shortcut. */
  registered(): ReadonlyMap<ShortcutName, string> {
    return this.held;
  }

  /** Unregisters every shortcut (the app quits). */
  stop(): void {
    this.held.clear();
    this.deps.globalShortcut.unregisterAll();
  }

  /** The newest popup, focused; with none open, the call log. */
  focusNewestPopup(): void {
    if (this.deps.platform === 'darwin') this.deps.focusApp();
    if (this.deps.hasPopup()) this.deps.focusPopup();
    else this.deps.showCalls();
  }

  /** Dials the number in the selected (or copied) text after the agent's yes; says why not otherwise. */
  async dialSelection(): Promise<void> {
    const words = SHELL_TEXT[this.deps.language()];
    let source: TextSource = 'clipboard';
    try {
      const selected = await readSelectedText(this.deps.clipboard, this.deps.platform);
      source = selected.source;
      if (selected.text.trim() === '') {
        const shortcut = shownAccelerator(this.held.get('dialSelection') ?? '', this.deps.platform);
        const body = this.deps.platform === 'linux' ? words.nothingSelected : words.nothingCopied;
        this.tell(words.nothingDialled, fill(body, { shortcut }));
        return;
      }
      await this.deps.dialText(selected.text, source);
    } catch (error) {
      const noNumber = error instanceof NoNumberInTextError;
      const body = noNumber
        ? fill(source === 'selection' ? words.noNumberSelection : words.noNumberClipboard, {
            text: error.excerpt,
          })
        : fill(words.dialFailed, { error: textExcerpt(this.errorText(error), 160) });
      // The log never holds the copied text: it may be anything (a password, a customer's data).
      this.deps.warn(
        `dial the selected text: ${noNumber ? `no phone number in the ${source}` : messageOf(error)}`,
      );
      this.tell(words.nothingDialled, body);
    }
  }

  /** An error in the UI language where its code has words (error-words.ts), else its message. */
  private errorText(error: unknown): string {
    return errorWords(errorInfoOf(error), this.deps.language()) ?? messageOf(error);
  }

  /** A notification that cannot fail the shortcut: one that cannot be shown is only logged. */
  private tell(title: string, body: string, onClick?: () => void): void {
    try {
      this.deps.notify(title, body, onClick);
    } catch (error) {
      this.deps.warn(`a notification could not be shown: ${messageOf(error)}`);
    }
  }

  private register(name: ShortcutName, accelerator: string): void {
    const key = `${name} ${accelerator}`;
    let why = 'another program uses it';
    try {
      if (this.deps.globalShortcut.register(accelerator, () => this.run(name))) {
        this.held.set(name, accelerator);
        this.told.delete(key);
        return;
      }
    } catch (error) {
      why = messageOf(error);
    }
    this.deps.warn(`the shortcut ${accelerator} (${name}) is not available: ${why}`);
    if (this.told.has(key)) return;
    this.told.add(key);
    const words = SHELL_TEXT[this.deps.language()];
    this.tell(
      words.shortcutTakenTitle,
      fill(words.shortcutTaken, {
        shortcut: shownAccelerator(accelerator, this.deps.platform),
        action: name === 'focusPopup' ? words.shortcutFocusPopup : words.shortcutDialSelection,
      }),
      () => this.deps.showSettings(),
    );
  }

  /** What a pressed shortcut does; nothing escapes into Electron's callback. */
  private run(name: ShortcutName): void {
    if (name === 'dialSelection') {
      void this.dialSelection();
      return;
    }
    try {
      this.focusNewestPopup();
    } catch (error) {
      this.deps.warn(`focus the newest popup: ${messageOf(error)}`);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How many shown notifications are kept referenced (Electron drops click handlers of collected ones). */
const KEEP = 10;

/** The shortcuts of the settings in force, registered now and after every save, unregistered on quit. */
export function setupShortcuts(
  electron: {
    app: Pick<App, 'on' | 'getLocale' | 'focus'>;
    globalShortcut: ShortcutDeps['globalShortcut'];
    clipboard: ClipboardLike;
    Notification: NotificationConstructor & { isSupported(): boolean };
  },
  booted: Booted,
  windows: AppWindows,
  warn: (message: string) => void,
  platform: NodeJS.Platform = process.platform,
): DesktopShortcuts {
  const shown: NotificationLike[] = [];
  const language = () => shellLanguage(booted.current().app.language, electron.app.getLocale());
  const shortcuts = new DesktopShortcuts({
    globalShortcut: electron.globalShortcut,
    clipboard: electron.clipboard,
    platform,
    hasPopup: () => booted.runtime.companion.snapshot().popups.length > 0,
    focusPopup: () => windows.focusPopup(),
    showCalls: () => windows.showCalls(),
    showSettings: () => windows.showSettings(),
    focusApp: () => electron.app.focus({ steal: true }),
    dialText: (text, source) => booted.runtime.companion.dialText(text, source),
    notify: (title, body, onClick) => {
      if (!electron.Notification.isSupported()) return;
      const notification = new electron.Notification({ title, body });
      if (onClick !== undefined) notification.on('click', onClick);
      notification.show();
      shown.push(notification);
      if (shown.length > KEEP) shown.shift();
    },
    language,
    warn,
  });
  shortcuts.apply(booted.current().app.shortcuts);
  booted.onSaved((saved) => {
    shortcuts.apply(saved.app.shortcuts);
  });
  electron.app.on('will-quit', () => {
    shortcuts.stop();
  });
  return shortcuts;
}
