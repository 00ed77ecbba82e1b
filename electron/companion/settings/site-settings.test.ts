import { describe, expect, it } from 'vitest';
import {
  applySite,
  isLocked,
  lockedChanges,
  siteFileSchema,
  userPart,
  type SiteSettings,
} from './site-settings.js';

const site: SiteSettings = {
  source: '/etc/ringdesk/site.json',
  document: {
    line: { provider: 'ami', host: 'pbx.example.com', port: 5038, username: 'ringdesk' },
    dialingRules: { countryCode: '49', areaCode: '211' },
    directories: [{ type: 'csv', path: '/srv/book.csv' }],
  },
  locked: ['line.host', 'dialingRules'],
};

describe('site settings', () => {
  it('apply under the user’s own: objects key by key, arrays as a whole, locked keys always the site’s', () => {
    const merged = applySite(
      {
        line: { host: 'other-pbx', line: '7002', username: 'anna' },
        dialingRules: { countryCode: '43' },
        directories: [{ type: 'vcard', path: '/home/anna/book.vcf' }],
        app: { language: 'de' },
      },
      site,
    );
    expect(merged).toEqual({
      line: { provider: 'ami', host: 'pbx.example.com', port: 5038, username: 'anna', line: '7002' },
      dialingRules: { countryCode: '49', areaCode: '211' },
      directories: [{ type: 'vcard', path: '/home/anna/book.vcf' }],
      app: { language: 'de' },
    });
  });

  it('leave a locked key without a site value at its built-in default', () => {
    const merged = applySite({ popup: { corner: 'top-left' } }, { ...site, locked: ['popup.corner'] });
    expect(merged).not.toHaveProperty('popup.corner');
  });

  it('keep in the user’s file only what differs from the site, so a later site change reaches the user', () => {
    const shown = applySite({ line: { line: '7002' } }, site);
    expect(userPart(shown, site)).toEqual({ line: { line: '7002' } });
    const changed = { ...(shown as object), app: { language: 'de' } };
    expect(userPart(changed, site)).toEqual({ line: { line: '7002' }, app: { language: 'de' } });
  });

  it('name every locked key a document changes, and no other', () => {
    const shown = applySite({}, site);
    expect(lockedChanges(shown, shown, site)).toEqual([]);
    const edited = applySite({ line: { port: 5039 } }, site) as { line: Record<string, unknown> };
    expect(lockedChanges(edited, shown, site)).toEqual([]);
    const hostChanged = { ...edited, line: { ...edited.line, host: 'evil.example.com' } };
    expect(lockedChanges(hostChanged, shown, site)).toEqual([
      'line.host: set by your administrator (site settings /etc/ringdesk/site.json); it cannot be changed here',
    ]);
  });

  it('lock a key with everything under it, not its neighbours', () => {
    expect(isLocked(site, ['dialingRules', 'areaCode'])).toBe(true);
    expect(isLocked(site, ['line', 'host'])).toBe(true);
    expect(isLocked(site, ['line', 'hostname'])).toBe(false);
    expect(isLocked(site, ['line'])).toBe(false);
  });

  it('take no prototype from a hostile site document', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "app": {"language": "de"}}') as Record<
      string,
      unknown
    >;
    const merged = applySite({}, { ...site, document: hostile, locked: [] }) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.app).toEqual({ language: 'de' });
  });

  it('read a site file with a __proto__ key as data that sets nothing, through the schema', () => {
    const file = siteFileSchema.parse(
      JSON.parse('{"settings": {"__proto__": {"journal": {"path": "/tmp/x"}}, "app": {"language": "de"}}}'),
    );
    const merged = applySite(
      {},
      { source: 'site.json', document: file.settings, locked: file.locked },
    ) as Record<string, unknown>;
    expect(merged.journal).toBeUndefined();
    expect(Object.getPrototypeOf(file.settings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).journal).toBeUndefined();
    expect(merged.app).toEqual({ language: 'de' });
  });
});
