/**
 * What a command may touch: output streams, input lines, the environment, and the settings it
 * loads through them. The process entry (`main.ts`) builds the real one; tests build one over
 * in-memory streams. The settings modules are imported when first asked for: they carry every
 * provider's and directory's schema, which commands such as `number --rules` never need.
 */
import type { ProcessEvents } from '../companion/crash-policy.js';
import type { DialingRules } from '../numbers/dialing-rules.js';
import { regionOfLocale } from '../numbers/region-of-locale.js';
import type { Settings } from '../companion/settings/load-settings.js';
import { defaultSettingsPath, userDataDir, type PathEnvironment } from '../settings/settings-paths.js';

/** The edges of the process a command runs in. */
export interface CliIo extends PathEnvironment {
  /** Writes one line to standard output (machine-readable output only). */
  readonly stdout: (line: string) => void;
  /** Writes one line to standard error (human messages). */
  readonly stderr: (line: string) => void;
  /** Lines of standard input, or null when it is a terminal. */
  readonly stdinLines: () => AsyncIterable<string> | null;
  /** The user's locale (BCP 47), for the default country. */
  readonly locale: string;
  /** Resolves when the user asks a long-running command to stop (Ctrl+C, SIGTERM). */
  readonly waitForInterrupt: () => Promise<void>;
  /**
   * The process's error events, for `serve`'s policy on errors that escaped every handler (the
   * real process only: an in-process test run keeps its own handlers).
   */
  readonly processEvents?: ProcessEvents;
}

/** A command's view of the world. */
export class CliContext {
  constructor(readonly io: CliIo) {}

  /** Prints one machine-readable record as one line of JSON. */
  emit(record: object): void {
    this.io.stdout(JSON.stringify(record));
  }

  /** Prints a human message to standard error. */
  say(message: string): void {
    this.io.stderr(message);
  }

  /** The region for rules that name no country, from the user's locale. */
  get defaultRegion(): string {
    return regionOfLocale(this.io.locale);
  }

  /**
   * The settings from `--config FILE` (which must exist), or from the default location (where
   * a missing file means defaults).
   */
  async settings(configFile: string | undefined): Promise<Settings> {
    const file = configFile ?? defaultSettingsPath(this.io);
    const [{ loadSettings }, { existingHostSecretStore }] = await Promise.all([
      import('../companion/settings/load-settings.js'),
      import('../settings/host-secrets.js'),
    ]);
    const secrets = await existingHostSecretStore(userDataDir(this.io));
    return loadSettings(file, {
      defaultRegion: this.defaultRegion,
      required: configFile !== undefined,
      secrets,
    });
  }

  /**
   * The dialing rules from `--rules FILE`, else the settings' rules (read alone: see
   * companion/settings/load-rules.ts).
   */
  async dialingRules(options: {
    rules?: string | undefined;
    config?: string | undefined;
  }): Promise<DialingRules> {
    const { loadDialingRules, loadSettingsRules } = await import('../companion/settings/load-rules.js');
    if (options.rules !== undefined) return loadDialingRules(options.rules, this.defaultRegion);
    return loadSettingsRules(options.config ?? defaultSettingsPath(this.io), {
      defaultRegion: this.defaultRegion,
      required: options.config !== undefined,
    });
  }
}
