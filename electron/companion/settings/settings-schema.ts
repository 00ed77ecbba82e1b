/**
 * The settings document: one JSON file that says where the agent sits (dialing rules), which
 * line to watch and which directories to search. The CLI's `--config FILE`, the headless host
 * and the Electron app all read this same document.
 *
 * The schema is strict: an unknown key is reported rather than silently ignored, because a
 * misspelt key (`"dialingRule"`) would otherwise leave the agent with defaults and no clue.
 */
import { z } from 'zod';
import {
  acceleratorMessage,
  acceleratorProblem,
  sameAccelerator,
  sameShortcutMessage,
} from '../../contract/accelerator.js';
import { ldapDirectorySchema } from '../../contacts/ldap/ldap-settings.js';
import { restDirectorySchema } from '../../contacts/rest/rest-settings.js';
import { dialingRulesSchema } from '../../numbers/dialing-rules.js';
import { pathField } from '../../shared/field-kinds.js';
import { actionUrlLineSchema } from '../../telephony/action-url/action-url-settings.js';
import { amiLineSchema } from '../../telephony/ami/ami-settings.js';
import { tapiLineSchema } from '../../telephony/tapi/tapi-settings.js';

/** The simulated line: calls come from the CLI or the host's control API. */
export const simulatorLineSchema = z
  .object({
    provider: z.literal('simulator'),
    /** The agent's own line (extension) as the provider reports it. */
    line: z.string().min(1).max(64).default('1'),
  })
  .strict();

/** The line to watch: one provider and its settings. */
export const lineSchema = z.discriminatedUnion('provider', [
  simulatorLineSchema,
  actionUrlLineSchema,
  amiLineSchema,
  tapiLineSchema,
]);

/** A blocked caller: calls from it are rejected where the line can, never popped up, logged as blocked. */
export const blockedNumberSchema = z
  .object({
    number: z.string().min(1).max(64),
    note: z.string().max(200).optional(),
  })
  .strict();

/** A file the host only reads (it may be anywhere). */
const readPath = () => pathField('reads', z.string().min(1, 'must name a file'));

const webUrlTemplate = z
  .string()
  .regex(/^https?:\/\/[^/{}]/i, 'must be an http:// or https:// URL with a fixed host');

/**
 * The popup's action URLs with placeholders (see README, "actions"); every value is
 * URL-encoded when filled, and only http(s) URLs are ever opened.
 */
export const actionsSchema = z
  .object({
    openContact: webUrlTemplate.optional(),
    newTicket: webUrlTemplate.optional(),
    newContact: webUrlTemplate.optional(),
  })
  .strict();

/** The global actions: the URLs, and whether colleagues (internal calls) get the customer actions too. */
export const globalActionsSchema = actionsSchema
  .extend({
    /** Offer "new ticket" and "new contact" on internal calls too (default: only "open contact"). */
    colleagues: z.boolean().optional(),
  })
  .strict();

/** A local address book file. */
export const fileDirectorySchema = z
  .object({
    type: z.enum(['csv', 'vcard']),
    path: readPath(),
    /** Shown in popups as the source of a contact; defaults to the file name. */
    name: z.string().min(1).max(64).optional(),
    /** Action URLs for this directory's contacts, instead of the global ones. */
    actions: actionsSchema.optional(),
  })
  .strict();

/** Every directory Ringdesk can search; more types join as they land. */
export const directorySchema = z.discriminatedUnion('type', [
  fileDirectorySchema,
  restDirectorySchema,
  ldapDirectorySchema,
]);

/** The popup: which template shows a known caller, where the window sits, when it closes. */
export const popupSettingsSchema = z
  .object({
    /** A folder of template overrides; default `templates/` in the user-data folder. */
    templatesFolder: pathField('writes', z.string().min(1)).optional(),
    /** The template for a known caller: `contact-details`, `contact-compact` or one of the user's. */
    contactTemplate: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a template name (a-z, 0-9, -)')
      .default('contact-details'),
    /** The screen corner the popup window appears in (desktop app). */
    corner: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']).default('bottom-right'),
    /** Seconds after the call ends before the popup closes itself; 0 keeps it until closed. */
    autoCloseSeconds: z.int().min(0).max(3600).default(10),
  })
  .strict();

