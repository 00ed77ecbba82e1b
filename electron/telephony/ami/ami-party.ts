/**
 * The remote party as Asterisk describes it, and what became of a call that did not ring out
 * here, in the line contract's words (`contract/line-party.ts`).
 *
 * - Presentation: `CID-CallingPres` (`NewCallerid`, Asterisk 11 and 12+: "%d (%s)", e.g.
 *   `33 (Prohibited, Passed Screen)`; main/callerid.c `ast_describe_caller_presentation`): the
 *   presentation bits are 0x60 of the value (0x00 allowed, 0x20 restricted, 0x40 unavailable).
 *   Without it, the caller ID number says what it can: `anonymous` (RFC 3323's anonymous From)
 *   and `Restricted`/`Private`/`Withheld` are withheld, Asterisk's `<unknown>` or nothing is
 *   unknown, `Unavailable` is unavailable.
 * - Outcome: a failed dial's `DialStatus` (`BUSY`, `CHANUNAVAIL`, `CONGESTION`) or a forward
 *   (`DialState`/`DialEnd` `Forward: 208`) of a leg that never rang; who answered elsewhere.
 */
import type { CallOutcome, Presentation } from '../line-provider.js';

/** The presentation a `CID-CallingPres` value means; null when it is no number. */
export function presentationOfCallingPres(value: string | undefined): Presentation | null {
  const match = /^\s*(\d{1,3})\b/.exec(value ?? '');
  if (match === null) return null;
  const bits = Number(match[1]) & 0x60;
  if (bits === 0x20) return 'withheld';
  return bits === 0x40 ? 'unavailable' : 'allowed';
}

const WITHHELD = new Set(['anonymous', 'restricted', 'private', 'withheld', 'unknown caller', 'p']);
const UNAVAILABLE = new Set(['unavailable', 'out of area', 'o']);

/**
 * The party a caller ID number and name stand for. `number` is kept only when presented
 * (a withheld caller's number never leaves the provider's line log).
 */
export function partyOf(
  number: string | undefined,
  name: string | undefined,
  callingPres: Presentation | null = null,
): { remote: string; presentation: Presentation; name: string | undefined } {
  const raw = (number ?? '').trim();
  const lower = raw.toLowerCase();
  let presentation: Presentation =
    raw === '' || raw === '<unknown>'
      ? 'unknown'
      : WITHHELD.has(lower)
        ? 'withheld'
        : UNAVAILABLE.has(lower)
          ? 'unavailable'
          : 'allowed';
  if (callingPres !== null && callingPres !== 'allowed') presentation = callingPres;
  const shownName = cleanName(name);
  return {
    remote: presentation === 'allowed' ? raw.slice(0, 64) : '',
    presentation,
    name: presentation === 'withheld' ? undefined : shownName,
  };
}

/** A caller ID name worth showing: not empty, not `<unknown>`, not a withheld marker. */
export function cleanName(name: string | undefined): string | undefined {
  const value = (name ?? '').trim();
  if (value === '' || value === '<unknown>' || WITHHELD.has(value.toLowerCase())) return undefined;
  return value.slice(0, 80);
}

/** Why a leg that never rang did not: the dial status or hangup cause in the contract's words. */
export function rejectionOf(cause: string | undefined): CallOutcome | null {
  switch (cause) {
    case 'busy':
      return { kind: 'rejected', reason: 'busy' };
    case 'unavailable':
    case 'congestion':
    case 'subscriberAbsent':
    case 'requestedChanUnavail':
    case 'destinationOutOfOrder':
      return { kind: 'rejected', reason: 'unavailable' };
    case 'callRejected':
      return { kind: 'rejected', reason: 'declined' };
    default:
      return null;
  }
}

/**
 * Who a channel is, for "answered by Anna (7003)": the extension from its name
 * (`PJSIP/7003-0000002a`, `Local/7003@from-queue-00000011;1`), the name where Asterisk gives one
 * for that extension (a member name, or the device's caller ID name).
 */
export function answererOf(
  channel: string | undefined,
  name: string | undefined,
): { name?: string; number?: string } | undefined {
  const match = /^[A-Za-z][A-Za-z0-9]*\/([^@;/-]+(?:-[^@;/-]+)*?)(?:@[^;]*)?-[0-9a-f]{1,16}(?:;[12])?$/i.exec(
    channel ?? '',
  );
  const number = match?.[1];
  const shown = cleanName(name);
  if (number === undefined && shown === undefined) return undefined;
  return {
    ...(shown === undefined ? {} : { name: shown }),
    ...(number === undefined ? {} : { number: number.slice(0, 64) }),
  };
}
