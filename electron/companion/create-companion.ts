/**
 * Builds a Companion from settings: the line its settings name, every directory, the journal in
 * the data folder, templates with the user's overrides. Every face (CLI, headless host,
 * Electron) starts here, so they behave alike.
 */
import { systemClock, type Clock } from '../shared/clock.js';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ContactLookup } from '../contacts/contact-lookup.js';
import type { Directory } from '../contacts/directory.js';
import { FileDirectory } from '../contacts/file-directory.js';
import { isLdapDirectory } from '../contacts/ldap/ldap-directory.js';
import { directoryActions, directoryName, openDirectories } from './open-directories.js';
import { CallJournal } from '../journal/call-journal.js';
import type { ActionTemplates } from '../shared/action-templates.js';
import { countryNamer } from '../popup/country-name.js';
import { POPUP_TEXT, popupLanguage, popupLocale } from '../popup/popup-text.js';
import { TemplateStore } from '../popup/template-store.js';
import type { Settings } from './settings/load-settings.js';
import type { LineProvider } from '../telephony/line-provider.js';
import { ActionUrlProvider } from '../telephony/action-url/action-url-provider.js';
import { createAmiProvider } from '../telephony/ami/ami-provider.js';
import { bundledBridgePath, createTapiProvider } from '../telephony/tapi/create-tapi-provider.js';
import { recordLine } from '../telephony/line-recorder.js';
import { SimulatorProvider } from '../telephony/simulator-provider.js';
import { Blocklist } from './blocklist.js';
import { PickMemory } from './pick-memory.js';
import { Companion } from './companion.js';
import { PopupBuilder } from './popup-builder.js';
import { ReconnectPolicy } from './reconnect-policy.js';
import { lineIdentity } from './line-identity.js';

export interface CompanionEnvironment {
  /** Where the journal lives (created if missing). */
  readonly dataDir: string;
  /** The bundled default templates. */
  readonly templatesDir: string;
  /** The user's locale, for times in popups. */
  readonly locale: string;
  readonly onWarning: (message: string) => void;
  /** The one clock for every timer of the Companion, its line and its directories (default: the system's). */
  readonly clock?: Clock;
  /** The environment, for secrets given as `{"env": "NAME"}`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Directories a test hands in instead of opening those the settings list. */
  readonly directories?: readonly Directory[];
}

/** What a face gets: the Companion and the parts it may also need to reach. */
export interface CompanionParts {
  readonly companion: Companion;
  readonly provider: LineProvider;
  readonly directories: readonly Directory[];
  readonly lookup: ContactLookup;
  readonly templates: TemplateStore;
  readonly popups: PopupBuilder;
  readonly journal: CallJournal;
}

/** What providers may need besides their settings. */
export interface ProviderDeps {
  readonly clock: Clock;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when a caller is on the blocklist (for lines that reject while ringing). */
  readonly isBlocked: (remote: string) => boolean;
  /** Told about a failure a provider answered and survived (a webhook handler that threw). */
  readonly onWarning?: (message: string) => void;
}

/** The provider the settings ask for. */
export function createProvider(settings: Settings, deps: ProviderDeps): LineProvider {
  const line = settings.line;
  switch (line.provider) {
    case 'simulator':
      return new SimulatorProvider({ line: line.line, now: deps.clock.now });
    case 'ami':
      return createAmiProvider(line, { env: deps.env, schedule: deps.clock.schedule, now: deps.clock.now });
    case 'tapi':
      return createTapiProvider(line, {
        defaultBridgePath: bundledBridgePath((process as { resourcesPath?: string }).resourcesPath),
        rules: settings.dialingRules,
        schedule: deps.clock.schedule,
      });
    case 'action-url':
      return new ActionUrlProvider(line, {
        env: deps.env,
        now: deps.clock.now,
        isBlocked: deps.isBlocked,
        ...(deps.onWarning === undefined ? {} : { onError: deps.onWarning }),
      });
  }
}

