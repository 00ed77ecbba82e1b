/**
 * Record and replay of a line: every event a provider reports, with its time, as JSON lines,
 * so that a customer's problem (a PBX that sends events in an odd order) can be replayed on the
 * simulator and reproduced in a test.
 *
 * File format, one object per line: `{"t": <ms since recording started>, "event": <LineEvent>}`.
 */
import { appendFileSync } from 'node:fs';
import { z } from 'zod';
import { callOutcomeSchema, presentationSchema } from '../contract/line-party.js';
import type { LineProvider } from './line-provider.js';

/** The remote party's details an event may carry (see `LineEvent`). */
const party = { presentation: presentationSchema.optional(), name: z.string().optional() };

const recordedEventSchema = z.object({
  t: z.number().min(0),
  event: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('offering'),
      callId: z.string(),
      line: z.string(),
      remote: z.string(),
      ...party,
      queue: z.string().optional(),
      ringsHere: z.boolean().optional(),
    }),
    z.object({
      type: z.literal('dialing'),
      callId: z.string(),
      line: z.string(),
      remote: z.string(),
      dialled: z.string(),
      ...party,
    }),
    z.object({ type: z.literal('updated'), callId: z.string(), remote: z.string(), ...party }),
    z.object({ type: z.literal('connected'), callId: z.string() }),
    z.object({
      type: z.literal('ended'),
      callId: z.string(),
      cause: z.string().optional(),
      outcome: callOutcomeSchema.optional(),
    }),
    z.object({
      type: z.literal('state'),
      state: z.enum(['disconnected', 'connecting', 'connected']),
      reason: z.string().optional(),
    }),
  ]),
});

export type RecordedEvent = z.infer<typeof recordedEventSchema>;

/** Appends every event of `provider` to `file`; returns the function that stops recording. */
export function recordLine(provider: LineProvider, file: string, now: () => number): () => void {
  const start = now();
  return provider.onEvent((event) => {
    appendFileSync(file, `${JSON.stringify({ t: now() - start, event })}\n`, { mode: 0o600 });
  });
}

/** Reads a recording; a line that is not a recorded event is an error naming its line number. */
export function parseRecording(text: string): RecordedEvent[] {
  return text
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, index }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`recording line ${index + 1}: not JSON`);
      }
      const result = recordedEventSchema.safeParse(value);
      if (!result.success) throw new Error(`recording line ${index + 1}: not a recorded line event`);
      return result.data;
    });
}
