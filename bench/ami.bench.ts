/**
 * AMI reading throughput: the 748-event originate transcript from testdata/ami (Asterisk 11,
 * mostly VarSet/AGIExec/Newexten noise, as a busy PBX sends), repeated to about 3 MB and fed in
 * 16 KiB socket-sized chunks.
 *
 * - parse: the streaming parser alone, in events per second (goal ≥ 50,000/s), as a ratio to
 *   reading the same chunks without parsing (only splitting them into lines, as any reader must).
 * - parse + map: the whole provider pipeline (parser and call mapper on a watched line).
 */
import { readPanoramiskFixture, toWire } from '../electron/test-support/ami-transcripts.js';
import { AmiCallMapper } from '../electron/telephony/ami/ami-call-mapper.js';
import { AmiParser } from '../electron/telephony/ami/ami-parser.js';
import { compare, nanosPerCall, type BenchResult } from './measure.js';

const GOAL_EVENTS_PER_SECOND = 50_000;
const CHUNK = 16 * 1024;
const REPEAT = 20;

function chunks(): { chunks: string[]; events: number } {
  const replies = readPanoramiskFixture('originate_with_events.ami.txt').replies;
  const wire = replies.map(toWire).join('').repeat(REPEAT);
  const out: string[] = [];
  for (let at = 0; at < wire.length; at += CHUNK) out.push(wire.slice(at, at + CHUNK));
  const events = replies.filter((block) => block.startsWith('Event:')).length * REPEAT;
  return { chunks: out, events };
}

/** The baseline: lines found, nothing else (what reading the socket costs at least). */
function splitLines(input: readonly string[]): number {
  let pending = '';
  let lines = 0;
  for (const chunk of input) {
    const text = pending + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) lines++;
      start = end + 1;
    }
    pending = text.slice(start);
  }
  return lines;
}

function parse(input: readonly string[]): number {
  let messages = 0;
  const parser = new AmiParser({ message: () => messages++ });
  for (const chunk of input) parser.push(chunk);
  return messages;
}

function parseAndMap(input: readonly string[]): number {
  let calls = 0;
  const mapper = new AmiCallMapper({
    line: 'SIP/ddddd',
    originateChannel: 'PJSIP/none',
    emit: (event) => {
      if (event.type === 'ended') calls++;
    },
  });
  const parser = new AmiParser({ message: (message) => mapper.handle(message) });
  for (const chunk of input) parser.push(chunk);
  return calls;
}

/** Both AMI results (see the file comment); goals are reported, never enforced. */
export function benchAmi(): BenchResult[] {
  const { chunks: input, events } = chunks();
  if (parse(input) < events) throw new Error('the parser lost messages');
  const bytes = input.reduce((sum, chunk) => sum + chunk.length, 0);
  const result = compare([input], splitLines, parse, 5);
  const perSecond = (nanos: number) => Math.round(events / (nanos / 1e9));
  const parsed = perSecond(result.candidate);
  const mapped = perSecond(nanosPerCall([input], parseAndMap, 7));
  return [
    {
      name: 'ami: parse events vs splitting the same bytes into lines',
      goal: `>= ${GOAL_EVENTS_PER_SECOND.toLocaleString('en')} events/s`,
      met: parsed >= GOAL_EVENTS_PER_SECOND,
      events,
      megabytes: Number((bytes / 1e6).toFixed(1)),
      eventsPerSecond: parsed,
      lineSplitEventsPerSecond: perSecond(result.baseline),
      ratio: Number(result.ratio.toFixed(2)),
    },
    {
      name: 'ami: parse + map to calls (whole provider pipeline)',
      goal: `>= ${GOAL_EVENTS_PER_SECOND.toLocaleString('en')} events/s`,
      met: mapped >= GOAL_EVENTS_PER_SECOND,
      events,
      eventsPerSecond: mapped,
    },
  ];
}
