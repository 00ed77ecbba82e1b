/**
 * The dialing rules alone: from a rules file (`ringdesk number --rules FILE`) or from the
 * settings file's `dialingRules`. Completing a number needs nothing else, and reading only this
 * part keeps `ringdesk number` and every click on a phone link from loading the schemas of every
 * provider and directory (LDAP's filter parser among them).
 */
import path from 'node:path';
import { dialingRulesSchema, resolveDialingRules, type DialingRules } from '../../numbers/dialing-rules.js';
import { SettingsError } from '../../settings/settings-error.js';
import { formatIssues, parseJson, readText } from './settings-file.js';

/**
 * Reads a JSON file holding one `DialingRules` object.
 * @throws SettingsError with every problem.
 */
export async function loadDialingRules(file: string, defaultRegion: string): Promise<DialingRules> {
  const absolute = path.resolve(file);
  const text = (await readText(absolute, true)) as string;
  return checkRules(dialingRulesSchema.safeParse(parseJson(absolute, text)), absolute, '', defaultRegion);
}

/**
 * The dialing rules of the settings file at `file` (defaults when it holds none, or when it is
 * missing and not `required`). The rest of the file is not checked here: a problem elsewhere
 * (a directory's filter) does not stop a number from being completed.
 * @throws SettingsError when the file is no JSON object or its `dialingRules` are invalid.
 */
export async function loadSettingsRules(
  file: string,
  options: { readonly defaultRegion: string; readonly required: boolean },
): Promise<DialingRules> {
  const absolute = path.resolve(file);
  const text = await readText(absolute, options.required);
  const document = text === null ? {} : parseJson(absolute, text);
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new SettingsError(absolute, ['the settings must be a JSON object']);
  const rules = Object.hasOwn(document, 'dialingRules')
    ? (document as { dialingRules: unknown }).dialingRules
    : {};
  return checkRules(dialingRulesSchema.safeParse(rules), absolute, 'dialingRules.', options.defaultRegion);
}

function checkRules(
  result: ReturnType<typeof dialingRulesSchema.safeParse>,
  file: string,
  prefix: string,
  defaultRegion: string,
): DialingRules {
  if (!result.success)
    throw new SettingsError(
      file,
      formatIssues(result.error.issues).map((problem) => `${prefix}${problem}`),
    );
  return resolveDialingRules(result.data, defaultRegion);
}
