/**
 * A contact as every directory reports it, whatever its source (address book file, LDAP,
 * helpdesk). Directories fill what they know; the popup and the CLI show it.
 */

/** One phone number of a contact. */
export interface ContactPhone {
  /** What kind of number: `work`, `mobile`, `home`, `fax`, `main`, ... (lower case). */
  readonly type: string;
  /** The number as the directory stores it. */
  readonly raw: string;
  /** Its E.164 form completed with the dialing rules; null when it cannot be completed. */
  readonly e164: string | null;
  /**
   * Present (true) when the number reaches a switchboard and an extension there
   * (`tel:+1-418-656-9254;ext=102`): dialable, but never matched to an incoming call, since any
   * caller from that company would otherwise pop up this person.
   */
  readonly viaSwitchboard?: true;
}

export interface Contact {
  /** Shown name: vCard `FN`, else first and last name, else the company. */
  readonly name: string;
  readonly company: string | null;
  readonly phones: readonly ContactPhone[];
  readonly email: string | null;
  /** The directory that knows this contact (its name in the settings). */
  readonly directory: string;
  /** Stable within its directory (vCard UID, LDAP DN, helpdesk id, or the file line). */
  readonly id: string;
  readonly department: string | null;
  readonly title: string | null;
  /**
   * Present when two or more directories know this person: every directory's name, the one
   * whose fields are shown (`directory`, the highest in priority) first.
   */
  readonly sources?: readonly string[];
}

/** The name a contact is shown with: given name, else first + last name, else company. */
export function contactName(parts: {
  formatted?: string | null | undefined;
  first?: string | null | undefined;
  last?: string | null | undefined;
  company?: string | null | undefined;
}): string {
  const formatted = parts.formatted?.trim();
  if (formatted !== undefined && formatted !== '') return formatted;
  const person = [parts.first, parts.last]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  if (person !== '') return person;
  return parts.company?.trim() ?? '';
}

/** `value` trimmed, or null when empty. */
export function orNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
