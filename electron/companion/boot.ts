/**
 * The one start sequence of every face (the Electron app, the headless host, tests): open the
 * secret store, load the settings, start the runtime, build the settings service, keep track of
 * the settings in force and run the face's hooks after each save. A face only says where its
 * files are and how it keeps secrets, then presents what {@link boot} gives it.
 *
 * A settings file that cannot be used (hand-edited into something invalid, a secret that no
 * longer opens, settings whose line or directories cannot even be built) never keeps Ringdesk from
 * starting: it runs on the defaults (the simulator line), lists the problems in `problems`, and
 * the settings service still opens the file as it is, so the user fixes it where it is shown. A
 * file the face was told must exist (`required`) and that is missing stays an error.
 *
 * Invariants:
 * - `current()` MUST be the settings the runtime runs: it changes only after a save has started
 *   the new Companion.
 * - Hooks run in the order they were added, after the runtime switched, and a failing hook MUST
 *   NOT undo the save (it is reported as a warning).
 */
import { existsSync } from 'node:fs';
import { defaultSettings, loadSettings, SettingsError, type Settings } from './settings/load-settings.js';
import type { SecretStore } from '../settings/secret-store.js';
import type { Clock } from '../shared/clock.js';
import { CompanionRuntime } from './companion-runtime.js';
import { createCompanion, type CompanionEnvironment } from './create-companion.js';
import { SettingsService } from './settings-service.js';
import { loadSiteSettings } from './settings/site-source.js';
import type { SiteSettings } from './settings/site-settings.js';

export interface BootOptions {
  /** The settings file. */
  readonly configFile: string;
  /** True when the face was told which file to use: a missing one is then an error. */
  readonly required: boolean;
  /** False for settings that are not the user's to change (the demo's): no settings service. */
  readonly editable: boolean;
  /** The user-data folder: secrets, and the only place the API may point files the host writes. */
  readonly profileDir: string;
  /** Where the journal and the other call data live (the profile folder, or the demo's own). */
  readonly dataDir: string;
  /** The bundled popup templates. */
  readonly templatesDir: string;
  /** The OS locale (`de-DE`): the default country and, with `app.language` "auto", the language. */
  readonly locale: string;
  /** The region for rules that name no country. */
  readonly defaultRegion: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Opens the face's secret store (safeStorage in the app, a key file in the host). */
  readonly openSecrets: () => Promise<SecretStore>;
  readonly onWarning: (message: string) => void;
  /** One clock for every timer (tests pass a FakeClock). */
  readonly clock?: Clock;
  /**
   * Where the administrator's site settings are (a path or an https URL; see
   * settings/site-source.ts for how a face finds it), or null for none.
   */
  readonly siteSource?: string | null;
}

export interface Booted {
  readonly runtime: CompanionRuntime;
  /** The settings service behind the wizard and the settings window; null when not editable. */
  readonly settings: SettingsService | null;
  readonly secrets: SecretStore;
  /** The settings in force. */
  current(): Settings;
  /** Why the settings file could not be used (the app runs on the defaults); empty when it is fine. */
  readonly problems: readonly string[];
  /** No settings file yet: the face offers the first-run wizard. */
  readonly firstRun: boolean;
  /** The site settings in force, or null. */
  readonly site: SiteSettings | null;
  /** Runs `hook` after every save, once the new settings run. */
  onSaved(hook: (saved: Settings) => Promise<void> | void): void;
}

/** Starts Ringdesk as every face does. @throws SettingsError only for a required file that is missing. */
export async function boot(options: BootOptions): Promise<Booted> {
  const secrets = await options.openSecrets();
  const environment: CompanionEnvironment = {
    dataDir: options.dataDir,
    templatesDir: options.templatesDir,
    locale: options.locale,
    env: options.env,
    onWarning: options.onWarning,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  };
  const build = (settings: Settings) => createCompanion(settings, environment);
  const site =
    options.siteSource == null
      ? null
      : await loadSiteSettings(options.siteSource, {
          dataDir: options.profileDir,
          onWarning: options.onWarning,
          ...(options.clock === undefined ? {} : { clock: options.clock }),
        });
  const { settings, problems } = await loadOrDefaults(options, secrets, site);
  let runtime: CompanionRuntime;
  let current = settings;
  const allProblems = [...problems];
  try {
    runtime = await CompanionRuntime.start(settings, build);
  } catch (error) {
    // Settings that load but cannot even be built (a port taken, a folder gone): the defaults run.
    if (problems.length > 0) throw error;
    allProblems.push(
      `these settings cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
    current = defaultSettings(options.defaultRegion);
    runtime = await CompanionRuntime.start(current, build);
  }
  for (const problem of allProblems) options.onWarning(`settings: ${problem}`);
  const hooks: ((saved: Settings) => Promise<void> | void)[] = [];
  const service = options.editable
    ? new SettingsService({
        file: options.configFile,
        dataDir: options.profileDir,
        defaultRegion: options.defaultRegion,
        secrets,
        env: options.env,
        current: () => current,
        popups: () => runtime.parts.popups,
        templates: () => runtime.parts.templates,
        site,
        onSaved: async (saved) => {
          await runtime.replace(saved);
          current = saved;
          for (const hook of hooks) {
            try {
              await hook(saved);
            } catch (error) {
              options.onWarning(`after saving: ${error instanceof Error ? error.message : String(error)}`);
            }
          }
        },
      })
    : null;
  return {
    runtime,
    settings: service,
    secrets,
    current: () => current,
    problems: allProblems,
    site,
    firstRun: settings.source === null && problems.length === 0,
    onSaved: (hook) => {
      hooks.push(hook);
    },
  };
}

async function loadOrDefaults(
  options: BootOptions,
  secrets: SecretStore,
  site: SiteSettings | null,
): Promise<{ settings: Settings; problems: readonly string[] }> {
  try {
    const settings = await loadSettings(options.configFile, {
      defaultRegion: options.defaultRegion,
      required: options.required,
      secrets,
      site,
    });
    return { settings, problems: [] };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    if (options.required && !existsSync(options.configFile)) throw error;
    return { settings: defaultSettings(options.defaultRegion), problems: error.problems };
  }
}
