/**
 * Presets for the helpdesks our users run: each fills in the search request, the way to log in,
 * the mapping of the answer, the listing and the popup's action URLs, so that a settings entry
 * needs only the helpdesk's address and the credentials. `{{base}}` is the `baseUrl` setting and
 * `{{web}}` the `webUrl` setting (default: `baseUrl`); every field can be overridden.
 *
 * Each preset searches with the terms its product's search can match (`search-terms.ts`): Zammad
 * an Elasticsearch OR of whole words and phrases (and the short tail when that finds nothing),
 * KIX and Znuny's add-on a `LIKE` of the digits in order, ConSol CM the short tail. The directory keeps only contacts whose numbers complete to the caller's exact
 * E.164 number. `checkedAgainst` names the vendor source each preset was written from; the
 * ConSol CM preset has none (no public reference was found) and says so wherever it is used.
 * docs/directories.md says what each helpdesk needs.
 */
import type { ActionTemplates } from '../../shared/action-templates.js';
import type { AuthConfig, ListingConfig, ProblemHint, RestRequest } from './rest-config.js';
import type { ResponseMapping } from './response-mapping.js';

export const REST_PRESETS = ['zammad', 'znuny', 'kix', 'consol', 'json'] as const;
export type RestPresetName = (typeof REST_PRESETS)[number];

/** Each kind of authentication without its credentials (a distributive Omit). */
type WithoutCredentials<A> = A extends unknown ? Omit<A, 'username' | 'password' | 'token'> : never;

/** How a preset logs in; credentials come from the settings' `credentials`. */
export type PresetAuth = WithoutCredentials<AuthConfig>;

/** What a preset fills in. */
export interface RestPreset {
  /** The product, for messages and as the default directory name. */
  readonly label: string;
  /** The vendor source or documentation the preset was checked against; null: unverified. */
  readonly checkedAgainst: string | null;
  /** Failures that mean the helpdesk lacks something, with what to do. */
  readonly hints: readonly ProblemHint[];
  readonly request: RestRequest;
  /** Null: decided by the credentials given (token → bearer, user → basic, none → none). */
  readonly auth: PresetAuth | null;
  readonly response: ResponseMapping;
  readonly listing: ListingConfig | null;
  readonly actions: ActionTemplates;
}

const get = (url: string, fallbackUrl: string | null = null): RestRequest => ({
  method: 'GET',
  url,
  body: null,
  headers: {},
  fallbackUrl,
});

/**
 * KIX's `search` parameter, URL-encoded around the placeholder: Phone or Mobile `LIKE` the
 * digits in order (`*5*5*5*1*2*3*4*`); KIX turns `*` into SQL's `%`.
 */
function kixSearch(): string {
  const like = (field: string) => ({ Field: field, Operator: 'LIKE', Value: '@DIGITS@' });
  const filter = { Contact: { OR: [like('Phone'), like('Mobile')] } };
  return encodeURIComponent(JSON.stringify(filter)).replaceAll('%40DIGITS%40', '{{number.wildcard}}');
}

const ZNUNY_SERVICE = '{{base}}/nph-genericinterface.pl/Webservice/Ringdesk';