/** Phone links (`tel:`, `callto:`, `phone:`, `sip:`) and callbacks. */
export const linkSettingsSchema = z
  .object({
    /** Show the contact, number and exact dialable string before dialling a clicked link. */
    confirm: z.boolean().default(true),
    /** The same for callbacks from the call log. */
    confirmCallbacks: z.boolean().default(false),
    /** Also handle `sip:` links (off: a softphone usually owns them). */
    sip: z.boolean().default(false),
  })
  .strict();

/** A global shortcut as Electron writes it (contract/accelerator.ts); the empty string is "off". */
const acceleratorField = (fallback: string) =>
  z
    .string()
    .superRefine((accelerator, context) => {
      const problem = accelerator === '' ? null : acceleratorProblem(accelerator);
      if (problem !== null)
        context.addIssue({ code: 'custom', message: acceleratorMessage(accelerator, problem) });
    })
    .default(fallback);

/** The desktop app's global shortcuts (the headless host has none). */
export const shortcutSettingsSchema = z
  .object({
    /** Shows and focuses the newest popup (the call log when none is open). */
    focusPopup: acceleratorField('CommandOrControl+Alt+P'),
    /** Dials the selected text (Linux) or the clipboard, always after the dial confirmation. */
    dialSelection: acceleratorField('CommandOrControl+Alt+D'),
  })
  .strict()
  .superRefine(({ focusPopup, dialSelection }, context) => {
    if (focusPopup !== '' && sameAccelerator(focusPopup, dialSelection))
      context.addIssue({
        code: 'custom',
        path: ['dialSelection'],
        message: sameShortcutMessage(dialSelection),
      });
  });

/** The desktop app itself. */
export const appSettingsSchema = z
  .object({
    /** Start Ringdesk when the user logs in. */
    startAtLogin: z.boolean().default(false),
    /** The UI language; `auto` follows the OS. */
    language: z.enum(['auto', 'en', 'de']).default('auto'),
    /** Where updates are published (electron-updater's generic provider); none: no update checks. */
    updateFeedUrl: z
      .string()
      .regex(/^https:\/\/[^\s/]+/i, 'must be an https:// URL')
      .optional(),
    shortcuts: shortcutSettingsSchema.default(shortcutSettingsSchema.parse({})),
  })
  .strict();

/** The settings document as written in the file. */
export const settingsSchema = z
  .object({
    dialingRules: dialingRulesSchema.default({}),
    line: lineSchema.default({ provider: 'simulator', line: '1' }),
    directories: z.array(directorySchema).default([]),
    actions: globalActionsSchema.default({}),
    blocklist: z.array(blockedNumberSchema).max(10_000).default([]),
    journal: z
      .object({
        /** Calls kept in the journal; older ones are rolled into the archive file. */
        retention: z.int().min(10).max(10_000).default(300),
        /** Seconds a call may ring with no news from the line before it is journaled as missed. */
        ringTimeoutSeconds: z.int().min(10).max(86_400).default(180),
      })
      .strict()
      .default({ retention: 300, ringTimeoutSeconds: 180 }),
    /** Records every line event to this file (JSON lines), for `ringdesk sim replay`. */
    recordLine: pathField('writes', z.string().min(1, 'must name a file')).optional(),
    lookup: z
      .object({
        /** Per-directory timeout for a lookup, in milliseconds. */
        timeoutMs: z.int().min(50).max(30_000).default(1500),
        /** How long found contacts are cached (ms); 0 turns the cache off. */
        cacheTtlMs: z.int().min(0).max(3_600_000).default(30_000),
        /** How long "nobody has this number" is cached (ms). */
        negativeCacheTtlMs: z.int().min(0).max(3_600_000).default(5_000),
      })
      .strict()
      .default({ timeoutMs: 1500, cacheTtlMs: 30_000, negativeCacheTtlMs: 5_000 }),
    popup: popupSettingsSchema.default(popupSettingsSchema.parse({})),
    links: linkSettingsSchema.default(linkSettingsSchema.parse({})),
    app: appSettingsSchema.default(appSettingsSchema.parse({})),
  })
  .strict();

export type SettingsDocument = z.infer<typeof settingsSchema>;
export type LineSettings = z.infer<typeof lineSchema>;
export type DirectorySettings = z.infer<typeof directorySchema>;
/** The global actions (with `colleagues`); a directory's own are `actionsSchema`. */
export type ActionSettings = z.infer<typeof globalActionsSchema>;
export type PopupSettings = z.infer<typeof popupSettingsSchema>;
export type LinkSettings = z.infer<typeof linkSettingsSchema>;
export type AppSettings = z.infer<typeof appSettingsSchema>;
