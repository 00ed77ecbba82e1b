/**
 * One Asterisk Manager Interface message (an action, a response or an event) and the one way
 * Ringdesk writes actions.
 *
 * The AMI v2 specification says: fields are `Key: Value` lines separated by CRLF, a blank line
 * ends the message, keys are case-insensitive (`ActionID` = `actionid`), keys may repeat
 * (`Variable`), and no order is implied. {@link AmiMessage} keeps every field in order and
 * answers case-insensitive look-ups with the first value, so both spellings Asterisk uses across
 * versions (`UniqueID` in Asterisk 11, `Uniqueid` in 12+) read alike.
 */

/** An AMI message as received: its fields in wire order, looked up case-insensitively. */
export class AmiMessage {
  private readonly byKey = new Map<string, string>();

  /**
   * @param fields every `Key: Value` pair in wire order (keys as sent, values trimmed); the
   *   first value of a repeated key is the one {@link get} returns.
   */
  constructor(readonly fields: readonly (readonly [string, string])[]) {
    for (const [key, value] of fields) {
      const lower = key.toLowerCase();
      if (!this.byKey.has(lower)) this.byKey.set(lower, value);
    }
  }

  /** The first value of `key` (any case), or undefined when the message has no such field. */
  get(key: string): string | undefined {
    return this.byKey.get(key.toLowerCase());
  }

  /** Every value of `key` (any case) in wire order: repeated keys such as `Variable`. */
  all(key: string): string[] {
    const lower = key.toLowerCase();
    return this.fields.filter(([name]) => name.toLowerCase() === lower).map(([, value]) => value);
  }

  /** The event name (`Newchannel`), or undefined for responses and actions. */
  get event(): string | undefined {
    return this.get('Event');
  }
}

/** An action Ringdesk refuses to write because a value would break the AMI framing. */
export class AmiActionError extends Error {
  override readonly name = 'AmiActionError';
}

/** Field values Ringdesk writes: one line each, printable, bounded. */
const SAFE_VALUE = /^[^\r\n\0]{0,1024}$/;
const SAFE_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Serialises an action as AMI wire text (CRLF lines, blank line at the end). `fields` starts
 * with `Action`; values that are undefined are left out.
 *
 * It MUST NOT write a value containing CR, LF or NUL: such a value would end the line early and
 * let a number typed by a user smuggle further fields (`Application: System`) into the action.
 * @throws AmiActionError naming the offending field.
 */
export function serializeAction(fields: Readonly<Record<string, string | undefined>>): string {
  let text = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!SAFE_KEY.test(key)) throw new AmiActionError(`"${key.slice(0, 40)}" is not an AMI field name`);
    if (!SAFE_VALUE.test(value))
      throw new AmiActionError(`the AMI field ${key} must be one line of at most 1024 characters`);
    text += `${key}: ${value}\r\n`;
  }
  return `${text}\r\n`;
}
