/**
 * Creates a REST directory from its settings entry: checks the entry (every problem at once),
 * merges the preset, reads the secrets from the environment and the CA file from disk, and
 * sets up TLS. Everything that can be wrong with the settings fails here, before the first
 * call; the edges (HTTP client, environment, file reading) are injected so tests pass fakes.
 */
import { resolveUserPath, startsAtHome } from '../../shared/user-path.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { Agent } from 'node:https';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import axios from 'axios';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import { resolveSecret, SecretError, type SecretSetting } from '../../shared/secret.js';
import type { AuthConfig } from './rest-config.js';
import { RestDirectory } from './rest-directory.js';
import { directorySubject, RestSettingsError } from './rest-error.js';
import { PRESETS } from './rest-presets.js';
import { restDirectorySchema } from './rest-settings.js';
import { resolveRestSettings } from './resolve-rest-settings.js';
import { DEFAULT_MAX_ANSWER_BYTES, type HttpClient } from './rest-transport.js';

/** What a REST directory needs from its surroundings. */
export interface RestDirectoryDeps {
  readonly rules: DialingRules;
  /** Where `{"env": "NAME"}` secrets are read (process.env in the app). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default: a new axios instance. */
  readonly http?: HttpClient | undefined;
  /** Default: node:fs/promises readFile. */
  readonly readFile?: ((file: string) => Promise<Buffer | string>) | undefined;
  /** The settings file's folder, against which a relative `tls.caFile` is read. */
  readonly baseDir?: string | undefined;
  /** Told about switched-off TLS checks, credentials over plain http, skipped results. */
  readonly onWarning?: ((message: string) => void) | undefined;
  /** Default 2 MiB. */
  readonly maxAnswerBytes?: number | undefined;
  /** The clock for request timeouts (default: the system's). */
  readonly clock?: Clock | undefined;
}

/**
 * The directory a settings entry describes.
 * @throws RestSettingsError listing every problem of the entry, a missing environment
 *   variable, or an unreadable CA file.
 */
export async function createRestDirectory(
  settings: unknown,
  deps: RestDirectoryDeps,
): Promise<RestDirectory> {
  const parsed = restDirectorySchema.safeParse(settings);
  if (!parsed.success) {
    const preset = (settings as { preset?: unknown } | null)?.preset;
    const label =
      typeof preset === 'string' && preset in PRESETS
        ? PRESETS[preset as keyof typeof PRESETS].label
        : 'REST';
    const name = (settings as { name?: unknown } | null)?.name;
    throw new RestSettingsError(
      directorySubject(label, typeof name === 'string' ? name : label),
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`),
    );
  }
  const { config } = resolveRestSettings(parsed.data);
  const subject = directorySubject(config.label, config.name);
  const warn = deps.onWarning ?? (() => undefined);

  let auth: AuthConfig<string>;
  try {
    auth = resolveAuthSecrets(config.auth, deps.env);
  } catch (error) {
    if (error instanceof SecretError) throw new RestSettingsError(subject, [`credentials: ${error.message}`]);
    throw error;
  }

  let httpsAgent: Agent | undefined;
  if (config.tls.caFile !== null || !config.tls.verify) {
    const ca = config.tls.caFile === null ? undefined : await readCa(config.tls.caFile, deps, subject);
    httpsAgent = new Agent({ keepAlive: true, rejectUnauthorized: config.tls.verify, ca });
    if (!config.tls.verify)
      warn(
        `${subject}: TLS certificates are not verified (tls.verify is false); anyone in between can read the credentials`,
      );
  }
  if (config.unverified)
    warn(
      `${subject}: this preset is unverified (no public ${config.label} REST reference was found): check its search path, answer fields and action URLs against your installation`,
    );
  if (auth.type !== 'none' && config.baseUrl !== null && isRemotePlainHttp(config.baseUrl))
    warn(`${subject}: credentials are sent unencrypted over http://; use https://`);

  return new RestDirectory({
    config: { ...config, auth },
    rules: deps.rules,
    transport: {
      http: deps.http ?? axios.create(),
      timeoutMs: config.timeoutMs,
      clock: deps.clock ?? systemClock,
      maxBytes: deps.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES,
      httpsAgent,
    },
    onWarning: deps.onWarning,
    onClose: () => httpsAgent?.destroy(),
  });
}

function resolveAuthSecrets(
  auth: AuthConfig,
  env: Readonly<Record<string, string | undefined>>,
): AuthConfig<string> {
  const secret = (value: SecretSetting) => resolveSecret(value, env);
  switch (auth.type) {
    case 'none':
      return auth;
    case 'basic':
    case 'login':
      return { ...auth, password: secret(auth.password) };
    case 'bearer':
    case 'header':
      return { ...auth, token: secret(auth.token) };
  }
}

/** The CA file's certificates, added to (not replacing) the bundled public roots. */
async function readCa(file: string, deps: RestDirectoryDeps, subject: string): Promise<string[]> {
  if (!path.isAbsolute(file) && !startsAtHome(file) && deps.baseDir === undefined)
    throw new RestSettingsError(subject, [`tls.caFile: must be an absolute path here (${file})`]);
  const absolute = resolveUserPath(deps.baseDir ?? '', file);
  let text: string;
  try {
    text = String(await (deps.readFile ?? readFileFromDisk)(absolute));
  } catch (error) {
    const reason =
      (error as { code?: unknown } | null)?.code ?? (error instanceof Error ? error.message : error);
    throw new RestSettingsError(subject, [`tls.caFile: cannot read ${absolute} (${String(reason)})`]);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new RestSettingsError(subject, [`tls.caFile: ${absolute} holds no PEM certificate`]);
  return [...rootCertificates, text];
}

function isRemotePlainHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
}
