/**
 * KIX action URLs (`GET /cti.pl?Action=INCOMING|MISSED|CONNECTED|HANGUP|OUTGOING&Src=&Dest=`,
 * optionally `CallID=`), as the KIX CTI admin manual describes them. `Src` is the caller and
 * `Dest` the called party: for incoming calls the caller is the remote party and `Dest` the
 * agent's line, for outgoing calls the other way round.
 */
import { IntentError, param, type LineIntent } from './line-intents.js';
import type { Params } from './request-body.js';
import { numberFromAddress } from './request-guards.js';

const KINDS = new Map<string, LineIntent['kind']>([
  ['INCOMING', 'ring'],
  ['OUTGOING', 'outgoing'],
  ['CONNECTED', 'answer'],
  ['HANGUP', 'hangup'],
  ['MISSED', 'missed'],
]);

/** Reads one KIX action URL. @throws IntentError (422) for an unknown action or missing party. */
export function kixRequest(params: Params, defaultLine: string): LineIntent {
  const action = (param(params, 'Action', 'action') ?? '').toUpperCase();
  const kind = KINDS.get(action);
  if (kind === undefined)
    throw new IntentError(
      422,
      `unknown Action "${action.slice(0, 20)}"; expected INCOMING, MISSED, CONNECTED, HANGUP or OUTGOING`,
    );
  const source = numberFromAddress(param(params, 'Src', 'src') ?? '');
  const destination = numberFromAddress(param(params, 'Dest', 'dest') ?? '');
  const outgoing = kind === 'outgoing';
  const remote = outgoing ? destination : source;
  const line = (outgoing ? source : destination) || defaultLine;
  if (remote === '' && (kind === 'ring' || kind === 'outgoing'))
    throw new IntentError(422, `${action} needs ${outgoing ? 'Dest' : 'Src'}`);
  return { kind, pbxId: param(params, 'CallID', 'callid', 'CallId'), line, remote };
}
