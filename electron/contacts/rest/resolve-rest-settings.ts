/**
 * Merges a REST directory's preset with the settings' overrides into the full configuration and
 * its popup action URLs, and says everything that cannot work — missing credentials, unknown
 * placeholders, a URL whose host a placeholder could change — with its path in the settings, so
 * the settings loader reports every problem at once and nothing is ever sent half-configured.
 */
import { actionValues, type ActionTemplates } from '../../shared/action-templates.js';
import type { SecretSetting } from '../../shared/secret.js';
import { RestSettingsError, directorySubject } from './rest-error.js';
import { NUMBER_PLACEHOLDERS } from './number-forms.js';
import type { AuthConfig, ListingConfig, RestConfig, RestRequest } from './rest-config.js';
import { PRESETS, type PresetAuth, type RestPreset } from './rest-presets.js';
import type { RestDirectorySettings } from './rest-entry-schema.js';
import type { ResponseMapping } from './response-mapping.js';
import { insertVerbatim, placeholdersOf, unknownPlaceholders } from './template.js';

/** A problem with its path in the directory's settings entry. */
export interface SettingsProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A REST directory ready to be created: its configuration and its popup actions. */
export interface ResolvedRestDirectory {
  readonly config: RestConfig;
  readonly actions: ActionTemplates;
}

/** Default time for one request, including reading the answer. */
export const DEFAULT_TIMEOUT_MS = 5000;

const LISTING_PLACEHOLDERS = ['page', 'offset', 'pageSize', 'end'] as const;
const ACTION_PLACEHOLDERS = Object.keys(
  actionValues({ contact: null, number: { raw: '', e164: null, display: '', countryCode: '' }, callId: '' }),
);
const ACTION_KEYS = ['openContact', 'newTicket', 'newContact'] as const;
const FORBIDDEN_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

/** The problems of a settings entry; empty when it can work. */
export function checkRestSettings(settings: RestDirectorySettings): SettingsProblem[] {
  return resolve(settings).problems;
}

/**
 * The full configuration and action URLs of a settings entry.
 * @throws RestSettingsError listing every problem.
 */
