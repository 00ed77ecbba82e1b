/**
 * One finished call in the journal, as stored (one JSON object per line) and as shown in the
 * call log. The schema is checked when the journal is read back, so a hand-edited or damaged
 * line is reported instead of breaking the call log.
 */
import { z } from 'zod';
import { callOutcomeSchema, presentationSchema } from './line-party.js';

/** The longest note an agent can keep on a call. */
export const NOTE_MAX_LENGTH = 2000;

export const journalRecordSchema = z.object({
  /** Unique across restarts (provider call ids are not). */
  id: z.string().min(1),
  callId: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  line: z.string(),
  number: z.object({
    raw: z.string(),
    e164: z.string().nullable(),
    display: z.string(),
    kind: z.string(),
    dialable: z.string(),
  }),
  contact: z
    .object({ name: z.string(), company: z.string().nullable(), directory: z.string(), id: z.string() })
    .nullable(),
  startedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime(),
  /** An incoming call that was never answered. */
  missed: z.boolean(),
  /** A call from a blocked number: rejected where the line could, never popped up. */
  blocked: z.boolean().default(false),
  /** A missed call the agent dealt with (called back, or marked as handled). */
  handled: z.boolean().default(false),
  cause: z.string().nullable(),
  /** When a missed call was handled, and by whom (the agent's line). */
  handledAt: z.iso.datetime().optional(),
  handledBy: z.string().max(128).optional(),
  /** The agent's note on the call. */
  note: z.string().max(NOTE_MAX_LENGTH).optional(),
  // Added for issue 17; optional, so journals written before them still load.
  /** How the line presented the number; absent: as given (`allowed`, or `unknown` when empty). */
  presentation: presentationSchema.optional(),
  /** The remote party's name as the line reported it (caller ID name). */
  remoteName: z.string().optional(),
  /** The queue the call rang from at this phone, or was abandoned in. */
  queue: z.string().optional(),
  /** What became of the call where the line said: answered elsewhere, refused, forwarded, abandoned. */
  outcome: callOutcomeSchema.optional(),
});

export type JournalRecord = z.infer<typeof journalRecordSchema>;

/** A later note on a record, appended instead of rewriting the file: the call was handled. */
export const handledMarkerSchema = z
  .object({ handled: z.string().min(1), at: z.iso.datetime(), by: z.string().max(128).optional() })
  .strict();

/** The agent's note on a record, appended likewise; the last one counts, an empty text removes it. */
export const noteMarkerSchema = z
  .object({ note: z.string().min(1), text: z.string().max(NOTE_MAX_LENGTH), at: z.iso.datetime() })
  .strict();
