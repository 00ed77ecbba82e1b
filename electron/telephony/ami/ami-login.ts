/**
 * Logging in to the AMI: the greeting check, then `Login` with the secret in plain text or,
 * by default, the MD5 challenge (`Action: Challenge` / `AuthType: MD5`, then `Login` with
 * `Key: md5(challenge + secret)`) so the secret never crosses the network. Optionally it then
 * asks for call events only (`Action: Filter`).
 *
 * Every refusal is an {@link AmiLoginError} whose message names the cause in the agent's words
 * ("Asterisk refused the login: Authentication failed").
 */
import { createHash } from 'node:crypto';
import { quote, type AmiConnection } from './ami-connection.js';
import type { AmiMessage } from './ami-message.js';

/** Asterisk refused to let Ringdesk in (or is not Asterisk). */
export class AmiLoginError extends Error {
  override readonly name = 'AmiLoginError';
}

/** Who logs in and how (from the settings, with the secret resolved). */
export interface AmiCredentials {
  readonly username: string;
  readonly secret: string;
  readonly auth: 'md5' | 'plain';
  /** Also install the server-side event filter. */
  readonly serverFilter: boolean;
}

/**
 * The events the provider reads (a POSIX regular expression matched against each event; `Dial`
 * also matches `DialBegin`, `DialState` and `DialEnd`, `Bridge` also `BridgeEnter`, `QueueCaller`
 * `QueueCallerJoin` and `QueueCallerAbandon`); the rest stays on the server. The caller ID
 * events carry late caller IDs and transfers; the queue events (class `agent`) name the queue and
 * who answered, and Asterisk 11 names a queue caller with `Join`.
 */
export const CALL_EVENTS_FILTER =
  'Event: (Newchannel|Newstate|Dial|Bridge|LocalBridge|Rename|Hangup|OriginateResponse|' +
  'NewCallerid|NewConnectedLine|QueueCaller|Join|AgentCalled|AgentConnect)';

/** The event classes the provider asks for at login: calls, and queues (`agent`). */
export const EVENT_CLASSES = 'call,agent';

/** The `Key` of an MD5 login: the hex MD5 of the challenge followed by the secret. */
export function md5Key(challenge: string, secret: string): string {
  return createHash('md5')
    .update(challenge + secret)
    .digest('hex');
}

/** @throws AmiLoginError when `banner` is not Asterisk's greeting. */
export function checkBanner(banner: string, where: string): void {
  if (!/^Asterisk Call Manager\/\d/.test(banner))
    throw new AmiLoginError(
      `${where} is not an Asterisk Manager Interface (it greeted with "${quote(banner, 60)}")`,
    );
}

function succeeded(response: AmiMessage): boolean {
  return response.get('Response')?.toLowerCase() === 'success';
}

function why(response: AmiMessage): string {
  return quote(
    response.get('Message') ?? `no reason given (Response: ${response.get('Response') ?? 'none'})`,
  );
}

/**
 * Logs in on `connection` (greeted already). Events are asked for by class: `call` is all the
 * provider reads.
 * @throws AmiLoginError naming Asterisk's reason; connection errors pass through.
 */
export async function login(connection: AmiConnection, credentials: AmiCredentials): Promise<void> {
  const { username, secret } = credentials;
  let proof: Record<string, string> = { Secret: secret };
  if (credentials.auth === 'md5') {
    const challenge = await connection.action({ Action: 'Challenge', AuthType: 'MD5' });
    const value = challenge.get('Challenge');
    if (!succeeded(challenge) || value === undefined || value === '')
      throw new AmiLoginError(`Asterisk refused the MD5 challenge: ${why(challenge)}`);
    proof = { AuthType: 'MD5', Key: md5Key(value, secret) };
  }
  const response = await connection.action({
    Action: 'Login',
    Username: username,
    ...proof,
    Events: EVENT_CLASSES,
  });
  if (!succeeded(response)) throw new AmiLoginError(`Asterisk refused the login: ${why(response)}`);
  if (!credentials.serverFilter) return;
  const filter = await connection.action({ Action: 'Filter', Operation: 'Add', Filter: CALL_EVENTS_FILTER });
  if (!succeeded(filter))
    throw new AmiLoginError(
      `Asterisk refused the event filter: ${why(filter)} (serverFilter needs write = system in ` +
        'manager.conf; eventfilter lines there do the same without it)',
    );
}
