import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir.js';
import { loadSettings, SettingsError } from './load-settings.js';
import { loadDialingRules, loadSettingsRules } from './load-rules.js';

const tempDir = useTempDir();
const options = { defaultRegion: 'DE', required: true };

async function problemsOf(run: () => Promise<unknown>): Promise<readonly string[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('no SettingsError');
}

describe('loadSettings', () => {
  it('reads the documented example, completing rules and resolving paths against the file', async () => {
    const dir = tempDir({
      'config.json': JSON.stringify({
        dialingRules: { countryCode: '49', areaCode: '211', baseNumber: '339903', extensionMaxLength: 3 },
        line: { provider: 'simulator', line: '12' },
        directories: [
          { type: 'csv', path: 'contacts.csv' },
          { type: 'vcard', path: 'contacts.vcf' },
        ],
      }),
      'contacts.csv': '',
      'contacts.vcf': '',
    });
    const settings = await loadSettings(`${dir}/config.json`, options);
    expect(settings.dialingRules).toMatchObject({
      countryCode: '49',
      trunkPrefix: '0',
      internationalPrefix: '00',
    });
    expect(settings.line).toEqual({ provider: 'simulator', line: '12' });
    expect(settings.directories.map((directory) => ('path' in directory ? directory.path : null))).toEqual([
      `${dir}/contacts.csv`,
      `${dir}/contacts.vcf`,
    ]);
  });

  it('reports every problem with its path', async () => {
    const dir = tempDir({
      'config.json': JSON.stringify({
        dialingRules: { countryCode: 'DE' },
        line: { provider: 'telepathy' },
        directories: [{ type: 'csv', path: 'here.csv' }, { type: 'csv' }],
      }),
    });
    const problems = await problemsOf(() => loadSettings(`${dir}/config.json`, options));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dialingRules\.countryCode: /),
        expect.stringMatching(/^line\.provider: /),
        expect.stringMatching(/^directories\[1\]\.path: /),
      ]),
    );
  });

  it('names a missing address book by its place in the file', async () => {
    const dir = tempDir({
      'config.json': JSON.stringify({
        directories: [
          { type: 'csv', path: 'a.csv' },
          { type: 'vcard', path: 'gone.vcf' },
        ],
      }),
      'a.csv': '',
    });
    expect(await problemsOf(() => loadSettings(`${dir}/config.json`, options))).toEqual([
      `directories[1].path: file not found (${dir}/gone.vcf)`,
    ]);
  });

  it('reports broken JSON and unknown keys', async () => {
    const dir = tempDir({ 'broken.json': '{"dialingRules": {', 'typo.json': '{"dialingRule": {}}' });
    expect((await problemsOf(() => loadSettings(`${dir}/broken.json`, options)))[0]).toMatch(
      /^not valid JSON/,
    );
    expect((await problemsOf(() => loadSettings(`${dir}/typo.json`, options)))[0]).toMatch(/dialingRule/);
  });

  it('uses defaults when an optional file is missing, and fails when a required one is', async () => {
    const dir = tempDir();
    const settings = await loadSettings(`${dir}/none.json`, { defaultRegion: 'FR', required: false });
    expect(settings.source).toBeNull();
    expect(settings.dialingRules.countryCode).toBe('33');
    expect(await problemsOf(() => loadSettings(`${dir}/none.json`, options))).toEqual(['file not found']);
  });
});

describe('loadDialingRules', () => {
  it('reads a rules file, BOM and all', async () => {
    const dir = tempDir({
      'rules.json': '\uFEFF{"countryCode": "1", "areaCode": "425", "outsideLineAccess": "9"}',
    });
    expect(await loadDialingRules(`${dir}/rules.json`, 'DE')).toMatchObject({
      countryCode: '1',
      trunkPrefix: '1',
    });
  });

  it('reports bad fields by name', async () => {
    const dir = tempDir({ 'rules.json': '{"countryCode": "49", "outsideLineAccess": "O"}' });
    expect(await problemsOf(() => loadDialingRules(`${dir}/rules.json`, 'DE'))).toEqual([
      'outsideLineAccess: must contain digits only',
    ]);
  });
});

describe('loadSettingsRules', () => {
  it('reads only the dialing rules: a problem elsewhere in the file does not stop a number', async () => {
    const dir = tempDir({
      'settings.json': JSON.stringify({
        dialingRules: { countryCode: '49', areaCode: '211', outsideLineAccess: '0' },
        directories: [{ type: 'ldap', url: 'ldap://dc.example', baseDn: 'dc=example', filter: '(broken' }],
      }),
    });
    expect(await problemsOf(() => loadSettings(`${dir}/settings.json`, options))).not.toEqual([]);
    expect(
      await loadSettingsRules(`${dir}/settings.json`, { defaultRegion: 'US', required: true }),
    ).toMatchObject({
      countryCode: '49',
      areaCode: '211',
      outsideLineAccess: '0',
    });
  });

  it('names a wrong rule by its path in the settings file', async () => {
    const dir = tempDir({
      'settings.json': '{"dialingRules": {"countryCode": "49", "outsideLineAccess": "O"}}',
    });
    expect(await problemsOf(() => loadSettingsRules(`${dir}/settings.json`, options))).toEqual([
      'dialingRules.outsideLineAccess: must contain digits only',
    ]);
  });

  it('uses the locale’s rules when no settings file exists, and refuses a file that is no object', async () => {
    const dir = tempDir({ 'list.json': '[1]' });
    const rules = await loadSettingsRules(`${dir}/none.json`, { defaultRegion: 'FR', required: false });
    expect(rules.countryCode).toBe('33');
    expect(await problemsOf(() => loadSettingsRules(`${dir}/none.json`, options))).toEqual([
      'file not found',
    ]);
    expect(await problemsOf(() => loadSettingsRules(`${dir}/list.json`, options))).toEqual([
      'the settings must be a JSON object',
    ]);
  });
});

describe('paths from the home folder', () => {
  it('expands ~ in an address book path, as the wizard’s file field accepts it', async () => {
    const home = tempDir({ 'book.csv': 'Name,Phone\nAnna,0211 5551234\n' });
    const dir = tempDir({ 'config.json': '{"directories": [{"type": "csv", "path": "~/book.csv"}]}' });
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      const settings = await loadSettings(`${dir}/config.json`, options);
      expect(settings.directories[0]).toMatchObject({ path: `${home}/book.csv` });
    } finally {
      process.env.HOME = saved;
    }
  });
});
