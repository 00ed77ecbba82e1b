/**
 * Automatic updates for the packaged desktop app, through electron-updater's generic provider:
 * the installation looks for new releases at the feed URL of its settings (`app.updateFeedUrl`),
 * at start and every few hours, downloads them in the background and installs them when the app
 * quits. Without a feed URL, or when not packaged (`npm start`), nothing is checked.
 *
 * A failed check (feed unreachable, bad release file, bad signature) is a warning, never a crash:
 * the app keeps working and tries again at the next interval. The updater and the timer are
 * injected, so tests drive this with fakes; electron/main.ts passes electron-updater's
 * `autoUpdater`.
 */

/** How often a running app looks for a new release. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** The part of electron-updater's `AppUpdater` this module uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

/** Runs `run` every `ms` until the returned function is called. */
export type Every = (run: () => void, ms: number) => () => void;

export interface AutoUpdateOptions {
  readonly updater: UpdaterLike;
  /** `app.isPackaged`: development builds have no release to compare with. */
  readonly isPackaged: boolean;
  /** Where problems are reported (the app's warning log). */
  readonly warn: (message: string) => void;
  /** Told when a release is downloaded and will be installed at quit. */
  readonly onDownloaded?: (version: string) => void;
  /** The repeating timer; by default `setInterval`, unref'd so it never keeps the app alive. */
  readonly every?: Every;
  readonly intervalMs?: number;
}

/** Whether updates are being checked, and if not, why. */
export type AutoUpdateState =
  { readonly active: true; readonly feedUrl: string } | { readonly active: false; readonly reason: string };

const realEvery: Every = (run, ms) => {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** The update schedule of one running app. */
export class AutoUpdate {
  private feedUrl: string | null = null;
  private stopTimer: (() => void) | null = null;
  private checking = false;
  private listening = false;

  constructor(private readonly options: AutoUpdateOptions) {}

  /**
   * Applies the feed URL of the settings: at start, and again whenever the settings are saved.
   * A new URL is checked at once; the same URL again changes nothing; none stops the checks.
   */
  apply(feedUrl: string | undefined): AutoUpdateState {
    if (!this.options.isPackaged) return { active: false, reason: 'not packaged: updates are off' };
    if (feedUrl === undefined || feedUrl === '') {
      this.stop();
      return { active: false, reason: 'no update feed set (app.updateFeedUrl)' };
    }
    const problem = feedProblem(feedUrl);
    if (problem !== null) {
      this.stop();
      this.options.warn(`updates are off: ${problem}`);
      return { active: false, reason: problem };
    }
    if (feedUrl === this.feedUrl) return { active: true, feedUrl };
    this.stop();
    const { updater } = this.options;
    this.listen(updater);
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.setFeedURL({ provider: 'generic', url: feedUrl });
    this.feedUrl = feedUrl;
    this.check();
    const every = this.options.every ?? realEvery;
    this.stopTimer = every(() => this.check(), this.options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
    return { active: true, feedUrl };
  }

  /** Stops the periodic checks (a check under way finishes on its own). */
  stop(): void {
    this.stopTimer?.();
    this.stopTimer = null;
    this.feedUrl = null;
  }

  private listen(updater: UpdaterLike): void {
    if (this.listening) return;
    this.listening = true;
    updater.on('error', (error) => this.options.warn(`update check failed: ${error.message}`));
    updater.on('update-downloaded', (info) => this.options.onDownloaded?.(info.version));
  }

  private check(): void {
    if (this.checking) return;
    let pending: Promise<unknown>;
    try {
      pending = this.options.updater.checkForUpdates();
    } catch (error) {
      this.options.warn(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.checking = true;
    void pending
      // electron-updater reports every failed check on its 'error' event too: warned there, once.
      .catch(() => undefined)
      .finally(() => {
        this.checking = false;
      });
  }
}

/** Why a feed URL cannot be used, or null. Updates only come over https, without credentials. */
function feedProblem(feedUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return `the update feed "${feedUrl.slice(0, 80)}" is not a URL`;
  }
  if (url.protocol !== 'https:') return `the update feed must be an https:// URL, not ${url.protocol}`;
  if (url.username !== '' || url.password !== '')
    return 'the update feed URL must not carry a user name or password';
  return null;
}
