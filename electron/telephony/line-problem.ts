/**
 * Why a line is down, as one of a few problems a person can act on, read from the provider's
 * raw reason (socket error codes, Asterisk's login answer, the TAPI bridge's exit). Faces turn
 * the problem into a sentence from their catalogue; the raw reason stays available as detail.
 *
 * The raw texts come from three places: Node's socket errors (`connect ECONNREFUSED
 * 127.0.0.1:5038`, `getaddrinfo ENOTFOUND pbx`), our providers' own words (ami-login.ts,
 * ami-connection.ts, tapi/exit-reasons.ts, action-url-provider.ts), and TLS errors.
 * The first rule that matches wins; order matters where texts overlap (a refused login also
 * says "refused").
 */
import type { LineProblem } from '../contract/models.js';

const RULES: readonly (readonly [RegExp, LineProblem])[] = [
  // First, and anchored: the reason goes on to name the PBX's devices, whatever they are called.
  [/^line .+ matches several devices on /, 'line-ambiguous'],
  [/refused the (login|MD5 challenge|event filter)|authentication failed/i, 'auth'],
  [
    /environment variable \S+ is not set|secret .*(missing|cannot be read|not (found|stored))/i,
    'secret-missing',
  ],
  [/TLS CA file/i, 'tls'],
  [/is not an Asterisk Manager Interface|no greeting from/i, 'not-ami'],
  [/cannot start the TAPI bridge/i, 'bridge-missing'],
  [/TAPI bridge (exited|was killed)/i, 'bridge-exited'],
  [/cannot listen on .*EADDRINUSE|EADDRINUSE/i, 'address-in-use'],
  [/cannot listen on .*(EACCES|EPERM)|EADDRNOTAVAIL/i, 'cannot-listen'],
  [/ECONNREFUSED/i, 'refused'],
  [/ENOTFOUND|EAI_AGAIN|EAI_NONAME/i, 'not-found'],
  [/EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN/i, 'unreachable'],
  [/ETIMEDOUT|timed out|timeout/i, 'timeout'],
  [/CERT|certificate|self[- ]signed|SSL|TLS|EPROTO/i, 'tls'],
  [/ECONNRESET|EPIPE|closed|lost|ended|stopped/i, 'lost'],
];

/** The problem behind `reason`; `other` when none of the known ones (faces then show the reason). */
export function lineProblem(reason: string): LineProblem {
  for (const [pattern, problem] of RULES) if (pattern.test(reason)) return problem;
  return 'other';
}
