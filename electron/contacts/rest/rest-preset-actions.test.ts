/**
 * Every action URL of the helpdesk presets opens a page that exists, checked against routing
 * tables transcribed from each vendor's source:
 * - Zammad (zammad/zammad, app/assets/javascripts/app/controllers/): `user_profile.coffee`
 *   (`user/profile/:user_id`), `ticket_create.coffee` (`ticket/create`, `ticket/create/id/:id`,
 *   `ticket/create/customer/:customer_id`, ...), `search.coffee` (`search`, `search/:query`);
 *   a route's `:name` matches one path segment.
 * - KIX (kix-frontend, 2026-02 snapshot): `RoutingService.ts` `routeToURL` takes the first path
 *   segment as the context URL and the second as the object id; `?new` opens the CREATE context
 *   whose `urlPaths` hold that URL (`handleURLParams`), otherwise `ContextService.setContextByUrl`
 *   opens DETAILS with an object id, else DASHBOARD. Descriptors: `ContactReadUIModule.ts`,
 *   `ContactEditUIModule.ts`, `TicketReadUIModule.ts`, `TicketCreateUIModule.ts`.
 * - Znuny (znuny/Znuny, Kernel/Modules/): `AgentCustomerUserInformationCenter.pm` (via
 *   `AgentDashboardCommon.pm`) reads `CustomerUserID`; `AgentTicketPhone.pm`, subaction
 *   `StoreNew`, reads `CustomerUser` and `ExpandCustomerName` (2: fills in that customer user and
 *   shows the form again, before any ticket is created, as AdminCustomerUser's own "New phone
 *   ticket" link does); `AdminCustomerUser.pm`, subaction `Add`, reads only `UserLogin` and
 *   `CustomerID` (and `Nav`, `Source`, `Search` for every subaction).
 * ConSol CM's routes are not checked: no public reference was found (the preset says so).
 */
import { describe, expect, it } from 'vitest';
import { popupActions } from '../../popup/action-urls.js';
import type { ActionSubject } from '../../shared/action-templates.js';
import { PRESETS } from './rest-presets.js';
import { resolveRestSettings, restDirectorySchema } from './rest-settings.js';

const subject: ActionSubject = {
  contact: { id: 'c-42@example.com', name: 'Anna', company: null, email: null, directory: 'Desk' },
  number: { raw: '0211 5551234', e164: '+492115551234', display: '0211 5551234', countryCode: '49' },
  callId: 'call-1',
};

/** The three action URLs of a preset, filled as the popup fills them. */
function actionUrls(preset: 'zammad' | 'kix' | 'znuny'): Record<string, URL> {
  const credentials = preset === 'zammad' ? { token: 't' } : { username: 'u', password: 'p' };
  const { actions } = resolveRestSettings(
    restDirectorySchema.parse({ type: 'rest', preset, baseUrl: 'https://desk.example/app', credentials }),
  );
  // A known caller gets open contact and new ticket; new contact is an unknown caller's.
  const offered = [
    ...popupActions(subject, actions),
    ...popupActions({ ...subject, contact: null }, actions),
  ];
  return Object.fromEntries(offered.map((action) => [action.id, new URL(action.url)]));
}

// Zammad: app/assets/javascripts/app/controllers/*.coffee, App.Config.set(route, Router, 'Routes').
const ZAMMAD_ROUTES = [
  'user/profile/:user_id',
  'ticket/create',
  'ticket/create/',
  'ticket/create/id/:id',
  'ticket/create/customer/:customer_id',
  'ticket/create/id/:id/customer/:customer_id',
  'ticket/create/id/:id/query/:query',
  'ticket/create/:ticket_id/:article_id',
  'search',
  'search/:query',
];

