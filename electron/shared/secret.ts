/**
 * A secret in the settings (a PBX password, an API token, a webhook token): never required to
 * sit in the file in clear text. It may be written as `{"env": "NAME"}` (read from the
 * environment when the settings are used) or `{"stored": "id"}` (sealed in the secret store, see
 * secret-store.ts); a plain string is accepted for development and tests.
 */
import { z } from 'zod';
import { secretField } from './field-kinds.js';

/** `{"env": "NAME"}`: the secret is the value of that environment variable. */
export const envSecretSchema = z
  .object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') })
  .strict();

export const secretSchema = secretField(z.union([z.string().min(1, 'must not be empty'), envSecretSchema]));

export type SecretSetting = z.infer<typeof secretSchema>;

/** A secret that cannot be resolved (the variable is not set). */
export class SecretError extends Error {
  override readonly name = 'SecretError';
}

/** The secret's value. @throws SecretError naming the missing variable. */
export function resolveSecret(
  secret: SecretSetting,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (typeof secret === 'string') return secret;
  const value = env[secret.env];
  if (value === undefined || value === '')
    throw new SecretError(`the environment variable ${secret.env} is not set`);
  return value;
}
