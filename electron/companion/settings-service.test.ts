import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { keyFileCipher } from '../settings/key-file-cipher.js';
import { defaultSettings, loadSettings, type Settings } from './settings/load-settings.js';
import { SecretStore } from '../settings/secret-store.js';
import { FakeHelpdesk } from '../test-support/rest-fake-helpdesk.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { CompanionRuntime } from './companion-runtime.js';
import { createCompanion } from './create-companion.js';
import { SettingsService } from './settings-service.js';

const tempDir = useTempDir();

async function service() {
  const dir = tempDir({ 'book.csv': 'Name,Phone\nAnna Becker,0211 5551234\n' });
  const secrets = await SecretStore.open(
    path.join(dir, 'secrets.json'),
    await keyFileCipher(path.join(dir, 'secret.key')),
  );
  let current: Settings = defaultSettings('DE');
  const environment = {
    dataDir: dir,
    templatesDir: bundledTemplatesDir(),
    locale: 'en-GB',
    env: {},
    onWarning: () => undefined,
  };
  // A line called "broken" passes every check but cannot start, as a taken port would.
  const runtime = await CompanionRuntime.start(current, (settings) =>
    settings.line.line === 'broken'
      ? Promise.reject(new Error('the bridge will not run'))
      : createCompanion(settings, environment),
  );
  const events: string[] = [];
  runtime.onEvent((event) => events.push(event.channel));
  const settings = new SettingsService({
    file: path.join(dir, 'config.json'),
    dataDir: dir,
    defaultRegion: 'DE',
    secrets,
    env: {},
    current: () => current,
    popups: () => runtime.parts.popups,
    templates: () => runtime.parts.templates,
    onSaved: async (saved) => {
      current = saved;
      await runtime.replace(saved);
    },
  });
  return { dir, secrets, settings, runtime, events };
}

