/**
 * Dial events of both AMI generations in one shape, and the numbers they carry.
 *
 * - Asterisk 12+: `DialBegin` / `DialEnd`; the calling channel's fields are plain (`Channel`,
 *   `Uniqueid`, `CallerIDNum`), the called channel's are prefixed `Dest`; when Asterisk
 *   originates with no caller, only the `Dest` fields are there.
 * - Asterisk 11: `Dial` with `SubEvent: Begin` (`Channel`, `Destination`, `UniqueID`,
 *   `DestUniqueID`, `Dialstring`) or `SubEvent: End` (the caller and `DialStatus` only).
 */
import { field } from './ami-fields.js';
import type { AmiMessage } from './ami-message.js';

/** One side of a dial. */
export interface DialLeg {
  readonly uniqueid: string;
  readonly name: string;
  readonly linkedid: string | undefined;
  readonly callerIdNumber: string | undefined;
  readonly callerIdName: string | undefined;
  readonly connectedNumber: string | undefined;
}

function leg(message: AmiMessage, prefix: '' | 'Dest', nameKey: string): DialLeg | null {
  const uniqueid = field(message, `${prefix}Uniqueid`);
  const name = field(message, nameKey);
  if (uniqueid === undefined || uniqueid === '' || name === undefined || name === '') return null;
  return {
    uniqueid,
    name,
    linkedid: field(message, `${prefix}Linkedid`),
    callerIdNumber: field(message, `${prefix}CallerIDNum`),
    callerIdName: field(message, `${prefix}CallerIDName`),
    connectedNumber: field(message, `${prefix}ConnectedLineNum`),
  };
}

function subEvent(message: AmiMessage): string {
  const event = message.event?.toLowerCase();
  if (event === 'dialbegin') return 'begin';
  if (event === 'dialend') return 'end';
  return event === 'dial' ? (field(message, 'SubEvent')?.toLowerCase() ?? '') : '';
}

/** A dial that starts: the caller (null when Asterisk originates) and the called leg. */
export function dialBegin(message: AmiMessage): { caller: DialLeg | null; dest: DialLeg } | null {
  if (subEvent(message) !== 'begin') return null;
  const dest = leg(message, 'Dest', message.event?.toLowerCase() === 'dial' ? 'Destination' : 'DestChannel');
  return dest === null ? null : { caller: leg(message, '', 'Channel'), dest };
}

/** A dial that ended, with its `DialStatus` (Asterisk 11 names no called leg). */
export function dialEnd(message: AmiMessage): DialEnd | null {
  if (subEvent(message) !== 'end') return null;
  return {
    caller: field(message, 'Uniqueid') ?? field(message, 'UniqueID'),
    dest: field(message, 'DestUniqueid'),
    destName: field(message, 'DestChannel') ?? field(message, 'Destination'),
    destCallerName: field(message, 'DestCallerIDName'),
    status: field(message, 'DialStatus'),
    forward: field(message, 'Forward'),
  };
}

/** A dial that ended (`DialEnd`, Asterisk 11's `Dial` end), with its `DialStatus` and `Forward`. */
export interface DialEnd {
  readonly caller: string | undefined;
  /** Asterisk 11 names no called leg. */
  readonly dest: string | undefined;
  readonly destName: string | undefined;
  readonly destCallerName: string | undefined;
  readonly status: string | undefined;
  /** Where the called phone forwarded the call (a SIP 302), when it did. */
  readonly forward: string | undefined;
}

/** A caller ID number as the line reports it; Asterisk's `<unknown>` (no caller ID) is ''. */
export function remoteNumber(value: string | undefined): string {
  const number = (value ?? '').trim();
  return number === '<unknown>' || number.toLowerCase() === 'anonymous' ? '' : number.slice(0, 64);
}

const DIALLED = /^\+?[0-9*#]{1,40}$/;

/**
 * The number an agent's phone dialled, from clues best first: the extension its leg was created
 * with, the dial's `Exten`, the caller's connected line (Asterisk 11 puts the called number
 * there), the dial string's number (`0211555@trunk`, `trunk/0211555`). A clue counts only when
 * it looks dialled (digits, `*`, `#`, a leading `+`) and is not the agent's own number; '' when
 * none does.
 */
export function outgoingNumber(clues: readonly (string | undefined)[], own: string): string {
  for (const clue of clues) {
    if (clue === undefined) continue;
    const at = clue.indexOf('@');
    const number = remoteNumber((at === -1 ? clue : clue.slice(0, at)).split('/').at(-1));
    if (DIALLED.test(number) && number !== own) return number;
  }
  return '';
}