/** Every preset, by the name the settings use. */
export const PRESETS: Readonly<Record<RestPresetName, RestPreset>> = {
  zammad: {
    label: 'Zammad',
    checkedAgainst:
      'zammad/zammad: app/controllers/users_controller.rb, app/models/concerns/can_search.rb, app/models/user/search.rb, lib/search_index_backend.rb; routes in app/assets/javascripts/app/controllers',
    hints: [],
    // With Elasticsearch: whole words and phrases on phone and mobile (Zammad deletes every `*`).
    // Without it Zammad runs a LIKE of the whole query, which finds nothing here; then the
    // fallback asks for the last four digits, which its LIKE finds wherever they stand together.
    request: get(
      '{{base}}/api/v1/users/search?query=phone:{{number.tokens}}%20OR%20mobile:{{number.tokens}}&limit=50&expand=true',
      '{{base}}/api/v1/users/search?query={{number.short}}&limit=200&expand=true',
    ),
    auth: { type: 'header', header: 'Authorization', prefix: 'Token token=' },
    response: {
      list: '',
      id: 'id',
      firstName: 'firstname',
      lastName: 'lastname',
      company: 'organization',
      email: 'email',
      department: 'department',
      phones: [
        { path: 'phone', type: 'work' },
        { path: 'mobile', type: 'mobile' },
        { path: 'fax', type: 'fax' },
      ],
    },
    listing: {
      url: '{{base}}/api/v1/users?expand=true&page={{page}}&per_page={{pageSize}}',
      pageSize: 100,
      maxPages: 200,
    },
    actions: {
      openContact: '{{web}}/#user/profile/{{contact.id}}',
      newTicket: '{{web}}/#ticket/create/customer/{{contact.id}}',
      newContact: '{{web}}/#search/{{number.e164}}',
    },
  },
  znuny: {
    label: 'Znuny',
    checkedAgainst:
      'znuny/Znuny: Kernel/GenericInterface (no customer-user operation), Kernel/Modules/AgentCustomerUserInformationCenter.pm, AgentTicketPhone.pm, AdminCustomerUser.pm',
    hints: [
      {
        status: 500,
        detail: /determine Operation/,
        hint: 'this Znuny web service has no customer-user search (stock Znuny ships none): read the customer users over LDAP or from a CSV export instead (docs/directories.md, "Znuny")',
      },
    ],
    // Stock Znuny has no operation for this: it needs one from an add-on that passes Search to
    // Znuny's CustomerSearch, which reads `*` as its wildcard.
    request: get(`${ZNUNY_SERVICE}/CustomerUserSearch?Search={{number.wildcard}}&Limit=50`),
    auth: {
      type: 'login',
      url: `${ZNUNY_SERVICE}/Session`,
      usernameField: 'UserLogin',
      passwordField: 'Password',
      fields: {},
      tokenPath: 'SessionID',
      header: null,
      prefix: '',
      queryParameter: 'SessionID',
    },
    response: {
      list: 'CustomerUser',
      id: 'UserLogin',
      firstName: 'UserFirstname',
      lastName: 'UserLastname',
      company: 'CustomerCompanyName',
      email: 'UserEmail',
      title: 'UserTitle',
      phones: [
        { path: 'UserPhone', type: 'work' },
        { path: 'UserMobile', type: 'mobile' },
        { path: 'UserFax', type: 'fax' },
      ],
      // The GenericInterface answers failures with HTTP 200 and {"Error": {...}}.
      error: 'Error.ErrorMessage',
    },
    listing: null,
    actions: {
      openContact: '{{web}}/index.pl?Action=AgentCustomerUserInformationCenter;CustomerUserID={{contact.id}}',
      newTicket:
        '{{web}}/index.pl?Action=AgentTicketPhone;Subaction=StoreNew;ExpandCustomerName=2;CustomerUser={{contact.id}}',
      // AdminCustomerUser's Add reads only UserLogin and CustomerID: an empty form.
      newContact: '{{web}}/index.pl?Action=AdminCustomerUser;Nav=Agent;Subaction=Add',
    },
  },
  kix: {
    label: 'KIX',
    checkedAgainst:
      'kix-backend rel-18: Kernel/API/Operation/V1/Common.pm, Contact/ContactSearch.pm, Kernel/System/ObjectSearch/Database/Contact/General.pm, CommonAttribute.pm; kix-frontend: RoutingService.ts, ContactReadUIModule.ts, ContactEditUIModule.ts, TicketCreateUIModule.ts',
    hints: [],
    request: get(`{{base}}/api/v1/contacts?search=${kixSearch()}&limit=50`),
    auth: {
      type: 'login',
      url: '{{base}}/api/v1/auth',
      usernameField: 'UserLogin',
      passwordField: 'Password',
      fields: { UserType: 'Agent' },
      tokenPath: 'Token',
      header: 'Authorization',
      prefix: 'Token ',
      queryParameter: null,
    },
    response: {
      list: 'Contact',
      id: 'ID',
      firstName: 'Firstname',
      lastName: 'Lastname',
      email: 'Email',
      title: 'Title',
      phones: [
        { path: 'Phone', type: 'work' },
        { path: 'Mobile', type: 'mobile' },
        { path: 'Fax', type: 'fax' },
      ],
    },
    // KIX stops a search at API::Request::DefaultLimit (1,000) unless searchlimit says more.
    listing: {
      url: '{{base}}/api/v1/contacts?limit={{pageSize}}&offset={{offset}}&searchlimit={{end}}',
      pageSize: 100,
      maxPages: 200,
    },
    // kix-frontend opens a context by its URL path, and a create dialog with `?new`; nothing is
    // prefilled from the URL.
    actions: {
      openContact: '{{web}}/contacts/{{contact.id}}',
      newTicket: '{{web}}/tickets?new',
      newContact: '{{web}}/contacts?new',
    },
  },
  consol: {
    label: 'ConSol CM',
    // No public ConSol CM REST reference was found: path, parameters and answer are assumptions.
    checkedAgainst: null,
    hints: [],
    request: get('{{base}}/restapi/contacts?term={{number.short}}&limit=200'),
    auth: { type: 'basic' },
    response: {
      list: 'contacts',
      id: 'id',
      name: 'name',
      firstName: 'firstName',
      lastName: 'lastName',
      company: 'company',
      email: 'email',
      phones: [
        { path: 'phone', type: 'work' },
        { path: 'mobile', type: 'mobile' },
      ],
    },
    listing: null,
    actions: {
      openContact: '{{web}}/cm-client/contact/{{contact.id}}',
      newTicket: '{{web}}/cm-client/case/create?contact={{contact.id}}',
      newContact: '{{web}}/cm-client/contact/create?phone={{number.e164}}',
    },
  },
  json: {
    label: 'JSON',
    checkedAgainst: "Ringdesk's own JSON contract (docs/directories.md)",
    hints: [],
    request: get('{{base}}/contacts?phone={{number.e164}}'),
    auth: null,
    response: {
      list: 'contacts',
      id: 'id',
      name: 'name',
      firstName: 'firstName',
      lastName: 'lastName',
      company: 'company',
      email: 'email',
      department: 'department',
      title: 'title',
      link: 'url',
      phones: [{ path: 'phones', numberPath: 'number', typePath: 'type', type: 'work' }],
    },
    listing: { url: '{{base}}/contacts?page={{page}}&per_page={{pageSize}}', pageSize: 100, maxPages: 200 },
    actions: {
      openContact: '{{web}}/contacts/{{contact.id}}',
      newTicket: '{{web}}/tickets/new?contact={{contact.id}}',
      newContact: '{{web}}/contacts/new?phone={{number.e164}}',
    },
  },
};
