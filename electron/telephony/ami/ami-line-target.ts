/**
 * Which phone the `ami` line watches and rings: the device behind the settings' `line`, found
 * the way `ringdesk provider test` and the wizard find it (`findLine` over the extensions with a
 * device hint, `ExtensionStateList`). A line written as its extension (`"7002"`) on a phone
 * whose device is not named after it (`PJSIP/phone-b7`) is watched as that device's channels
 * (`PJSIP/phone-b7-00000012`), never as `…/7002-…`.
 *
 * Invariants:
 * - An extension several devices answer to MUST NOT be watched at all: {@link AmiLineNotFoundError}
 *   names them, and the connection fails with it (the provider never guesses which phone is the
 *   agent's).
 * - A line Asterisk does not list (no hint for it, a plain Asterisk without hints) and a line
 *   when Asterisk cannot list its extensions (Asterisk 11 has no `ExtensionStateList`; a manager
 *   user without `write = call`) are watched as written: an extension as any device named after
 *   it (`PJSIP/12-…`, `SIP/12-…`), a device as itself. `provider test` says the line is not
 *   listed, and the line log says it is watched as written.
 */
import { findLine, LineNotFoundError } from '../../contract/line-choice.js';
import type { AmiLineNote } from './ami-call-details.js';
import type { AmiLineChoice, AmiLineListing } from './ami-lines.js';

/** The phone the line is: what channels to watch and what Originate rings. */
export interface AmiLineTarget {
  /** `PJSIP/phone-b7` (found), or the line as written when Asterisk could not list (`12`). */
  readonly device: string;
  /** The agent's own extension (`7002`): its own caller ID, never the remote party. */
  readonly extension: string;
  /** True when the device came from Asterisk's list (Originate then rings it). */
  readonly found: boolean;
}

/**
 * Several devices answer to the configured line. `lines` are
 * the lines Asterisk listed, so that a caller (the wizard's test) can offer them to pick from.
 */
export class AmiLineNotFoundError extends LineNotFoundError {
  override readonly name = 'AmiLineNotFoundError';

  constructor(
    message: string,
    override readonly lines: readonly AmiLineChoice[],
  ) {
    super(message, lines);
  }
}

const SHOWN = 10;

/**
 * The phone `line` (the settings' `line`) is on Asterisk, given what `ExtensionStateList` said.
 * @throws AmiLineNotFoundError when several devices answer to it.
 */
export function lineTarget(line: string, listing: AmiLineListing): AmiLineTarget {
  const asWritten = { device: line, extension: line.slice(line.indexOf('/') + 1), found: false };
  if (listing.kind === 'unlisted') return asWritten;
  const match = findLine(listing.lines, line);
  if (match.kind === 'found') {
    const { id } = match.line;
    const extension = listing.lines.find((each) => each.id === id)?.extension ?? line;
    return { device: id, extension, found: true };
  }
  if (match.kind === 'ambiguous')
    throw new AmiLineNotFoundError(
      `line ${line} matches several devices on Asterisk: ${names(match.lines)}; set "line" to the one that is your phone`,
      listing.lines,
    );
  return asWritten;
}

/**
 * The line log's entry for a line that was not found and is watched as written: why (Asterisk's
 * reason for not listing, or that the line is not among those listed), so the admin can tell a
 * typo from an Asterisk without hints.
 */
export function watchedAsWrittenNote(line: string, listing: AmiLineListing): AmiLineNote {
  return {
    callId: '',
    note: 'line watched as written',
    detail: {
      line,
      ExtensionStateList:
        listing.kind === 'unlisted'
          ? listing.reason
          : `the line is not among the ${String(listing.lines.length)} extensions with a device hint`,
    },
  };
}

function names(lines: readonly { id: string; name: string }[]): string {
  const shown = lines.slice(0, SHOWN).map((each) => `${each.id} "${each.name}"`);
  return lines.length > SHOWN ? `${shown.join(', ')} and ${lines.length - SHOWN} more` : shown.join(', ');
}
