/**
 * Cuts the bridge's stdout into lines, with a bound: the bridge is a separate program, and a
 * broken or hostile one must not make Ringdesk hold an endless line in memory. A line longer
 * than the limit, or one that is not UTF-8, is an error the caller treats as garbage.
 */

/** The bridge sent something that is not a line of text within the limit. */
export class FramingError extends Error {
  override readonly name = 'FramingError';
}

const NEWLINE = 0x0a;

/** Splits a byte stream into UTF-8 lines of at most a given length. */
export class LineFramer {
  private readonly parts: Buffer[] = [];
  private held = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  /** @param maxBytes the longest line, newline included. */
  constructor(private readonly maxBytes: number) {}

  /**
   * The complete lines in `chunk` (with what came before it), without their `\n` or `\r\n`.
   * A partial line is kept for the next chunk.
   *
   * @throws FramingError when a line grows past the limit or is not UTF-8.
   */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.hold(chunk.subarray(start, end), 1);
      lines.push(this.take());
      start = end + 1;
    }
    this.hold(chunk.subarray(start), 0);
    return lines;
  }

  private hold(part: Buffer, newline: number): void {
    if (this.held + part.length + newline > this.maxBytes) {
      throw new FramingError(`a line longer than ${this.maxBytes} bytes`);
    }
    if (part.length === 0) return;
    this.parts.push(part);
    this.held += part.length;
  }

  private take(): string {
    const bytes = Buffer.concat(this.parts, this.held);
    this.parts.length = 0;
    this.held = 0;
    let line: string;
    try {
      line = this.decoder.decode(bytes);
    } catch {
      throw new FramingError('a line that is not UTF-8');
    }
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}
