/**
 * Reading fields of events from the network: a value longer than any real one (Asterisk's
 * unique ids, channel names and numbers are far below 256 characters) is treated as missing,
 * so a hostile peer cannot make Ringdesk keep megabytes per channel it invents.
 */
import type { AmiMessage } from './ami-message.js';

/** The longest field value Ringdesk keeps. */
export const MAX_FIELD_CHARS = 256;

/** The value of `key` (any case), or undefined when missing or longer than {@link MAX_FIELD_CHARS}. */
export function field(message: AmiMessage, key: string): string | undefined {
  const value = message.get(key);
  return value === undefined || value.length > MAX_FIELD_CHARS ? undefined : value;
}