describe('SettingsService', () => {
  it('reports a first run when there is no settings file yet', async () => {
    const { settings, runtime } = await service();
    expect(await settings.read()).toMatchObject({ document: {}, firstRun: true });
    await runtime.stop();
  });

  it('saves atomically, moves secrets into the store, and restarts the line with the new settings', async () => {
    const { dir, settings, runtime, events } = await service();
    const document = {
      dialingRules: { countryCode: '49', areaCode: '211' },
      line: {
        provider: 'action-url',
        listen: '127.0.0.1:0',
        token: { secret: 'a-very-secret-token-123' },
        kix: {},
      },
      directories: [{ type: 'csv', path: 'book.csv', name: 'Book' }],
    };
    expect(await settings.save(document)).toEqual({ ok: true });
    const text = readFileSync(path.join(dir, 'config.json'), 'utf8');
    expect(text).not.toContain('a-very-secret-token-123');
    expect(JSON.parse(text)).toMatchObject({ line: { token: { stored: expect.any(String) as unknown } } });
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(runtime.provider.kind).toBe('action-url');
    expect(events).toContain('snapshot');
    const reread = await settings.read();
    expect(reread.firstRun).toBe(false);
    const loaded = await loadSettings(path.join(dir, 'config.json'), {
      defaultRegion: 'DE',
      required: true,
      secrets: await SecretStore.open(
        path.join(dir, 'secrets.json'),
        await keyFileCipher(path.join(dir, 'secret.key')),
      ),
    });
    expect(loaded.line).toMatchObject({ provider: 'action-url', token: 'a-very-secret-token-123' });
    await runtime.stop();
  });

  it('puts the previous file back when new settings cannot start, and keeps running the old ones', async () => {
    const { dir, settings, secrets, runtime } = await service();
    const first = {
      line: {
        provider: 'action-url',
        listen: '127.0.0.1:0',
        token: { secret: 'the-first-secret-token' },
        kix: {},
      },
    };
    expect(await settings.save(first)).toEqual({ ok: true });
    const saved = readFileSync(path.join(dir, 'config.json'), 'utf8');
    const result = await settings.save({ line: { provider: 'simulator', line: 'broken' } });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: '',
          message: 'these settings cannot start (the bridge will not run); the previous ones are running',
        },
      ],
    });
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(saved);
    expect(runtime.provider.kind).toBe('action-url');
    const { stored } = (JSON.parse(saved) as { line: { token: { stored: string } } }).line.token;
    await expect(secrets.get(stored, path.join(dir, 'config.json'))).resolves.toBe('the-first-secret-token');
    await runtime.stop();
  });

  it('sends a saved secret in a test only to the server it was saved for', async () => {
    const { dir, settings, runtime } = await service();
    const fake = await FakeHelpdesk.start({ token: 'zammad-token-1' });
    const helpdesk = { type: 'rest', preset: 'zammad', name: 'Desk', baseUrl: fake.origin };
    expect(
      await settings.save({
        directories: [{ ...helpdesk, credentials: { token: { secret: 'zammad-token-1' } } }],
      }),
    ).toEqual({ ok: true });
    const saved = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as {
      directories: [{ credentials: { token: unknown } }];
    };
    const token = saved.directories[0].credentials.token;
    const sameServer = await settings.testDirectory({ ...helpdesk, name: 'Renamed', credentials: { token } });
    expect(sameServer).toMatchObject({ directory: 'Renamed', ok: true });
    await fake.close();
    const elsewhere = await settings.testDirectory({
      ...helpdesk,
      baseUrl: 'http://attacker.example',
      credentials: { token },
    });
    expect(elsewhere).toEqual({
      ok: false,
      problems: [
        {
          path: 'credentials.token',
          message:
            'a saved secret is only sent to the server it was saved for: type it again to test this one',
        },
      ],
    });
    await runtime.stop();
  });

  it('shows what is wrong with a hand-edited file, and keeps one that is not JSON when saving over it', async () => {
    const { dir, settings, runtime } = await service();
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ dialingRules: { areaCode: '02x1' } }));
    expect(await settings.read()).toMatchObject({
      firstRun: false,
      problems: [{ path: 'dialingRules.areaCode', message: 'must contain digits only' }],
    });
    writeFileSync(path.join(dir, 'config.json'), '{"line": {"provider": "simulator",');
    expect(await settings.read()).toMatchObject({
      document: {},
      problems: [{ path: '', message: expect.stringMatching(/not valid JSON/) as unknown }],
    });
    expect(await settings.save({})).toEqual({ ok: true });
    expect(readFileSync(path.join(dir, 'config.json.broken'), 'utf8')).toBe(
      '{"line": {"provider": "simulator",',
    );
    await runtime.stop();
  });

  it('returns every problem by field and saves nothing', async () => {
    const { dir, settings, runtime } = await service();
    const result = await settings.save({
      dialingRules: { countryCode: '999', outsideLineAccess: 'O' },
      directories: [{ type: 'csv', path: 'missing.csv' }],
    });
    expect(result).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { path: 'dialingRules.countryCode', message: expect.stringMatching(/not an assigned/) as unknown },
        { path: 'dialingRules.outsideLineAccess', message: 'must contain digits only' },
      ]) as unknown,
    });
    expect(() => readFileSync(path.join(dir, 'config.json'))).toThrow();
    expect(runtime.provider.kind).toBe('simulator');
    await runtime.stop();
  });

  it('tests a line and a directory before they are saved', async () => {
    const { settings, runtime } = await service();
    expect(
      await settings.testLine({
        provider: 'action-url',
        listen: '127.0.0.1:0',
        token: { secret: 'another-long-token-123' },
        phone: {},
      }),
    ).toMatchObject({
      ok: true,
      checks: [
        { check: 'connect', ok: true },
        { check: 'endpoints', ok: true },
      ],
      product: 'desk-phone',
      target: '127.0.0.1:0',
    });
    // A refused connect (port 9 on loopback: nothing listens) names its problem for the form's words.
    expect(
      await settings.testLine({
        provider: 'ami',
        host: '127.0.0.1',
        port: 9,
        username: 'ringdesk',
        secret: { secret: 'not-used-here' },
        line: '12',
      }),
    ).toMatchObject({
      ok: false,
      checks: [{ check: 'connect', ok: false, problem: 'refused' }],
      product: 'asterisk',
      target: '127.0.0.1:9',
    });
    expect(await settings.testLine({ provider: 'action-url', token: 'short' })).toMatchObject({
      ok: false,
      problems: [{ path: 'line.token' }],
    });
    expect(await settings.testDirectory({ type: 'vcard', path: '/nonexistent/book.vcf' })).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/ENOENT/) as unknown,
    });
    await runtime.stop();
  });

  it('reads a relative address book path from the settings file’s folder, as saving would', async () => {
    const { settings, runtime } = await service();
    expect(await settings.testDirectory({ type: 'csv', path: 'book.csv' })).toMatchObject({
      ok: true,
      detail: '1 contact',
    });
    await runtime.stop();
  });

  it('lists the simulated PBX’s lines for the wizard to pick from', async () => {
    const { settings, runtime } = await service();
    const result = await settings.testLine({ provider: 'simulator', line: '12' });
    expect(result).toMatchObject({ ok: true });
    expect('lines' in result ? result.lines.map((line) => line.id) : []).toEqual(['10', '11', '12', '13']);
    await runtime.stop();
  });

  it('previews numbers with unsaved rules, and popups with a sample caller', async () => {
    const { settings, runtime } = await service();
    expect(
      settings.previewNumber({ countryCode: '1', areaCode: '425', outsideLineAccess: '9' }, '206 555 0100'),
    ).toMatchObject({
      e164: '+12065550100',
      kind: 'national',
      dialable: '912065550100',
      display: '(206) 555-0100',
    });
    expect(settings.previewNumber({ countryCode: '49' }, 'call me')).toEqual({
      error: 'letter "c" at position 1: a phone number has digits only',
      warnings: [],
    });
    expect(settings.previewNumber({ countryCode: 'x' }, '1')).toMatchObject({
      error: expect.stringMatching(/countryCode/) as unknown,
    });
    expect((await settings.previewPopup('contact-details')).html).toContain('Anna Becker');
    await runtime.stop();
  });

  it('warns, with the number preview, when extensions reach the country’s emergency numbers', async () => {
    const { settings, runtime } = await service();
    const berlin = { countryCode: '49', areaCode: '30', baseNumber: '1234', extensionMaxLength: 3 };
    const preview = settings.previewNumber(berlin, '112');
    expect(preview).toMatchObject({ kind: 'short', dialable: '112', e164: null });
    expect(preview.warnings).toEqual([
      {
        path: 'dialingRules.extensionMaxLength',
        code: 'extension-reaches-emergency-numbers',
        numbers: ['110', '112'],
        message: expect.stringMatching(/up to 3 digits include 110 and 112, emergency numbers/) as unknown,
      },
      {
        path: 'dialingRules.extensionMaxLength',
        code: 'extension-reaches-service-numbers',
        numbers: ['115'],
        message: expect.stringMatching(/115, a service number/) as unknown,
      },
    ]);
    expect(settings.previewNumber(berlin, 'x').warnings).toHaveLength(2);
    expect(settings.previewNumber({ ...berlin, extensionMaxLength: 2 }, '112').warnings).toEqual([]);
    await runtime.stop();
  });

  it('previews the popup with the dialing rules just entered, and says what empty fields mean', async () => {
    const { settings, runtime } = await service();
    const vienna = await settings.previewPopup('contact-details', { countryCode: '43', areaCode: '1' });
    expect(vienna.html).toContain('<span class="rd-display">01 5551234</span>');
    const austria = await settings.previewPopup('contact-details', { countryCode: '43' });
    expect(austria.html).toMatch(/<span class="rd-display">0664 \d/);
    expect(settings.previewNumber({ countryCode: '43' }, '1')).toMatchObject({
      rules: { trunkPrefix: '0', internationalPrefix: '00' },
    });
    expect(settings.previewNumber({ countryCode: '1' }, '1')).toMatchObject({
      rules: { trunkPrefix: '1', internationalPrefix: '011' },
    });
    await runtime.stop();
  });

  it('checks a step without saving or storing anything', async () => {
    const { settings, runtime, dir } = await service();
    expect(await settings.check({ directories: [{ type: 'csv', path: 'book.csv' }] })).toEqual({ ok: true });
    expect(await settings.check({ directories: [{ type: 'csv', path: 'gone.csv' }] })).toEqual({
      ok: false,
      problems: [{ path: 'directories[0].path', message: `file not found (${path.join(dir, 'gone.csv')})` }],
    });
    const withToken = {
      line: {
        provider: 'action-url',
        line: '12',
        listen: '127.0.0.1:0',
        token: { secret: 'x'.repeat(20) },
        zammad: {},
      },
    };
    expect(await settings.check(withToken)).toEqual({ ok: true });
    expect(() => readFileSync(path.join(dir, 'config.json'))).toThrow();
    expect(() => readFileSync(path.join(dir, 'secrets.json'))).toThrow();
    await runtime.stop();
  });

  it('refuses in a check what a save refuses: a typed secret outside a secret field, a path the API may not set', async () => {
    const { settings, runtime, dir } = await service();
    const misplaced = await settings.check({
      dialingRules: { countryCode: '49', areaCode: { secret: '211' } },
    });
    expect(misplaced).toEqual({
      ok: false,
      problems: [
        {
          path: 'dialingRules.areaCode',
          message: 'only a secret field (a password or token) can hold a secret',
        },
      ],
    });
    const outside = await settings.check({ recordLine: path.join(path.dirname(dir), 'elsewhere.jsonl') });
    expect(outside).toMatchObject({ ok: false, problems: [{ path: 'recordLine' }] });
    expect(await settings.check({ recordLine: path.join(dir, 'line.jsonl') })).toEqual({ ok: true });
    expect(() => readFileSync(path.join(dir, 'secrets.json'))).toThrow();
    await runtime.stop();
  });

  it('previews the actions each sample caller gets, with the global or a directory’s own URLs', async () => {
    const { settings, runtime } = await service();
    const global = { openContact: 'https://desk.example.com/c/{{contact.id}}' };
    const preview = settings.previewActions(global, undefined);
    if (!('samples' in preview)) throw new Error('no preview');
    expect(preview.samples[0]?.actions).toEqual([
      { id: 'open-contact', url: 'https://desk.example.com/c/1042' },
    ]);
    const own = settings.previewActions(global, {
      type: 'csv',
      path: 'book.csv',
      actions: { openContact: 'https://crm.example.com/p/{{contact.id}}' },
    });
    if (!('samples' in own)) throw new Error('no preview');
    expect(own.samples[0]?.actions).toEqual([{ id: 'open-contact', url: 'https://crm.example.com/p/1042' }]);
    expect(settings.previewActions({ openContact: 'javascript:alert(1)' }, undefined)).toEqual({
      ok: false,
      problems: [
        { path: 'actions.openContact', message: 'must be an http:// or https:// URL with a fixed host' },
      ],
    });
    await runtime.stop();
  });
});