export function resolveRestSettings(settings: RestDirectorySettings): ResolvedRestDirectory {
  const { resolved, problems, subject } = resolve(settings);
  if (problems.length > 0)
    throw new RestSettingsError(
      subject,
      problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`),
    );
  return resolved;
}

/** The name a settings entry gives its directory (for wiring its actions by name). */
export function restDirectoryName(settings: RestDirectorySettings): string {
  const preset = settings.preset === undefined ? null : PRESETS[settings.preset];
  return settings.name ?? preset?.label ?? hostOf(settings.baseUrl ?? settings.request?.url) ?? 'REST';
}

function resolve(settings: RestDirectorySettings): {
  resolved: ResolvedRestDirectory;
  problems: SettingsProblem[];
  subject: string;
} {
  const problems: SettingsProblem[] = [];
  const problem = (path: readonly (string | number)[], message: string) => problems.push({ path, message });
  const preset: RestPreset | null = settings.preset === undefined ? null : PRESETS[settings.preset];
  const label = preset?.label ?? 'REST';
  const name = restDirectoryName(settings);
  const base = settings.baseUrl?.replace(/\/+$/, '') ?? null;
  const web = settings.webUrl?.replace(/\/+$/, '') ?? base;
  // Set by url() below; an object, so that the check after the closures sees the change.
  const baseUrlNeeded = { missing: false };

  /** A URL template with `{{base}}`/`{{web}}` written in, checked for a fixed http(s) host. */
  const url = (template: string, path: (string | number)[], known: readonly string[]): string => {
    let filled = template;
    for (const [key, value] of [
      ['base', base],
      ['web', web],
    ] as const) {
      if (!placeholdersOf(filled).includes(key)) continue;
      if (value === null) baseUrlNeeded.missing = true;
      else filled = insertVerbatim(filled, key, value);
    }
    if (baseUrlNeeded.missing) return filled;
    const authority = /^https?:\/\/([^/?#]*)/i.exec(filled)?.[1];
    if (authority === undefined || authority === '' || authority.includes('{'))
      problem(path, 'must be an http:// or https:// URL with a fixed host');
    const unknown = unknownPlaceholders(filled, known);
    if (unknown.length > 0) problem(path, `unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(', ')}`);
    return filled;
  };

  // The search request.
  const method = settings.request?.method ?? preset?.request.method ?? 'GET';
  const requestUrl = settings.request?.url ?? preset?.request.url;
  if (requestUrl === undefined) problem(['request', 'url'], 'is needed when no preset is chosen');
  const body = settings.request?.body ?? preset?.request.body ?? null;
  if (body !== null && method === 'GET') problem(['request', 'body'], 'needs "method": "POST"');
  if (body !== null) {
    const unknown = unknownPlaceholders(body, NUMBER_PLACEHOLDERS);
    if (unknown.length > 0) problem(['request', 'body'], `unknown placeholder {{${unknown.join('}}, {{')}}}`);
  }
  const headers = { ...preset?.request.headers, ...settings.request?.headers };
  for (const header of Object.keys(headers))
    if (FORBIDDEN_HEADERS.has(header.toLowerCase()))
      problem(['request', 'headers', header], 'is set by the HTTP client');
  // A search spelt out in the settings replaces the preset's, fallback included.
  const fallback =
    settings.request?.fallbackUrl ??
    (settings.request?.url === undefined ? (preset?.request.fallbackUrl ?? null) : null);
  const request: RestRequest = {
    method,
    url: requestUrl === undefined ? '' : url(requestUrl, ['request', 'url'], NUMBER_PLACEHOLDERS),
    body,
    headers,
    fallbackUrl:
      fallback === null || fallback === false
        ? null
        : url(fallback, ['request', 'fallbackUrl'], NUMBER_PLACEHOLDERS),
  };

  const auth = resolveAuth(settings, preset, problem, (template) => url(template, ['auth', 'url'], []));
  const response = resolveResponse(settings, preset, problem);

  let listing: ListingConfig | null = null;
  if (settings.listing !== false) {
    const listingUrl = settings.listing?.url ?? preset?.listing?.url;
    if (listingUrl === undefined && settings.listing !== undefined)
      problem(
        ['listing', 'url'],
        preset === null ? 'is needed' : `is needed: the ${settings.preset} preset lists nothing`,
      );
    if (listingUrl !== undefined)
      listing = {
        url: url(listingUrl, ['listing', 'url'], LISTING_PLACEHOLDERS),
        pageSize: settings.listing?.pageSize ?? preset?.listing?.pageSize ?? 100,
        maxPages: settings.listing?.maxPages ?? preset?.listing?.maxPages ?? 100,
      };
  }

  const verify = settings.tls?.verify ?? true;
  const caFile = settings.tls?.caFile ?? null;
  if (!verify && caFile !== null) problem(['tls', 'caFile'], 'has no effect while "verify" is false');

  const actions: Record<string, string> = {};
  for (const key of ACTION_KEYS) {
    const template = settings.actions?.[key] ?? preset?.actions[key];
    if (template !== undefined) actions[key] = url(template, ['actions', key], ACTION_PLACEHOLDERS);
  }
  if (baseUrlNeeded.missing)
    problem(
      ['baseUrl'],
      preset === null ? 'is needed by {{base}}/{{web}}' : `is needed by the ${settings.preset} preset`,
    );

  const config: RestConfig = {
    label,
    name,
    baseUrl: base,
    request,
    auth,
    response,
    listing,
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    tls: { verify, caFile },
    hints: preset?.hints ?? [],
    unverified: preset !== null && preset.checkedAgainst === null,
  };
  return { resolved: { config, actions }, problems, subject: directorySubject(label, name) };
}

type Problem = (path: readonly (string | number)[], message: string) => void;

function resolveAuth(
  settings: RestDirectorySettings,
  preset: RestPreset | null,
  problem: Problem,
  loginUrl: (template: string) => string,
): AuthConfig {
  const credentials = settings.credentials ?? {};
  const given = settings.auth;
  const inferred: PresetAuth =
    credentials.token !== undefined
      ? { type: 'bearer' }
      : credentials.username !== undefined
        ? { type: 'basic' }
        : { type: 'none' };
  const fromPreset = preset?.auth ?? inferred;
  const merged =
    given === undefined ? fromPreset : given.type === fromPreset.type ? { ...fromPreset, ...given } : given;

  const used = new Set<string>();
  const need = <K extends 'username' | 'password' | 'token'>(key: K) => {
    used.add(key);
    const value = credentials[key];
    if (value === undefined) problem(['credentials', key], `is needed for ${merged.type} authentication`);
    return value ?? '';
  };
  let auth: AuthConfig;
  switch (merged.type) {
    case 'none':
      auth = { type: 'none' };
      break;
    case 'basic':
      auth = { type: 'basic', username: need('username'), password: need('password') as SecretSetting };
      break;
    case 'bearer':
      auth = { type: 'bearer', token: need('token') as SecretSetting };
      break;
    case 'header': {
      const header = 'header' in merged ? merged.header : undefined;
      if (header === undefined) problem(['auth', 'header'], 'is needed: which header carries the key?');
      const prefix = 'prefix' in merged ? (merged.prefix ?? '') : '';
      auth = { type: 'header', header: header ?? '', prefix, token: need('token') as SecretSetting };
      break;
    }
    case 'login': {
      const login = merged as Partial<Extract<PresetAuth, { type: 'login' }>> & { type: 'login' };
      if (login.url === undefined) problem(['auth', 'url'], 'is needed: where to log in?');
      const queryParameter = login.queryParameter ?? null;
      auth = {
        type: 'login',
        url: login.url === undefined ? '' : loginUrl(login.url),
        usernameField: login.usernameField ?? 'username',
        passwordField: login.passwordField ?? 'password',
        fields: login.fields ?? {},
        tokenPath: login.tokenPath ?? 'token',
        header: login.header ?? (queryParameter === null ? 'Authorization' : null),
        prefix: login.prefix ?? (queryParameter === null && login.header === undefined ? 'Bearer ' : ''),
        queryParameter,
        username: need('username'),
        password: need('password') as SecretSetting,
      };
      break;
    }
  }
  for (const key of ['username', 'password', 'token'] as const)
    if (credentials[key] !== undefined && !used.has(key))
      problem(['credentials', key], `is not used by ${merged.type} authentication`);
  return auth;
}

function resolveResponse(
  settings: RestDirectorySettings,
  preset: RestPreset | null,
  problem: Problem,
): ResponseMapping {
  const merged = { ...preset?.response, ...settings.response };
  if (merged.id === undefined) problem(['response', 'id'], 'is needed when no preset is chosen');
  if (merged.phones === undefined) problem(['response', 'phones'], 'is needed when no preset is chosen');
  if ([merged.name, merged.firstName, merged.lastName, merged.company].every((path) => path === undefined))
    problem(['response', 'name'], 'is needed (or firstName, lastName or company)');
  for (const [index, phone] of (merged.phones ?? []).entries())
    if (phone.typePath !== undefined && phone.numberPath === undefined)
      problem(['response', 'phones', index, 'typePath'], 'needs a numberPath (a list of objects)');
  return { ...merged, list: merged.list ?? '', id: merged.id ?? '', phones: merged.phones ?? [] };
}

function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  return /^https?:\/\/([^/?#:{]+)/i.exec(url)?.[1] ?? null;
}
