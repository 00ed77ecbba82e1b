/**
 * A stock Znuny's GenericInterface for the fake helpdesk, written from znuny/Znuny (rel-7):
 * - `Kernel/GenericInterface/Operation/`: stock Znuny's operations are Session (SessionCreate,
 *   SessionGet, SessionRemove), Ticket (TicketCreate, TicketGet, TicketSearch, TicketUpdate,
 *   TicketHistoryGet, TimeAccountingGet), User/OutOfOffice and Test: none returns customer
 *   users. The fake's web service maps `/Session` (POST) to SessionCreate, as Znuny's example
 *   web services do.
 * - `Operation/Session/SessionCreate.pm`: `{"SessionID": ...}`, or HTTP 200 with
 *   `{"Error": {"ErrorCode": "SessionCreate.AuthFail", "ErrorMessage": "SessionCreate:
 *   Authorization failing!"}}` (`Operation/Common.pm` `ReturnError`).
 * - `Transport/HTTP/REST.pm` `ProviderProcessRequest`: a URI no route matches is answered 500,
 *   `text/plain`, "HTTP::REST Error while determine Operation for request URI '/X'." (`_Error`,
 *   `_Output`: every status but 200 is sent as text/plain).
 * - `Kernel/GenericInterface/Provider.pm`: a web service name that does not exist bails out and
 *   the web server answers a bare 500.
 */
import type { FakeAnswer } from './rest-fake-zammad.js';

/** The web service's path below the Znuny base URL (`/otrs`). */
export const ZNUNY_SERVICE = '/otrs/nph-genericinterface.pl/Webservice/Ringdesk';

/** What the fake's Znuny needs from the helpdesk around it. */
export interface ZnunyState {
  readonly username: string;
  readonly password: string;
  /** Starts a session and answers its ID. */
  readonly newSession: () => string;
}

/** A request below `/otrs/nph-genericinterface.pl/`; null when the path is not Znuny's. */
export function znunyGenericInterface(
  path: string,
  method: string,
  body: string,
  state: ZnunyState,
): FakeAnswer | null {
  const match = /^\/otrs\/nph-genericinterface\.pl\/Webservice\/([^/]+)(\/.*)?$/.exec(path);
  if (match === null) return null;
  if (match[1] !== 'Ringdesk')
    return { status: 500, body: '<h1>Internal Server Error</h1>', contentType: 'text/html' };
  const route = match[2] ?? '/';
  if (route === '/Session' && method === 'POST') return sessionCreate(body, state);
  return {
    status: 500,
    body: `HTTP::REST Error while determine Operation for request URI '${route}'.`,
    contentType: 'text/plain',
  };
}

function sessionCreate(body: string, state: ZnunyState): FakeAnswer {
  let data: unknown;
  try {
    data = JSON.parse(body || 'null') as unknown;
  } catch {
    return { status: 500, body: 'Error while decoding request content.', contentType: 'text/plain' };
  }
  if (typeof data !== 'object' || data === null || Object.keys(data).length === 0)
    return error('SessionCreate.MissingParameter', 'SessionCreate: The request is empty!');
  const { UserLogin: login, Password: password } = data as Record<string, unknown>;
  if (typeof password !== 'string' || password === '')
    return error('SessionCreate.MissingParameter', 'SessionCreate: Password parameter is missing!');
  if (login !== state.username || password !== state.password)
    return error('SessionCreate.AuthFail', 'SessionCreate: Authorization failing!');
  return { status: 200, body: { SessionID: state.newSession() } };
}

function error(code: string, message: string): FakeAnswer {
  return { status: 200, body: { Error: { ErrorCode: code, ErrorMessage: message } } };
}
