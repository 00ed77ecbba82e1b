import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { openHostSecretStore } from '../settings/host-secrets.js';
import { SettingsError } from './settings/load-settings.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { boot, type Booted, type BootOptions } from './boot.js';

const tempDir = useTempDir();
const running: Booted[] = [];
afterEach(async () => {
  for (const each of running.splice(0)) await each.runtime.stop();
});

async function start(dir: string, over: Partial<BootOptions> = {}) {
  const warnings: string[] = [];
  const booted = await boot({
    configFile: path.join(dir, 'config.json'),
    required: false,
    editable: true,
    profileDir: dir,
    dataDir: dir,
    templatesDir: bundledTemplatesDir(),
    locale: 'de-DE',
    defaultRegion: 'DE',
    env: {},
    openSecrets: () => openHostSecretStore(dir, (message) => warnings.push(message)),
    onWarning: (message) => warnings.push(message),
    clock: new FakeClock(),
    ...over,
  });
  running.push(booted);
  return { booted, warnings };
}

describe('boot', () => {
  it('starts a first run on the defaults and offers the wizard', async () => {
    const { booted, warnings } = await start(tempDir());
    expect(booted.firstRun).toBe(true);
    expect(booted.problems).toEqual([]);
    expect(booted.runtime.companion.lineStatus()).toMatchObject({
      provider: 'simulator',
      state: 'connected',
    });
    expect(warnings).toEqual([]);
  });

  it('starts on the simulator with the problems listed when the file cannot be used, and keeps it to fix', async () => {
    const dir = tempDir({
      'config.json': JSON.stringify({ line: { provider: 'ami', host: 'pbx', username: 'ringdesk' } }),
    });
    const { booted, warnings } = await start(dir);
    expect(booted.firstRun).toBe(false);
    expect(booted.problems.length).toBeGreaterThan(0);
    expect(booted.problems.join('\n')).toMatch(/line/);
    expect(warnings.some((warning) => warning.startsWith('settings: '))).toBe(true);
    expect(booted.runtime.companion.lineStatus().provider).toBe('simulator');
    // The settings window opens the file as it is, problems at their fields.
    const view = await booted.settings?.read();
    expect(view?.problems.length).toBeGreaterThan(0);
  });

  it('refuses a file the face was told must exist and that is missing', async () => {
    const dir = tempDir();
    await expect(start(dir, { configFile: path.join(dir, 'missing.json'), required: true })).rejects.toThrow(
      SettingsError,
    );
  });

  it('runs the hooks after a save, once the new settings run, and current() follows', async () => {
    const dir = tempDir({ 'config.json': JSON.stringify({ line: { provider: 'simulator', line: '12' } }) });
    const { booted, warnings } = await start(dir);
    const seen: string[] = [];
    booted.onSaved((saved) => {
      seen.push(`${saved.line.line}:${booted.runtime.companion.lineStatus().line}`);
    });
    booted.onSaved(() => {
      throw new Error('hook broke');
    });
    const saved = await booted.settings?.save({ line: { provider: 'simulator', line: '13' } });
    expect(saved).toEqual({ ok: true });
    expect(seen).toEqual(['13:13']);
    expect(booted.current().line.line).toBe('13');
    expect(warnings).toContain('after saving: hook broke');
  });

  it('has no settings service for settings that are not the user’s (the demo)', async () => {
    const { booted } = await start(tempDir(), { editable: false });
    expect(booted.settings).toBeNull();
  });
});

describe('boot with site settings', () => {
  const SITE = {
    settings: {
      dialingRules: { countryCode: '49', areaCode: '211', extensionMaxLength: 3 },
      popup: { corner: 'top-left' },
      app: { language: 'de' },
    },
    locked: ['dialingRules'],
  };

  it('runs the site’s settings under the user’s, shows the locked keys, and saves only what the user chose', async () => {
    const dir = tempDir({
      'site.json': JSON.stringify(SITE),
      'config.json': JSON.stringify({ dialingRules: { countryCode: '43' }, app: { language: 'en' } }),
    });
    const { booted, warnings } = await start(dir, { siteSource: path.join(dir, 'site.json') });
    expect(warnings).toEqual([]);
    // Locked: the site's rules, whatever the user's file says; unlocked: the user's language.
    expect(booted.current().dialingRules).toMatchObject({ countryCode: '49', areaCode: '211' });
    expect(booted.current().app.language).toBe('en');
    expect(booted.current().popup.corner).toBe('top-left');

    const view = await booted.settings?.read();
    expect(view?.site).toEqual({ source: path.join(dir, 'site.json'), locked: ['dialingRules'] });
    const shown = view?.document as Record<string, Record<string, unknown>>;
    expect(shown.dialingRules).toEqual(SITE.settings.dialingRules);

    // A locked key changed by hand is refused; the rest saves, and the file keeps only the user's part.
    const changed = { ...shown, dialingRules: { ...shown.dialingRules, areaCode: '89' } };
    const refused = await booted.settings?.save(changed);
    expect(refused?.ok).toBe(false);
    const problems = refused?.ok === false ? refused.problems : [];
    expect(problems.map((problem) => problem.path)).toEqual(['dialingRules']);
    expect(problems[0]?.message).toMatch(/set by your administrator/);
    expect(await booted.settings?.save({ ...shown, popup: { corner: 'bottom-right' } })).toEqual({
      ok: true,
    });
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({
      app: { language: 'en' },
      popup: { corner: 'bottom-right' },
    });
    expect(booted.current().popup.corner).toBe('bottom-right');
  });

  it('passes a later change of the site’s defaults on to a user who never overrode them', async () => {
    const dir = tempDir({ 'site.json': JSON.stringify(SITE) });
    const first = await start(dir, { siteSource: path.join(dir, 'site.json') });
    expect(first.booted.firstRun).toBe(true);
    const view = await first.booted.settings?.read();
    expect(await first.booted.settings?.save(view?.document)).toEqual({ ok: true });
    await first.booted.runtime.stop();
    writeFileSync(
      path.join(dir, 'site.json'),
      JSON.stringify({ ...SITE, settings: { ...SITE.settings, popup: { corner: 'bottom-left' } } }),
    );
    const second = await start(dir, { siteSource: path.join(dir, 'site.json') });
    expect(second.booted.current().popup.corner).toBe('bottom-left');
  });
});
