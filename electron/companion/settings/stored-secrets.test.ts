import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir.js';
import { keyFileCipher } from '../../settings/key-file-cipher.js';
import { loadSettings } from './load-settings.js';
import { SecretStore } from '../../settings/secret-store.js';
import { isSecretPath, revealSecrets, sealSecrets } from './stored-secrets.js';

const tempDir = useTempDir();

async function store(dir = tempDir()) {
  return {
    dir,
    secrets: await SecretStore.open(
      path.join(dir, 'secrets.json'),
      await keyFileCipher(path.join(dir, 'key')),
    ),
  };
}

const OWNER = '/profiles/agent/config.json';
const ldap = (url: string, bindPassword: unknown) => ({
  type: 'ldap',
  url,
  baseDn: 'dc=example,dc=com',
  bindDn: 'cn=reader,dc=example,dc=com',
  bindPassword,
});

describe('stored secrets are bound to the place they were stored for', () => {
  it('knows the secret fields from the schema', () => {
    expect(isSecretPath(['line', 'token'])).toBe(true);
    expect(isSecretPath(['line', 'secret'])).toBe(true);
    expect(isSecretPath(['directories', 3, 'bindPassword'])).toBe(true);
    expect(isSecretPath(['line', 'line'])).toBe(false);
    expect(isSecretPath(['line', 'dial', 'username'])).toBe(false);
    expect(isSecretPath(['directories', 0, 'name'])).toBe(false);
  });

  it('refuses a reference moved into a field that is no secret, or to another secret field', async () => {
    const { secrets } = await store();
    const { document } = await sealSecrets(
      { line: { provider: 'action-url', token: { secret: 'the-webhook-token-1' } } },
      secrets,
      OWNER,
    );
    const id = (document as { line: { token: { stored: string } } }).line.token.stored;
    const reveal = (doc: unknown) => revealSecrets(doc, secrets, { owner: OWNER });
    expect((await reveal(document)).document).toEqual({
      line: { provider: 'action-url', token: 'the-webhook-token-1' },
    });
    // The attack: the status shows `line.line`, dial-by-URL sends `dial.username`.
    const moved = await reveal({
      line: { provider: 'action-url', line: { stored: id }, token: { stored: id } },
    });
    expect(moved.problems).toEqual([
      'line.line: only a secret field (a password or token) can hold a stored secret',
    ]);
    expect((moved.document as { line: { line: unknown } }).line.line).toEqual({ stored: id });
    const username = await reveal({ line: { dial: { username: { stored: id } } } });
    expect(username.problems).toEqual([
      'line.dial.username: only a secret field (a password or token) can hold a stored secret',
    ]);
    const password = await reveal({ line: { dial: { password: { stored: id } } } });
    expect(password.problems).toEqual([
      'line.dial.password: this stored secret was saved for line.token: type it again here',
    ]);
    expect(JSON.stringify([username.document, password.document])).not.toContain('the-webhook-token-1');
  });

  it('refuses a typed secret outside a secret field, and stores nothing then', async () => {
    const { dir, secrets } = await store();
    const sealed = await sealSecrets(
      { line: { line: { secret: 'x' }, token: { secret: 'y' } } },
      secrets,
      OWNER,
    );
    expect(sealed.problems).toEqual([
      'line.line: only a secret field (a password or token) can hold a secret',
    ]);
    expect(() => readFileSync(path.join(dir, 'secrets.json'))).toThrow(/ENOENT/);
  });

  it('lets a secret follow its directory when one above it is removed, but not to another server', async () => {
    const { secrets } = await store();
    const first = await sealSecrets(
      {
        directories: [
          { type: 'csv', path: 'book.csv' },
          ldap('ldaps://dc1.example.com', { secret: 'bind-pa55' }),
        ],
      },
      secrets,
      OWNER,
    );
    const id = (first.document as { directories: [unknown, { bindPassword: { stored: string } }] })
      .directories[1].bindPassword.stored;
    const followed = await revealSecrets(
      { directories: [ldap('ldaps://dc1.example.com', { stored: id })] },
      secrets,
      { owner: OWNER, bind: true },
    );
    expect(followed.problems).toEqual([]);
    expect(secrets.binding(id)).toMatchObject({ path: 'directories[0].bindPassword' });
    const elsewhere = await revealSecrets(
      {
        directories: [
          ldap('ldaps://dc1.example.com', { stored: id }),
          ldap('ldap://evil.example', { stored: id }),
        ],
      },
      secrets,
      { owner: OWNER },
    );
    expect(elsewhere.problems).toEqual([
      'directories[1].bindPassword: this stored secret already stands at another place: type it again here',
    ]);
    const otherServer = await revealSecrets(
      { directories: [{ type: 'csv', path: 'x.csv' }, ldap('ldap://evil.example', { stored: id })] },
      secrets,
      { owner: OWNER },
    );
    expect(otherServer.problems).toEqual([
      'directories[1].bindPassword: this stored secret was saved for directories[0].bindPassword: type it again here',
    ]);
    expect(JSON.stringify(otherServer.document)).not.toContain('bind-pa55');
  });

  it('never reveals another settings file’s secret', async () => {
    const { secrets } = await store();
    const other = await sealSecrets(
      { line: { secret: { secret: 'theirs' } } },
      secrets,
      '/profiles/other.json',
    );
    const id = (other.document as { line: { secret: { stored: string } } }).line.secret.stored;
    const mine = await revealSecrets({ line: { secret: { stored: id } } }, secrets, { owner: OWNER });
    expect(mine.problems).toEqual([
      `line.secret: the secret "${id}" belongs to another settings file: enter it again here`,
    ]);
  });

  it('binds an older secret, which carries only its owner, where the next load finds it', async () => {
    const dir = tempDir();
    const { secrets } = await store(dir);
    const file = path.join(dir, 'config.json');
    const id = await secrets.put('ami-secret-1', file);
    expect(secrets.binding(id)).toEqual({ owner: file, path: undefined, address: undefined });
    writeFileSync(
      file,
      JSON.stringify({
        line: {
          provider: 'ami',
          line: '12',
          host: 'pbx.example.com',
          username: 'ringdesk',
          secret: { stored: id },
        },
      }),
    );
    const reopened = (await store(dir)).secrets;
    const settings = await loadSettings(file, { defaultRegion: 'DE', required: true, secrets: reopened });
    expect(settings.line).toMatchObject({ secret: 'ami-secret-1' });
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as {
      secrets: Record<string, { path?: string }>;
    };
    expect(onDisk.secrets[id]?.path).toBe('line.secret');
    // Bound now: the same reference elsewhere is refused.
    const moved = await revealSecrets({ line: { username: { stored: id } } }, reopened, { owner: file });
    expect(moved.problems).toHaveLength(1);
  });
});
