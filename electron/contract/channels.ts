/**
 * The one list of commands (UI → Companion) and events (Companion → UI), each with the zod
 * schema of its arguments or payload. The Electron IPC router and the WebSocket host both
 * validate every command's arguments with these schemas before any handler runs; the preload
 * and the renderer's bridge expose exactly these verbs.
 */
import { z } from 'zod';
import {
  actionIdSchema,
  confirmationOutcomeSchema,
  dialConfirmationSchema,
  dialResultSchema,
  dialingRulesModelSchema,
  journalRecordSchema,
  lineProblemSchema,
  lineProductSchema,
  lineStatusSchema,
  popupModelSchema,
  snapshotSchema,
} from './models.js';
import { NOTE_MAX_LENGTH } from './journal-record.js';

const callId = z.string().min(1).max(128);
const confirmationId = z.string().min(1).max(128);
const fieldProblemSchema = z.object({ path: z.string(), message: z.string() });
const problemsSchema = z.object({ ok: z.literal(false), problems: z.array(fieldProblemSchema) });
const saveResultSchema = z.union([z.object({ ok: z.literal(true) }), problemsSchema]);
/** A field that saves but will surprise (an extension length reaching emergency numbers). */
const fieldWarningSchema = fieldProblemSchema.extend({
  code: z.string(),
  numbers: z.array(z.string()).readonly(),
});
const checkSchema = z.object({
  check: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  /** A failed line connect read as a problem (faces say it in words; `detail` stays as given). */
  problem: lineProblemSchema.optional(),
});
/**
 * What the user must still do for links to reach Ringdesk: confirm it in Windows' Default Apps;
 * allow the browser to open it on the first click; run `ringdesk link register` (headless host).
 */
/** The kinds of file a settings field can name (an address book's format). */
const fileKindSchema = z.enum(['csv', 'vcard']);
export type FileKind = z.infer<typeof fileKindSchema>;

export const linkHandlerStepSchema = z.enum(['windows-default-apps', 'browser-confirm', 'run-link-register']);
export type LinkHandlerStep = z.infer<typeof linkHandlerStepSchema>;

/**
 * Who really opens one scheme's links, as the OS answers (not what Ringdesk asked for): Ringdesk
 * (`handled`), another application (`other`, named in `app` as the OS names it), or nothing.
 */
export const schemeStatusSchema = z.object({
  scheme: z.string(),
  state: z.enum(['handled', 'other', 'none']),
  app: z.string().optional(),
});
export type SchemeStatus = z.infer<typeof schemeStatusSchema>;

/** The phone-link registration as it stands: every scheme Ringdesk offers, and what the face can do. */
export const linkStatusSchema = z.object({
  schemes: z.array(schemeStatusSchema).readonly(),
  /** Whether the face can open the OS's page where the user picks the default app (Windows). */
  defaultApps: z.boolean(),
  /** Whether the user asked for the links (then each start renews the registration). */
  remembered: z.boolean(),
});
export type LinkStatus = z.infer<typeof linkStatusSchema>;

