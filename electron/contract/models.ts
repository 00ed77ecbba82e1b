/**
 * The data the Companion shows to any face: popups, the line's state, journal records. Zod
 * schemas here are the single definition; types are inferred from them. The renderer imports
 * only the types.
 */
import { z } from 'zod';
import { journalRecordSchema } from './journal-record.js';

export const numberViewSchema = z.object({
  /** As the line reported it. */
  raw: z.string(),
  e164: z.string().nullable(),
  display: z.string(),
  /** `internal`, `local`, `national`, `international`, or `unknown` (withheld or unreadable). */
  kind: z.string(),
  dialable: z.string(),
  valid: z.boolean(),
});

export const contactViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  department: z.string().nullable(),
  title: z.string().nullable(),
  directory: z.string(),
  /** Every directory that knows this person, when more than one does. */
  sources: z.array(z.string()).optional(),
  phones: z.array(z.object({ type: z.string(), raw: z.string(), e164: z.string().nullable() })),
});

export const actionIdSchema = z.enum(['open-contact', 'new-ticket', 'new-contact']);

export const popupModelSchema = z.object({
  callId: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  line: z.string(),
  state: z.enum(['ringing', 'dialing', 'connected', 'ended', 'missed']),
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  number: numberViewSchema,
  /** `pending` until every directory has answered or timed out. */
  lookup: z.enum(['pending', 'done']),
  contacts: z.array(contactViewSchema),
  /** The contact the agent picked, as an index into `contacts`. */
  selected: z.number().int().nullable(),
  failures: z.array(z.object({ directory: z.string(), error: z.string() })),
  /** The template the HTML was rendered with, and the HTML (every value escaped). */
  template: z.string(),
  /** The language of the popup's words (its HTML's `lang`); absent means English. */
  language: z.enum(['en', 'de']).optional(),
  html: z.string(),
  actions: z.array(z.object({ id: actionIdSchema, label: z.string(), url: z.string() })),
});

/**
 * Why a line is down, in a few kinds a person can act on (telephony/line-problem.ts reads them
 * from the provider's raw reason); `other` means only the raw reason says.
 */
export const lineProblemSchema = z.enum([
  'refused',
  'not-found',
  'unreachable',
  'timeout',
  'auth',
  'secret-missing',
  'not-ami',
  'tls',
  'lost',
  'bridge-missing',
  'bridge-exited',
  'address-in-use',
  'cannot-listen',
  'line-ambiguous',
  'other',
]);

/** The product behind a line, for its name in the faces' words (never the settings' `ami`/`tapi`). */
export const lineProductSchema = z.enum([
  'simulator',
  'asterisk',
  'tapi',
  'zammad',
  'kix',
  'desk-phone',
  'webhooks',
]);

export const lineStatusSchema = z.object({
  provider: z.string(),
  line: z.string(),
  state: z.enum(['disconnected', 'connecting', 'connected']),
  /** Why the line is not connected, when known. */
  reason: z.string().nullable(),
  capabilities: z.array(z.string()),
  /** The product, for its name (absent from older Companions: faces fall back to `provider`). */
  product: lineProductSchema.optional(),
  /** Where the line connects or listens (`pbx:5038`, `127.0.0.1:8765`), when it has such a place. */
  target: z.string().nullable().optional(),
  /** `reason` read as a problem a person can act on; null while connected or not known. */
  problem: lineProblemSchema.nullable().optional(),
  /**
   * Milliseconds from when this status was made until the Companion tries again (its reconnect
   * policy); null when no retry is scheduled. Relative, so a browser's clock skew does not matter.
   */
  retryInMs: z.number().nullable().optional(),
});

/**
 * What a dial command did. Normally the call was placed (`callId`). A clicked link or a callback
 * may instead wait for the agent's confirmation (settings `links.confirm`,
 * `links.confirmCallbacks`): then nothing was dialled yet, `callId` is null and
 * `confirmationId` names the pending confirmation (see `dialConfirmationSchema`).
 */
export const dialResultSchema = z.object({
  /** The placed call; null while the dial waits for the agent's confirmation. */
  callId: z.string().nullable(),
  number: z.string(),
  e164: z.string().nullable(),
  dialable: z.string(),
  /** Present when nothing was dialled yet: the confirmation to answer (`confirmDial`/`cancelDial`). */
  confirmationId: z.string().optional(),
});

/**
 * A dial waiting for the agent's yes: who the number belongs to and exactly what the line will be
 * asked to dial, so a wrong or manipulated link is caught before the phone rings. It waits until
 * `confirmDial` or `cancelDial`, or expires (then `dialConfirmationClosed` says so).
 */
export const dialConfirmationSchema = z.object({
  id: z.string(),
  /**
   * A clicked phone link, a callback from the call log, or the desktop app's "dial the selected
   * text" shortcut (`selection`: Linux's highlighted text; `clipboard`: what was copied).
   */
  source: z.enum(['link', 'callback', 'selection', 'clipboard']),
  /** The number as the popup would show it (`raw` is the link as clicked, for a link). */
  number: numberViewSchema,
  /** Everyone the directories know with this number (empty: nobody, or not looked up). */
  contacts: z.array(contactViewSchema),
  failures: z.array(z.object({ directory: z.string(), error: z.string() })),
  /** Exactly the string the line will be asked to dial. */
  dialable: z.string(),
  /** Epoch ms: when it was asked, and when it is withdrawn unanswered. */
  createdAt: z.number(),
  expiresAt: z.number(),
});

/** How a confirmation ended: the agent dialled or cancelled, or nobody answered in time. */
export const confirmationOutcomeSchema = z.enum(['confirmed', 'cancelled', 'expired']);

/** Complete dialing rules (see numbers/dialing-rules.ts), as the forms prefill them. */
export const dialingRulesModelSchema = z.object({
  countryCode: z.string(),
  areaCode: z.string(),
  baseNumber: z.string(),
  extensionMaxLength: z.number(),
  outsideLineAccess: z.string(),
  trunkPrefix: z.string(),
  internationalPrefix: z.string(),
  localFormat: z.enum(['subscriber', 'area', 'trunk-area']),
  incomingFilters: z.array(z.string()).readonly(),
});

export const snapshotSchema = z.object({
  line: lineStatusSchema,
  popups: z.array(popupModelSchema),
  journal: z.array(journalRecordSchema),
  /** Dials waiting for the agent's confirmation, oldest first. */
  confirmations: z.array(dialConfirmationSchema),
  /** The UI language the settings choose (`app.language`); null: the OS's or browser's. */
  language: z.enum(['en', 'de']).nullable(),
});

export { journalRecordSchema };
export type NumberView = z.infer<typeof numberViewSchema>;
export type ContactView = z.infer<typeof contactViewSchema>;
export type ActionId = z.infer<typeof actionIdSchema>;
export type PopupModel = z.infer<typeof popupModelSchema>;
export type LineStatus = z.infer<typeof lineStatusSchema>;
export type LineProblem = z.infer<typeof lineProblemSchema>;
export type LineProduct = z.infer<typeof lineProductSchema>;
export type DialResult = z.infer<typeof dialResultSchema>;
export type DialConfirmation = z.infer<typeof dialConfirmationSchema>;
export type ConfirmationOutcome = z.infer<typeof confirmationOutcomeSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type { JournalRecord } from './journal-record.js';
