/**
 * The streaming AMI reader: text from the socket in, whole messages out.
 *
 * The first line of a connection is Asterisk's greeting (`Asterisk Call Manager/5.0.1`), which
 * has no blank line after it; every later message is `Key: Value` lines ended by a blank line.
 * Lines may end in CRLF (the wire) or LF (transcripts); trailing blanks are dropped (the AMI v2
 * spec's own examples carry some).
 *
 * Invariants:
 * - Memory is bounded: the text of one unfinished message (its fields and the partial line)
 *   MUST NOT exceed `maxMessageChars`; crossing it is an {@link AmiProtocolError}, never
 *   buffering without end. A peer that sends endless garbage is cut off, not obeyed.
 * - A line that is not a field (no colon, or a key with blanks, as in the raw output of the
 *   legacy `Command` action) is skipped and counted, never an error: it carries nothing
 *   Ringdesk reads, and the message around it stays usable.
 * - After an error the parser accepts nothing more; the connection is over.
 */
import { AmiMessage } from './ami-message.js';

/** 64 KiB: far above any real AMI message (the largest in the test fixtures is under 4 KiB). */
export const DEFAULT_MAX_MESSAGE_CHARS = 64 * 1024;

/** The peer broke the framing (a message without end); the connection cannot continue. */
export class AmiProtocolError extends Error {
  override readonly name = 'AmiProtocolError';
}

/** Where parsed output goes. */
export interface AmiParserSink {
  /** The greeting line (only when the parser expects one). */
  banner?(line: string): void;
  /** One complete message. */
  message(message: AmiMessage): void;
}

/** How a parser starts and how much it buffers. */
export interface AmiParserOptions {
  /** True when the first line is Asterisk's greeting (a fresh connection). Default false. */
  readonly expectBanner?: boolean;
  /** The bound on one unfinished message, in characters (default 64 KiB). */
  readonly maxMessageChars?: number;
}

/** The streaming reader; one per connection (see the file comment for its bounds). */
export class AmiParser {
  private pending = '';
  private fields: [string, string][] = [];
  private messageChars = 0;
  private awaitingBanner: boolean;
  private failed: AmiProtocolError | null = null;
  private readonly maxMessageChars: number;
  /** Lines skipped because they were not `Key: Value` fields. */
  skippedLines = 0;

  constructor(
    private readonly sink: AmiParserSink,
    options: AmiParserOptions = {},
  ) {
    this.awaitingBanner = options.expectBanner ?? false;
    this.maxMessageChars = options.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;
  }

  /**
   * Reads `chunk` (any split of the stream) and hands every completed message to the sink.
   * @throws AmiProtocolError when the unfinished message grows past the bound, and on every
   *   call after that.
   */
  push(chunk: string): void {
    if (this.failed !== null) throw this.failed;
    const text = this.pending === '' ? chunk : this.pending + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.line(text.slice(start, end));
      start = end + 1;
    }
    this.pending = start === 0 ? text : text.slice(start);
    if (this.messageChars + this.pending.length > this.maxMessageChars) this.fail();
  }

  private fail(): never {
    this.pending = '';
    this.fields = [];
    this.failed = new AmiProtocolError(
      `Asterisk sent more than ${Math.round(this.maxMessageChars / 1024)} KiB without ending a message`,
    );
    throw this.failed;
  }

  private line(raw: string): void {
    const line = raw.trimEnd();
    if (this.awaitingBanner) {
      this.awaitingBanner = false;
      this.sink.banner?.(line);
      return;
    }
    if (line === '') {
      this.messageChars = 0;
      if (this.fields.length > 0) {
        const fields = this.fields;
        this.fields = [];
        this.sink.message(new AmiMessage(fields));
      }
      return;
    }
    this.messageChars += raw.length + 1;
    if (this.messageChars > this.maxMessageChars) this.fail();
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : '';
    if (key === '' || key.includes(' ')) {
      this.skippedLines++;
      return;
    }
    this.fields.push([key, line.slice(colon + 1).trim()]);
  }
}

/** Parses a whole text (a transcript, a test fixture) into its messages. */
export function parseAmiText(text: string, options: AmiParserOptions = {}): AmiMessage[] {
  const messages: AmiMessage[] = [];
  const parser = new AmiParser({ message: (message) => messages.push(message) }, options);
  parser.push(text.endsWith('\n') ? `${text}\n` : `${text}\n\n`);
  return messages;
}
