/**
 * Presets for the helpdesks our users run: each fills in the search request, the way to log in,
 * the mapping of the answer, the listing and the popup's action URLs, so that a settings entry
 * needs only the helpdesk's address and the credentials. `{{base}}` is the `baseUrl` setting and
 * `{{web}}` the `webUrl` setting (default: `baseUrl`); every field can be overridden.
 *
 * The helpdesk presets search deliberately fuzzily (the last seven digits, `{{number.tail}}`):
 * helpdesks store numbers as typed, and the directory keeps only contacts whose numbers complete
 * to the caller's exact E.164 number. Paths and routes not confirmed against a product's
 * documentation are said to be so in the README; every one of them can be overridden. The README ("Directories: helpdesks") says what each helpdesk needs.
 */
import type { ActionTemplates } from '../../popup/action-urls.js';
import type { AuthConfig, ListingConfig, RestRequest } from './rest-config.js';
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
  readonly request: RestRequest;
  /** Null: decided by the credentials given (token → bearer, user → basic, none → none). */
  readonly auth: PresetAuth | null;
  readonly response: ResponseMapping;
  readonly listing: ListingConfig | null;
  readonly actions: ActionTemplates;
}

const get = (url: string): RestRequest => ({ method: 'GET', url, body: null, headers: {} });

/** KIX's `search` parameter: a JSON filter, URL-encoded around the placeholder. */
function kixSearch(): string {
  const filter = { Contact: { AND: [{ Field: 'Fulltext', Operator: 'CONTAINS', Value: '@TAIL@' }] } };
  return encodeURIComponent(JSON.stringify(filter)).replace('%40TAIL%40', '{{number.tail}}');
}

const ZNUNY_SERVICE = '{{base}}/nph-genericinterface.pl/Webservice/Ringdesk';

/** Every preset, by the name the settings use. */
export const PRESETS: Readonly<Record<RestPresetName, RestPreset>> = {
  zammad: {
    label: 'Zammad',
    // Zammad's search is Elasticsearch's: field queries with a leading wildcard find the tail
    // in "+49 211 5551234", "02115551234" and "0211/5551234" alike.
    request: get(
      '{{base}}/api/v1/users/search?query=phone:*{{number.tail}}%20OR%20mobile:*{{number.tail}}&limit=50&expand=true',
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
    request: get(`${ZNUNY_SERVICE}/CustomerUserSearch?Search=*{{number.tail}}*&Limit=50`),
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
      newContact:
        '{{web}}/index.pl?Action=AdminCustomerUser;Nav=Agent;Subaction=Add;UserPhone={{number.e164}}',
    },
  },
  kix: {
    label: 'KIX',
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
    listing: {
      url: '{{base}}/api/v1/contacts?limit={{pageSize}}&offset={{offset}}',
      pageSize: 100,
      maxPages: 200,
    },
    actions: {
      openContact: '{{web}}/contacts/{{contact.id}}',
      newTicket: '{{web}}/tickets',
      newContact: '{{web}}/contacts',
    },
  },
  consol: {
    label: 'ConSol CM',
    request: get('{{base}}/restapi/contacts?term={{number.tail}}&limit=50'),
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
