import { describe, expect, it } from 'vitest';
import { resolveSecret, secretSchema, SecretError } from './secret.js';

describe('secrets in the settings', () => {
  it('reads a secret from the environment or takes it as written', () => {
    expect(resolveSecret({ env: 'AMI_SECRET' }, { AMI_SECRET: 's3cret' })).toBe('s3cret');
    expect(resolveSecret('plain', {})).toBe('plain');
  });

  it('names the missing variable', () => {
    expect(() => resolveSecret({ env: 'AMI_SECRET' }, {})).toThrow(SecretError);
    expect(() => resolveSecret({ env: 'AMI_SECRET' }, {})).toThrow(/AMI_SECRET is not set/);
  });

  it('refuses malformed secrets', () => {
    expect(secretSchema.safeParse('').success).toBe(false);
    expect(secretSchema.safeParse({ env: 'not a name' }).success).toBe(false);
    expect(secretSchema.safeParse({ env: 'X', extra: 1 }).success).toBe(false);
  });
});