/** The route a Zammad hash matches and its parameters (decoded), or null. */
function zammadRoute(hash: string): { route: string; params: Record<string, string> } | null {
  const path = hash.replace(/^#/, '');
  for (const route of ZAMMAD_ROUTES) {
    const names: string[] = [];
    const source = route.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const match = new RegExp(`^${source}$`).exec(path);
    if (match !== null)
      return {
        route,
        params: Object.fromEntries(
          names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
        ),
      };
  }
  return null;
}

// kix-frontend: context descriptors (mode, urlPaths) of contacts and tickets.
const KIX_CONTEXTS = [
  { id: 'ContactDetailsContext', mode: 'DETAILS', url: 'contacts' },
  { id: 'ContactSearchContext', mode: 'SEARCH', url: 'contacts' },
  { id: 'NewContactDialogContext', mode: 'CREATE', url: 'contacts' },
  { id: 'TicketContext', mode: 'DASHBOARD', url: 'tickets' },
  { id: 'TicketDetailsContext', mode: 'DETAILS', url: 'tickets' },
  { id: 'TicketSearchContext', mode: 'SEARCH', url: 'tickets' },
  { id: 'NewTicketDialogContext', mode: 'CREATE', url: 'tickets' },
] as const;

/** The context kix-frontend opens for a URL below the web root, and the object id. */
function kixContext(url: URL, root: string): { context: string | null; objectId: string | undefined } {
  const path = url.pathname
    .slice(root.length)
    .split('/')
    .filter((segment) => segment !== '');
  const [contextUrl, objectId] = path;
  const mode = url.searchParams.has('new')
    ? 'CREATE'
    : objectId !== undefined
      ? 'DETAILS'
      : url.searchParams.has('search')
        ? 'SEARCH'
        : 'DASHBOARD';
  const found = KIX_CONTEXTS.find((context) => context.url === contextUrl && context.mode === mode);
  return {
    context: found?.id ?? null,
    objectId: objectId === undefined ? undefined : decodeURIComponent(objectId),
  };
}

// Znuny: Kernel/Modules/*.pm, the parameters each reads for the subaction used.
const ZNUNY_MODULES: Record<string, { subaction: string | null; reads: string[]; required: string[] }> = {
  AgentCustomerUserInformationCenter: {
    subaction: null,
    reads: ['CustomerUserID'],
    required: ['CustomerUserID'],
  },
  AgentTicketPhone: {
    subaction: 'StoreNew',
    reads: ['CustomerUser', 'ExpandCustomerName', 'Dest', 'Subject', 'Body'],
    required: ['CustomerUser', 'ExpandCustomerName'],
  },
  AdminCustomerUser: {
    subaction: 'Add',
    reads: ['UserLogin', 'CustomerID', 'Nav', 'Source', 'Search'],
    required: [],
  },
};

/** `index.pl?Action=X;A=1;B=2` as Znuny's Web::Request reads it (`;` or `&` between pairs). */
function znunyRequest(url: URL): Map<string, string> {
  return new Map(
    url.search
      .slice(1)
      .split(/[;&]/)
      .filter((pair) => pair !== '')
      .map((pair) => {
        const [key = '', value = ''] = pair.split('=');
        return [decodeURIComponent(key), decodeURIComponent(value)] as const;
      }),
  );
}

describe('Zammad preset actions (zammad/zammad routes)', () => {
  it('opens the user profile, a ticket for the customer, and a search for the number', () => {
    const urls = actionUrls('zammad');
    expect(zammadRoute(urls['open-contact']?.hash ?? '')).toEqual({
      route: 'user/profile/:user_id',
      params: { user_id: 'c-42@example.com' },
    });
    expect(zammadRoute(urls['new-ticket']?.hash ?? '')).toEqual({
      route: 'ticket/create/customer/:customer_id',
      params: { customer_id: 'c-42@example.com' },
    });
    expect(zammadRoute(urls['new-contact']?.hash ?? '')).toEqual({
      route: 'search/:query',
      params: { query: '+492115551234' },
    });
  });
});

describe('KIX preset actions (kix-frontend routing)', () => {
  it('opens the contact, and the create dialogs for a ticket and a contact', () => {
    const urls = actionUrls('kix');
    const open = (id: string) => kixContext(urls[id] as URL, '/app');
    expect(open('open-contact')).toEqual({ context: 'ContactDetailsContext', objectId: 'c-42@example.com' });
    expect(open('new-ticket')).toEqual({ context: 'NewTicketDialogContext', objectId: undefined });
    expect(open('new-contact')).toEqual({ context: 'NewContactDialogContext', objectId: undefined });
  });

  it('would have opened the ticket list and no page at all with the plain list URLs', () => {
    expect(kixContext(new URL('https://desk.example/app/tickets'), '/app').context).toBe('TicketContext');
    expect(kixContext(new URL('https://desk.example/app/contacts'), '/app').context).toBeNull();
  });
});

describe('Znuny preset actions (Znuny Kernel/Modules)', () => {
  it('calls modules that exist, with the subaction they handle and only parameters they read', () => {
    const urls = actionUrls('znuny');
    for (const id of ['open-contact', 'new-ticket', 'new-contact']) {
      const url = urls[id] as URL;
      expect(url.pathname, id).toBe('/app/index.pl');
      const request = znunyRequest(url);
      const module = ZNUNY_MODULES[request.get('Action') ?? ''];
      expect(module, id).toBeDefined();
      if (module === undefined) continue;
      expect(request.get('Subaction') ?? null, id).toBe(module.subaction);
      for (const key of request.keys())
        if (key !== 'Action' && key !== 'Subaction') expect(module.reads, `${id}: ${key}`).toContain(key);
      for (const key of module.required) expect(request.get(key), `${id}: ${key}`).not.toBeUndefined();
    }
    const ticket = znunyRequest(urls['new-ticket'] as URL);
    expect(ticket.get('ExpandCustomerName')).toBe('2');
    expect(ticket.get('CustomerUser')).toBe('c-42@example.com');
    expect(znunyRequest(urls['open-contact'] as URL).get('CustomerUserID')).toBe('c-42@example.com');
  });
});

describe('ConSol CM preset actions', () => {
  it('are marked unverified: no routing source was found to check them against', () => {
    expect(PRESETS.consol.checkedAgainst).toBeNull();
    for (const name of ['zammad', 'kix', 'znuny', 'json'] as const)
      expect(PRESETS[name].checkedAgainst).not.toBeNull();
  });
});
