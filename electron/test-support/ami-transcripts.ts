/**
 * Reads the AMI transcripts in testdata/ami/ into raw message blocks for replay.
 *
 * - panoramisk fixtures (`panoramisk_fixtures/*.ami.txt`): an optional greeting line, the
 *   client's action, then what Asterisk sent back; LF line ends (the wire uses CRLF).
 * - the events-only filter of the 748-event originate: the same after its `#` header.
 * - the AMI v2 spec examples: numbered scenarios (`#### [4] ...`) whose messages are separated
 *   by blank lines or by the spec's `...` elisions; some lines carry trailing blanks (errata 6).
 *
 * A block is kept as the text it was (LF-joined lines), so a replay sends the bytes of the
 * source, not a re-serialisation by the code under test.
 */
import { parseAmiText } from '../telephony/ami/ami-parser.js';
import type { AmiMessage } from '../telephony/ami/ami-message.js';
import { readTestdata } from './testdata.js';

/** A client/server exchange as recorded. */
export interface AmiTranscript {
  /** The greeting line, when the transcript starts with one. */
  readonly banner: string | null;
  /** The client's action, when the transcript has one. */
  readonly action: AmiMessage | null;
  /** What Asterisk sent back: raw message blocks in order. */
  readonly replies: readonly string[];
}

/** Splits lines into raw blocks: blank lines (and, when asked, `...` lines) end a block. */
function blocks(lines: readonly string[], elisionEnds = false): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '' || (elisionEnds && line.trim() === '...')) {
      if (current.length > 0) out.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

function transcript(text: string): AmiTranscript {
  const lines = text.split('\n');
  const banner = lines[0]?.startsWith('Asterisk Call Manager/') === true ? (lines.shift() ?? null) : null;
  const all = blocks(lines);
  const first = all[0] === undefined ? undefined : parseAmiText(all[0])[0];
  const action = first?.get('Action') === undefined ? null : first;
  return { banner, action, replies: action === null ? all : all.slice(1) };
}

/** A panoramisk fixture by file name (`login_ok.ami.txt`). */
export function readPanoramiskFixture(name: string): AmiTranscript {
  return transcript(readTestdata(`ami/panoramisk_fixtures/${name}`));
}

/** panoramisk_originate_call_events_only.ami.txt, its `#` header stripped. */
export function readEventsOnlyOriginate(): AmiTranscript {
  const text = readTestdata('ami/panoramisk_originate_call_events_only.ami.txt');
  return transcript(
    text
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n'),
  );
}

/** The AMI v2 spec's scenarios by number (`"4"`), each a list of raw message blocks. */
export function readSpecScenarios(): Map<string, string[]> {
  const scenarios = new Map<string, string[]>();
  const text = readTestdata('ami/ami_v2_spec_examples.ami.txt');
  for (const part of text.split(/^#### \[/m).slice(1)) {
    const number = part.slice(0, part.indexOf(']'));
    const lines = part.split('\n').slice(1);
    scenarios.set(
      number,
      blocks(
        lines.filter((line) => !line.startsWith('#')),
        true,
      ),
    );
  }
  return scenarios;
}

/** A raw block as Asterisk puts it on the wire: CRLF line ends and the blank line that ends it. */
export function toWire(block: string): string {
  return `${block.split('\n').join('\r\n')}\r\n\r\n`;
}

/** `block` with its ActionID line replaced by `id` (added when it has none). */
export function withActionId(block: string, id: string): string {
  const lines = block.split('\n');
  const at = lines.findIndex((line) => /^actionid:/i.test(line));
  if (at === -1) return `${block}\nActionID: ${id}`;
  lines[at] = `ActionID: ${id}`;
  return lines.join('\n');
}

/** The raw blocks parsed, for tests that feed the mapper directly. */
export function parseBlocks(raw: readonly string[]): AmiMessage[] {
  return raw.flatMap((block) => parseAmiText(block));
}
