import { describe, expect, it } from 'vitest';
import { popupActions } from '../../popup/action-urls.js';
import { fillActionUrl } from '../../shared/action-templates.js';
import { RestSettingsError } from './rest-error.js';
import { resolveRestSettings, restDirectoryName, restDirectorySchema } from './rest-settings.js';

/** The problems zod reports for an entry, as "path: message". */
function problems(entry: unknown): string[] {
  const result = restDirectorySchema.safeParse(entry);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const resolve = (entry: unknown) => resolveRestSettings(restDirectorySchema.parse(entry));

const zammad = {
  type: 'rest',
  preset: 'zammad',
  baseUrl: 'https://helpdesk.example.com/',
  credentials: { token: { env: 'ZAMMAD_TOKEN' } },
};

describe('REST directory settings', () => {
  it('takes a preset with just the address and credentials', () => {
    const { config, actions } = resolve(zammad);
    expect(config.name).toBe('Zammad');
    expect(config.request.url).toBe(
      'https://helpdesk.example.com/api/v1/users/search?query=phone:{{number.tokens}}%20OR%20mobile:{{number.tokens}}&limit=50&expand=true',
    );
    expect(config.request.fallbackUrl).toBe(
      'https://helpdesk.example.com/api/v1/users/search?query={{number.short}}&limit=200&expand=true',
    );
    expect(config.auth).toEqual({
      type: 'header',
      header: 'Authorization',
      prefix: 'Token token=',
      token: { env: 'ZAMMAD_TOKEN' },
    });
    expect(config.tls).toEqual({ verify: true, caFile: null });
    expect(actions.openContact).toBe('https://helpdesk.example.com/#user/profile/{{contact.id}}');
  });

  it('keeps the preset’s fallback search unless the search is spelt out or the fallback switched off', () => {
    const own = '{{base}}/api/v1/users/search?query={{number.digits}}';
    expect(resolve({ ...zammad, request: { url: own } }).config.request.fallbackUrl).toBeNull();
    expect(resolve({ ...zammad, request: { fallbackUrl: false } }).config.request.fallbackUrl).toBeNull();
    expect(
      resolve({ ...zammad, request: { url: own, fallbackUrl: '{{base}}/x?q={{number.short}}' } }).config
        .request.fallbackUrl,
    ).toBe('https://helpdesk.example.com/x?q={{number.short}}');
    expect(problems({ ...zammad, request: { fallbackUrl: '{{base}}/x?q={{caller}}' } })).toEqual([
      'request.fallbackUrl: unknown placeholder {{caller}}',
    ]);
    expect(problems({ ...zammad, request: { fallbackUrl: 'https://{{number.short}}.evil/x' } })).toEqual([
      'request.fallbackUrl: must be an http:// or https:// URL with a fixed host',
    ]);
  });

  it("gives each preset's actions as the popup fills them", () => {
    const subject = {
      contact: { id: 'anna@example.com', name: 'Anna', company: null, email: null, directory: 'Znuny' },
      number: { raw: '0211 5551234', e164: '+492115551234', display: '0211 5551234', countryCode: '49' },
      callId: 'c1',
    };
    const znuny = resolve({
      type: 'rest',
      preset: 'znuny',
      baseUrl: 'https://desk.example/otrs',
      credentials: { username: 'ringdesk', password: 'x' },
    });
    // A known caller: open contact and new ticket; new contact is only for an unknown caller.
    expect(popupActions(subject, znuny.actions).map((action) => action.url)).toEqual([
      'https://desk.example/otrs/index.pl?Action=AgentCustomerUserInformationCenter;CustomerUserID=anna%40example.com',
      'https://desk.example/otrs/index.pl?Action=AgentTicketPhone;Subaction=StoreNew;ExpandCustomerName=2;CustomerUser=anna%40example.com',
    ]);
    expect(popupActions({ ...subject, contact: null }, znuny.actions).map((action) => action.url)).toEqual([
      'https://desk.example/otrs/index.pl?Action=AdminCustomerUser;Nav=Agent;Subaction=Add',
    ]);
    for (const preset of ['zammad', 'kix', 'consol', 'json'] as const) {
      const { actions } = resolve({
        type: 'rest',
        preset,
        baseUrl: 'https://desk.example',
        credentials:
          preset === 'zammad' ? { token: 't' } : preset === 'json' ? {} : { username: 'u', password: 'p' },
      });
      expect(Object.keys(actions), preset).toEqual(['openContact', 'newTicket', 'newContact']);
      for (const template of [actions.openContact, actions.newTicket, actions.newContact])
        expect(() => popupActions(subject, { openContact: template })).not.toThrow();
    }
  });

  it('overrides any field of a preset, and opens actions on a separate web address', () => {
    const { config, actions } = resolve({
      ...zammad,
      name: 'Helpdesk',
      webUrl: 'https://agents.example.com',
      timeoutMs: 800,
      request: { url: '{{base}}/api/v1/users/search?query={{number.national}}' },
      response: { company: 'organization_name' },
      listing: false,
      actions: { newContact: 'https://crm.example/new?tel={{number.digits}}' },
    });
    expect(config.name).toBe('Helpdesk');
    expect(config.timeoutMs).toBe(800);
    expect(config.request.url).toBe(
      'https://helpdesk.example.com/api/v1/users/search?query={{number.national}}',
    );
    expect(config.response.company).toBe('organization_name');
    expect(config.response.firstName).toBe('firstname');
    expect(config.listing).toBeNull();
    expect(actions.openContact).toBe('https://agents.example.com/#user/profile/{{contact.id}}');
    expect(fillActionUrl(actions.newContact ?? '', { 'number.digits': '492115551234' })).toBe(
      'https://crm.example/new?tel=492115551234',
    );
  });

  it('describes a fully custom API', () => {
    const { config } = resolve({
      type: 'rest',
      request: { method: 'POST', url: 'https://crm.example/api/find', body: '{"phone": "{{number.e164}}"}' },
      credentials: { token: 'abc' },
      response: { list: 'hits', id: 'key', name: 'display', phones: [{ path: 'tel' }] },
    });
    expect(config.name).toBe('crm.example');
    expect(config.label).toBe('REST');
    expect(config.auth).toEqual({ type: 'bearer', token: 'abc' });
    expect(config.request.body).toBe('{"phone": "{{number.e164}}"}');
  });

  it('reports every problem of an entry, with its path', () => {
    expect(problems({ type: 'rest', preset: 'zammad' })).toEqual([
      'credentials.token: is needed for header authentication',
      'baseUrl: is needed by the zammad preset',
    ]);
    expect(problems({ type: 'rest' })).toEqual([
      'request.url: is needed when no preset is chosen',
      'response.id: is needed when no preset is chosen',
      'response.phones: is needed when no preset is chosen',
      'response.name: is needed (or firstName, lastName or company)',
    ]);
    expect(problems({ ...zammad, credentials: { token: 't', username: 'u' } })).toEqual([
      'credentials.username: is not used by header authentication',
    ]);
    expect(problems({ ...zammad, tls: { verify: false, caFile: 'ca.pem' } })).toEqual([
      'tls.caFile: has no effect while "verify" is false',
    ]);
    expect(problems({ ...zammad, request: { body: '{}' } })).toEqual([
      'request.body: needs "method": "POST"',
    ]);
  });

  it('refuses placeholders a search cannot fill and URLs whose host a placeholder could change', () => {
    expect(problems({ ...zammad, request: { url: '{{base}}/search?q={{contact.name}}' } })).toEqual([
      'request.url: unknown placeholder {{contact.name}}',
    ]);
    expect(problems({ ...zammad, request: { url: 'https://{{number.digits}}.example/x' } })).toEqual([
      'request.url: must be an http:// or https:// URL with a fixed host',
    ]);
    expect(problems({ ...zammad, actions: { openContact: '{{web}}/u/{{number.tail}}' } })).toEqual([
      'actions.openContact: unknown placeholder {{number.tail}}',
    ]);
    expect(problems({ ...zammad, listing: { url: '{{base}}/users?p={{page}}&n={{size}}' } })).toEqual([
      'listing.url: unknown placeholder {{size}}',
    ]);
  });

  it('is strict about keys, addresses, paths and headers', () => {
    expect(problems({ ...zammad, token: 'x' })).toEqual([': Unrecognized key: "token"']);
    expect(problems({ ...zammad, baseUrl: 'ftp://h.example' })).toHaveLength(1);
    expect(problems({ ...zammad, baseUrl: 'https://h.example/?x=1' })).toHaveLength(1);
    expect(problems({ ...zammad, response: { list: 'users[' } })).toHaveLength(1);
    expect(problems({ ...zammad, request: { headers: { 'X-A': 'a\r\nInjected: 1' } } })).toHaveLength(1);
    expect(problems({ ...zammad, request: { headers: { Host: 'evil.example' } } })).toEqual([
      'request.headers.Host: is set by the HTTP client',
    ]);
    expect(problems({ ...zammad, request: { url: 'javascript:alert(1)' } })).toHaveLength(1);
  });

  it('throws every problem at once when resolving unchecked settings', () => {
    const unchecked = { type: 'rest', preset: 'kix', name: 'Desk' } as const;
    expect(() => resolveRestSettings(unchecked)).toThrow(RestSettingsError);
    expect(() => resolveRestSettings(unchecked)).toThrow(
      "KIX directory 'Desk': credentials.username: is needed for login authentication; credentials.password: is needed for login authentication; baseUrl: is needed by the kix preset",
    );
  });

  it('names a directory by its setting, else its product, else its host', () => {
    expect(restDirectoryName(restDirectorySchema.parse({ ...zammad, name: 'Desk' }))).toBe('Desk');
    expect(restDirectoryName(restDirectorySchema.parse(zammad))).toBe('Zammad');
  });
});
