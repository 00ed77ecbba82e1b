/**
 * The settings entry of a helpdesk or CRM directory (`"type": "rest"`): a preset and the
 * helpdesk's address and credentials, or every field spelt out, or a preset with some fields
 * overridden. Strict like the rest of the settings: an unknown key is an error, and so is a
 * combination that cannot work (a Zammad preset without a token, a placeholder the search
 * cannot fill), all reported with their paths when the settings are read, before any request.
 */
import { restEntrySchema, type RestDirectorySettings } from './rest-entry-schema.js';
import { checkRestSettings } from './resolve-rest-settings.js';

/**
 * A REST directory in the settings. See docs/directories.md ("rest") for every field and for
 * each preset's settings and what the helpdesk must offer.
 */
export const restDirectorySchema = restEntrySchema.superRefine(
  (settings, ctx) => {
    for (const problem of checkRestSettings(settings))
      ctx.addIssue({ code: 'custom', message: problem.message, path: [...problem.path] });
  },
  // Only an entry whose fields are each valid is checked as a whole (no follow-on errors).
  { when: (payload) => payload.issues.length === 0 },
);

export type { RestDirectorySettings };

export {
  resolveRestSettings,
  restDirectoryName,
  type ResolvedRestDirectory,
} from './resolve-rest-settings.js';
