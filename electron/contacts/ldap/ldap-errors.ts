/**
 * Errors of an LDAP directory, worded for the agent and the admin who reads the warning:
 * always the directory's name and what went wrong in plain words ("LDAP directory 'AD': bind
 * failed: invalid credentials", "... unreachable (ECONNREFUSED 127.0.0.1:389)", "... TLS:
 * certificate not trusted"), never a bare socket message or an LDAP result code alone.
 */

/** Something an LDAP directory could not do. `problem` is the text after the directory's name. */
export class LdapDirectoryError extends Error {
  override readonly name = 'LdapDirectoryError';

  constructor(
    readonly directory: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`LDAP directory '${directory}': ${problem}`, options);
  }
}

/** What the directory was doing when the error happened. */
export type LdapStage = 'connect' | 'StartTLS' | 'bind' | 'search' | 'sync';

/** What describing an error needs to know. */
export interface ErrorContext {
  readonly stage: LdapStage;
  readonly timeoutMs: number;
  readonly baseDn?: string;
  /** True when the directory binds without a DN: a refusal then likely means "bind first". */
  readonly anonymous?: boolean;
  /** True when a TLS handshake was under way: a closed connection then means TLS failed. */
  readonly handshake?: boolean;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
]);
const LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** Active Directory's reasons for a failed bind (the `data 52e` in its diagnostic message). */
const AD_BIND_REASONS: Readonly<Record<string, string>> = {
  '525': 'user not found',
  '52e': 'invalid credentials',
  '530': 'not permitted to log on at this time',
  '531': 'not permitted to log on at this workstation',
  '532': 'password expired',
  '533': 'account disabled',
  '701': 'account expired',
  '773': 'password must be reset',
  '775': 'account locked out',
};

/** `error` as an {@link LdapDirectoryError} of directory `directory`. */
export function ldapError(directory: string, error: unknown, context: ErrorContext): LdapDirectoryError {
  if (error instanceof LdapDirectoryError) return error;
  return new LdapDirectoryError(directory, describeProblem(error, context), { cause: error });
}

/** The problem in plain words, without the directory's name. */
export function describeProblem(error: unknown, context: ErrorContext): string {
  const { stage, timeoutMs } = context;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const where = addressOf(error);
    if (UNREACHABLE.has(code)) return `unreachable (${code}${where})`;
    if (LOST.has(code) && context.handshake === true)
      return `TLS: handshake failed (the server closed the connection: does this port speak TLS?)`;
    if (LOST.has(code)) return `${lost(stage)} (${code})`;
    if (UNTRUSTED.has(code))
      return `TLS: certificate not trusted (${code}); set "caFile" to the CA that issued the server's certificate`;
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
      return `TLS: the certificate is not for this host (${firstLine(message)})`;
    if (code === 'CERT_HAS_EXPIRED') return 'TLS: the certificate has expired';
    if (code === 'CERT_NOT_YET_VALID') return 'TLS: the certificate is not valid yet';
    if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
      return `TLS: handshake failed (${firstLine(message)})`;
  }
  if (typeof code === 'number') return describeResult(code, message, context);
  if (message === 'Connection timeout') return `unreachable (no connection within ${timeoutMs} ms)`;
  if (message.includes('Operation timed out')) return `no answer within ${timeoutMs} ms (${stage})`;
  if (isClosedMessage(message)) return `${lost(stage)} (the server closed the connection)`;
  return `${stage} failed: ${firstLine(message)}`;
}

/** An LDAP result code the server answered with. */
function describeResult(code: number, message: string, context: ErrorContext): string {
  const { stage } = context;
  const diagnostic = cleanDiagnostic(message);
  switch (code) {
    case 1:
      // AD answers a search before a bind with operationsError and 000004DC (not 50).
      if (/\b000004DC\b/i.test(diagnostic))
        return `${stage} failed: this server requires a bind; set "bindDn" and "bindPassword"`;
      break;
    case 10:
      return `the base DN ${context.baseDn ?? '(none)'} is not in this directory's domains${referralOf(diagnostic)}; use a base DN of this server's domain`;
    case 49: {
      const reason = /data ([0-9a-f]{3})/i.exec(diagnostic)?.[1]?.toLowerCase();
      return `bind failed: ${(reason === undefined ? undefined : AD_BIND_REASONS[reason]) ?? 'invalid credentials'}`;
    }
    case 8:
    case 13:
      return `${stage} failed: the server requires an encrypted connection; use an ldaps:// URL or "startTls": true`;
    case 7:
    case 48:
      return `${stage} failed: the server does not accept this way of binding (${diagnostic || `result ${code}`})`;
    case 2:
      if (stage === 'StartTLS') return 'StartTLS failed: the server does not offer StartTLS';
      break;
    case 32:
      return `base DN not found: ${context.baseDn ?? '(none)'}`;
    case 34:
      return `${stage} failed: not a valid DN (${diagnostic || 'invalid DN syntax'})`;
    case 50:
      return context.anonymous === true
        ? `${stage} failed: insufficient access rights for an anonymous bind; set "bindDn" and "bindPassword"`
        : `${stage} failed: insufficient access rights`;
    case 3:
      return `${stage} failed: the server's time limit ended the search`;
    case 4:
      return `${stage} failed: the server's size limit cut the result short; ask its admin to allow paged searches of all entries`;
    case 51:
    case 52:
    case 53:
      return `${stage} failed: the server is busy or unavailable (${diagnostic || `result ${code}`})`;
    default:
      break;
  }
  return `${stage} failed: ${diagnostic || 'error'} (LDAP result ${code})`;
}

/**
 * A server's diagnostic text without ldapts's ` Code: 0x..` suffix and without control
 * characters: AD ends its texts with a newline and a NUL.
 */
function cleanDiagnostic(message: string): string {
  return message
    .replace(/\s*Code: 0x[0-9a-f]+$/i, '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where a referral points, as AD words it (`0000202B: RefErr: DSID-..., data 0, 1 access
 * points ref 1: 'other.example.org'`): ` (the server refers to 'other.example.org')`, or ''.
 */
function referralOf(diagnostic: string): string {
  const targets = [...diagnostic.matchAll(/ref \d+: '([^']*)'/g)].map((match) => `'${match[1] ?? ''}'`);
  if (targets.length > 0) return ` (the server refers to ${targets.join(', ')})`;
  const url = /ldaps?:\/\/\S+/i.exec(diagnostic)?.[0];
  return url === undefined ? '' : ` (the server refers to ${url})`;
}

/**
 * True when `error` says the connection broke (reset, closed, not there any more), as opposed
 * to the server answering with an error or not answering in time.
 */
export function isConnectionLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return LOST.has(code);
  return error instanceof Error && isClosedMessage(error.message);
}

/** ldapts's words for a connection that closed under a request. */
function isClosedMessage(message: string): boolean {
  return (
    message.startsWith('Connection closed') ||
    message.startsWith('Socket error') ||
    message === 'Socket connection not established'
  );
}

function lost(stage: LdapStage): string {
  return stage === 'sync' ? 'connection lost during sync' : `connection lost (${stage})`;
}

function addressOf(error: unknown): string {
  const { address, port, hostname } = error as { address?: unknown; port?: unknown; hostname?: unknown };
  if (typeof address === 'string') return typeof port === 'number' ? ` ${address}:${port}` : ` ${address}`;
  return typeof hostname === 'string' ? ` ${hostname}` : '';
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
