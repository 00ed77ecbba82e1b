/**
 * The contract's commands, carried out by the Companion (calls, popups, the journal) and by the
 * settings service (the wizard and settings window). Faces validate a command with
 * `parseCommand` and hand it here; this is the only place that maps command names to methods.
 */
import type { CommandResult, CompanionApi, FileKind } from '../contract/channels.js';
import type { ParsedCommand } from '../contract/parse-command.js';
import type { Companion } from './companion.js';
import type { SettingsService } from './settings-service.js';

/** Where the current Companion is (a runtime replaces it when the settings change). */
export interface CompanionSource {
  readonly companion: Companion;
}

/** What only the face can do (the Electron app, or the headless host). */
export interface FaceActions {
  /** Registers the app as the OS handler for phone links, as far as this face can. */
  registerLinkHandler(): Promise<CommandResult<'registerLinkHandler'>>;
  /** The face's own file dialog, where it has one: the chosen file, or null when cancelled. */
  pickFile?(kind: FileKind): Promise<string | null>;
  /** Who opens each phone-link scheme now, as the OS answers. */
  linkStatus(): Promise<CommandResult<'linkStatus'>>;
  /** Gives the phone links back where they are still the app's. */
  unregisterLinkHandler(): Promise<CommandResult<'unregisterLinkHandler'>>;
  /** Opens the OS's page where the user picks the default app, where there is one. */
  openDefaultApps(): Promise<CommandResult<'openDefaultApps'>>;
  /** Shows the settings window; absent where the page has its own way there (a browser). */
  openSettings?(): void;
}

/** One function per command. Without a settings service, the settings commands refuse. */
export function companionApi(
  source: CompanionSource,
  settings: SettingsService | null,
  face: FaceActions,
): CompanionApi {
  const companion = () => source.companion;
  const service = (): SettingsService => {
    if (settings === null) throw new Error('the settings cannot be changed here');
    return settings;
  };
  const attempt = <T>(work: () => T | Promise<T>): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    getSnapshot: () => attempt(() => companion().snapshot()),
    dial: ({ number }) => companion().dial(number),
    dialLink: ({ uri }) => companion().dialLink(uri),
    retryLine: () => attempt(() => companion().retryLine()),
    openSettings: () =>
      attempt(() => {
        if (face.openSettings === undefined) throw new Error('this face has no settings window');
        face.openSettings();
        return {};
      }),
    callback: ({ journalId }) => companion().callback(journalId),
    confirmDial: ({ id }) => companion().confirmDial(id),
    cancelDial: ({ id }) =>
      attempt(() => {
        companion().cancelDial(id);
        return {};
      }),
    markHandled: ({ journalId }) => companion().markHandled(journalId),
    setNote: ({ journalId, text }) => companion().setNote(journalId, text),
    exportJournal: ({ language }) => attempt(() => companion().exportJournal(language)),
    selectContact: ({ callId, index }) => companion().selectContact(callId, index),
    chooseAgain: ({ callId }) => companion().chooseAgain(callId),
    dismissPopup: ({ callId }) =>
      attempt(() => {
        companion().dismissPopup(callId);
        return {};
      }),
    openAction: ({ callId, action }) => attempt(() => ({ url: companion().actionUrl(callId, action) })),
    getSettings: () =>
      attempt(() =>
        settings === null
          ? {
              // The demo: its settings come with the app; the window says so and offers a way back.
              document: {},
              file: '',
              firstRun: false,
              defaults: { dialingRules: companion().rules },
              templates: [],
              problems: [],
              readOnly: true,
            }
          : service().read(),
      ),
    saveSettings: ({ document }) => attempt(() => service().save(document)),
    checkSettings: ({ document }) => attempt(() => service().check(document)),
    testLine: ({ line }) => attempt(() => service().testLine(line)),
    testDirectory: ({ directory }) => attempt(() => service().testDirectory(directory)),
    previewNumber: ({ rules, input }) => attempt(() => service().previewNumber(rules, input)),
    previewPopup: ({ template, rules }) => attempt(() => service().previewPopup(template, rules)),
    previewActions: ({ actions, directory }) => attempt(() => service().previewActions(actions, directory)),
    registerLinkHandler: () => attempt(() => face.registerLinkHandler()),
    pickFile: ({ kind }) =>
      attempt(async () =>
        face.pickFile === undefined
          ? { available: false, path: null }
          : { available: true, path: await face.pickFile(kind) },
      ),
    listFiles: ({ folder, kind }) => attempt(() => service().listFiles(folder, kind)),
    linkStatus: () => attempt(() => face.linkStatus()),
    unregisterLinkHandler: () => attempt(() => face.unregisterLinkHandler()),
    openDefaultApps: () => attempt(() => face.openDefaultApps()),
  };
}

/** Runs a validated command. */
export function runCommand(api: CompanionApi, command: ParsedCommand): Promise<unknown> {
  // Each command's arguments are typed by its channel; the map keeps that pairing in one place.
  const handler = api[command.channel] as (args: unknown) => Promise<unknown>;
  return handler(command.args);
}