export const commandSchemas = {
  /** Everything a face shows, at once (after connecting). */
  getSnapshot: { args: z.object({}).strict(), result: snapshotSchema },
  /** Dials a number as typed (completed with the dialing rules). */
  dial: { args: z.object({ number: z.string().min(1).max(256) }).strict(), result: dialResultSchema },
  /** Dials a tel:/phone:/callto:/sip: link (parsed strictly). */
  dialLink: { args: z.object({ uri: z.string().min(1).max(2048) }).strict(), result: dialResultSchema },
  /**
   * Connects a line that is down now, instead of at the next scheduled attempt; `started` is
   * false when it is connected or already connecting.
   */
  retryLine: { args: z.object({}).strict(), result: z.object({ started: z.boolean() }) },
  /** Shows the settings window (a face with one; a browser page follows its own link instead). */
  openSettings: { args: z.object({}).strict(), result: z.object({}) },
  /** Calls back the number of a journal record. */
  callback: { args: z.object({ journalId: z.string().min(1).max(128) }).strict(), result: dialResultSchema },
  /** The agent says yes to a pending confirmation: the number is dialled now. */
  confirmDial: { args: z.object({ id: confirmationId }).strict(), result: dialResultSchema },
  /** The agent says no to a pending confirmation: nothing is dialled. */
  cancelDial: { args: z.object({ id: confirmationId }).strict(), result: z.object({}) },
  /** Marks a missed call as handled. */
  markHandled: {
    args: z.object({ journalId: z.string().min(1).max(128) }).strict(),
    result: journalRecordSchema,
  },
  /** Keeps the agent's note on a call (an empty text removes it). */
  setNote: {
    args: z.object({ journalId: z.string().min(1).max(128), text: z.string().max(NOTE_MAX_LENGTH) }).strict(),
    result: journalRecordSchema,
  },
  /** The journal as CSV, in the UI's language (its list separator and column names; default English). */
  exportJournal: {
    args: z.object({ language: z.enum(['en', 'de']).optional() }).strict(),
    result: z.object({ filename: z.string(), csv: z.string() }),
  },
  /** The agent picks one of several matching contacts. */
  selectContact: {
    args: z.object({ callId, index: z.int().min(0).max(999) }).strict(),
    result: popupModelSchema,
  },
  /** Shows the choice of contacts again, after a (remembered) pick. */
  chooseAgain: { args: z.object({ callId }).strict(), result: popupModelSchema },
  /** The settings document as saved (secrets as references), for the wizard and settings window. */
  getSettings: {
    args: z.object({}).strict(),
    result: z.object({
      document: z.unknown(),
      file: z.string(),
      firstRun: z.boolean(),
      defaults: z.object({ dialingRules: dialingRulesModelSchema }),
      templates: z.array(z.string()).readonly(),
      problems: z.array(fieldProblemSchema).readonly(),
      /** The settings cannot be changed here (the demo's come with the app). */
      readOnly: z.boolean().optional(),
      /** The administrator's site settings: where from, and the keys (dotted) the user cannot change. */
      site: z.object({ source: z.string(), locked: z.array(z.string()).readonly() }).optional(),
    }),
  },
  /** Checks settings (unsaved) as a save would, without saving: the wizard checks each step so. */
  checkSettings: { args: z.object({ document: z.unknown() }).strict(), result: saveResultSchema },
  /** Checks and saves the settings; field problems come back, nothing is saved then. */
  saveSettings: { args: z.object({ document: z.unknown() }).strict(), result: saveResultSchema },
  /** Tests a line's settings (unsaved) and lists its lines. */
  testLine: {
    args: z.object({ line: z.unknown() }).strict(),
    result: z.union([
      z.object({
        ok: z.boolean(),
        checks: z.array(checkSchema).readonly(),
        lines: z
          .array(z.object({ id: z.string(), name: z.string(), extension: z.string().optional() }))
          .readonly(),
        /** The line's product and place, for the words of a failed check. */
        product: lineProductSchema.optional(),
        target: z.string().nullable().optional(),
      }),
      problemsSchema,
    ]),
  },
  /** Tests one directory's settings (unsaved). */
  testDirectory: {
    args: z.object({ directory: z.unknown() }).strict(),
    result: z.union([
      z.object({
        directory: z.string(),
        type: z.string(),
        ok: z.boolean(),
        detail: z.string(),
        warnings: z.array(z.string()).readonly(),
      }),
      problemsSchema,
    ]),
  },
  /**
   * What dialing rules (unsaved) make of a number; `warnings` (when the rules are valid) name
   * fields that save but will surprise, such as extensions that reach emergency numbers.
   */
  previewNumber: {
    args: z.object({ rules: z.unknown(), input: z.string().max(256) }).strict(),
    result: z.union([
      z.object({
        input: z.string(),
        e164: z.string().nullable(),
        kind: z.string(),
        dialable: z.string(),
        display: z.string(),
        valid: z.boolean(),
        /** The rules completed from the country (what empty fields mean). */
        rules: dialingRulesModelSchema.optional(),
        warnings: z.array(fieldWarningSchema).readonly().optional(),
      }),
      z.object({ error: z.string(), warnings: z.array(fieldWarningSchema).readonly().optional() }),
    ]),
  },
  /** A template rendered for a sample caller, with the dialing rules given (unsaved) or in force. */
  previewPopup: {
    args: z.object({ template: z.string().max(64), rules: z.unknown().optional() }).strict(),
    result: z.object({ html: z.string() }),
  },
  /**
   * The Actions form: the helpdesk presets (their URLs hold `{{base}}`), the placeholders, and the
   * exact URL each action opens for a sample known caller, unknown caller and colleague, with the
   * global actions (unsaved) or, given a directory entry, the actions its contacts get.
   */
  previewActions: {
    args: z.object({ actions: z.unknown(), directory: z.unknown().optional() }).strict(),
    result: z.union([
      z.object({
        presets: z
          .array(
            z.object({
              id: z.string(),
              label: z.string(),
              templates: z.object({ openContact: z.string(), newTicket: z.string(), newContact: z.string() }),
            }),
          )
          .readonly(),
        placeholders: z.array(z.string()).readonly(),
        samples: z
          .array(
            z.object({
              sample: z.enum(['known', 'unknown', 'colleague']),
              who: z.string(),
              actions: z
                .array(
                  z.union([
                    z.object({ id: actionIdSchema, url: z.string() }),
                    z.object({ id: actionIdSchema, error: z.string() }),
                  ]),
                )
                .readonly(),
            }),
          )
          .readonly(),
      }),
      problemsSchema,
    ]),
  },
  /**
   * Makes Ringdesk the OS handler for phone links (tel, callto, phone; sip when the settings say
   * so), as far as the face can; `steps` are what the user must still do (Windows' Default Apps).
   */
  registerLinkHandler: {
    args: z.object({}).strict(),
    result: z.object({
      /** The schemes whose links now reach Ringdesk, as the OS answers afterwards. */
      registered: z.array(z.string()).readonly(),
      /** The schemes whose links still go elsewhere (see `schemes` for who has them). */
      refused: z.array(z.string()).readonly(),
      steps: z.array(linkHandlerStepSchema).readonly(),
      schemes: z.array(schemeStatusSchema).readonly(),
    }),
  },
  /**
   * Lets the user choose a file where the face has a file dialog (the desktop app); `available`
   * is false where it has none (a browser), which offers `listFiles` instead.
   */
  pickFile: {
    args: z.object({ kind: fileKindSchema }).strict(),
    result: z.object({ available: z.boolean(), path: z.string().nullable() }),
  },
  /**
   * The files of one kind in a folder (or in the folder of a file) as the settings would read the
   * path (`~` is the home folder, relative to the settings file): names only, never contents.
   */
  listFiles: {
    args: z.object({ folder: z.string().max(4096), kind: fileKindSchema }).strict(),
    result: z.union([
      z.object({ folder: z.string(), files: z.array(z.string()).readonly(), more: z.boolean() }),
      z.object({ error: z.string() }),
    ]),
  },
  /** Who opens each phone-link scheme now, checked with the OS. */
  linkStatus: { args: z.object({}).strict(), result: linkStatusSchema },
  /** Gives the phone links back (only where they are still Ringdesk's); the status afterwards. */
  unregisterLinkHandler: { args: z.object({}).strict(), result: linkStatusSchema },
  /** Opens the OS's page for choosing Ringdesk as the default app (Windows' Default Apps). */
  openDefaultApps: { args: z.object({}).strict(), result: z.object({ opened: z.boolean() }) },
  /** Closes a popup. */
  dismissPopup: { args: z.object({ callId }).strict(), result: z.object({}) },
  /** Resolves a popup action to the (validated http/https) URL to open. */
  openAction: {
    args: z.object({ callId, action: actionIdSchema }).strict(),
    result: z.object({ url: z.string() }),
  },
} as const;

export const eventSchemas = {
  /** Everything anew: the Companion was replaced (new settings). */
  snapshot: snapshotSchema,
  popup: popupModelSchema,
  popupClosed: z.object({ callId }),
  line: lineStatusSchema,
  journal: journalRecordSchema,
  /** A dial waits for the agent's confirmation (a clicked link, or a callback). */
  dialConfirmation: dialConfirmationSchema,
  /** A confirmation is answered or expired: faces stop showing it. */
  dialConfirmationClosed: z.object({ id: z.string(), outcome: confirmationOutcomeSchema }),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type EventName = keyof typeof eventSchemas;
export type CommandArgs<C extends CommandName> = z.infer<(typeof commandSchemas)[C]['args']>;
export type CommandResult<C extends CommandName> = z.infer<(typeof commandSchemas)[C]['result']>;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;

/** A Companion event as it travels to a face. */
export type CompanionEvent = {
  [E in EventName]: { readonly channel: E; readonly payload: EventPayload<E> };
}[EventName];

/** The command names, for routers that must know them all. */

/** The API every face offers the renderer: one async function per command. */
export type CompanionApi = { [C in CommandName]: (args: CommandArgs<C>) => Promise<CommandResult<C>> };