/** Builds the template store with the user's overrides (settings, or `templates/` in the data folder). */
export function createTemplateStore(
  settings: Settings,
  environment: { dataDir: string; templatesDir: string },
): TemplateStore {
  const userDir = settings.templatesFolder ?? path.join(environment.dataDir, 'templates');
  return new TemplateStore(environment.templatesDir, existsSync(userDir) ? userDir : null);
}

/** Builds the popup builder for the settings. */
export function createPopupBuilder(
  settings: Settings,
  templates: TemplateStore,
  environment: CompanionEnvironment,
): PopupBuilder {
  const actionsByDirectory = new Map<string, ActionTemplates>();
  for (const entry of settings.directories) {
    const actions = directoryActions(entry);
    if (actions !== undefined) actionsByDirectory.set(directoryName(entry), actions);
  }
  // Times and country names in the UI language's locale (24-hour in German), not the OS's.
  const locale = popupLocale(settings.app.language, environment.locale);
  const language = popupLanguage(locale);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return new PopupBuilder({
    templates,
    actions: settings.actions,
    directoryActions: actionsByDirectory,
    colleagueActions: settings.actions.colleagues === true,
    countryCode: settings.dialingRules.countryCode,
    formatTime: (epochMs) => time.format(epochMs),
    text: POPUP_TEXT[language],
    language,
    countryOf: countryNamer(locale),
    contactTemplate: settings.popup.contactTemplate,
    onWarning: environment.onWarning,
  });
}

/** Builds (but does not start) the Companion for `settings`. */
export async function createCompanion(
  settings: Settings,
  environment: CompanionEnvironment,
): Promise<CompanionParts> {
  const clock = environment.clock ?? systemClock;
  const { now } = clock;
  // Callers' data lives here: only the user may look into it.
  mkdirSync(environment.dataDir, { recursive: true, mode: 0o700 });
  const blocklist = new Blocklist(settings.blocklist, settings.dialingRules);
  const provider = createProvider(settings, {
    clock,
    env: environment.env ?? {},
    isBlocked: (remote) => blocklist.has(remote),
    onWarning: environment.onWarning,
  });
  if (settings.recordLine !== null) recordLine(provider, settings.recordLine, now);
  const directories =
    environment.directories ??
    (await openDirectories(settings, {
      clock,
      onWarning: environment.onWarning,
      env: environment.env ?? {},
    }));
  const lookup = new ContactLookup(directories, {
    timeoutMs: settings.lookup.timeoutMs,
    cacheTtlMs: settings.lookup.cacheTtlMs,
    negativeCacheTtlMs: settings.lookup.negativeCacheTtlMs,
    clock,
  });
  // A reloaded file or a finished sync may change who a number belongs to.
  for (const directory of directories) {
    if (directory instanceof FileDirectory) directory.onReload(() => lookup.forget());
    if (isLdapDirectory(directory)) directory.onSync(() => lookup.forget());
  }
  const journal = await CallJournal.open(path.join(environment.dataDir, 'journal.jsonl'), {
    onWarning: environment.onWarning,
    retention: settings.journal.retention,
  });
  const templates = createTemplateStore(settings, environment);
  const popups = createPopupBuilder(settings, templates, environment);
  const companion = new Companion({
    rules: settings.dialingRules,
    provider,
    directories,
    lookup,
    journal,
    popups,
    blocklist,
    picks: await PickMemory.open(path.join(environment.dataDir, 'picks.json')),
    reconnect: new ReconnectPolicy(),
    now,
    newId: randomUUID,
    schedule: clock.schedule,
    onWarning: environment.onWarning,
    confirmDials: { links: settings.links.confirm, callbacks: settings.links.confirmCallbacks },
    autoCloseSeconds: settings.popup.autoCloseSeconds,
    language: settings.app.language === 'auto' ? null : settings.app.language,
    ringTimeoutMs: settings.journal.ringTimeoutSeconds * 1000,
    identity: lineIdentity(settings.line),
  });
  return { companion, provider, directories, lookup, templates, popups, journal };
}
