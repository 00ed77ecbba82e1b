/**
 * The settings behind the wizard and the settings window: reads the document as saved, checks
 * and saves a new one (settings-save.ts: atomically, secrets moved into the secret store first,
 * so the file never holds one in clear text), and runs the live checks and previews the forms
 * offer: test a line, test a directory; the previews (a number with dialing rules, a popup
 * template, the actions) are settings-previews.ts.
 */
import type { FileKind } from '../contract/channels.js';
import { listFiles, type FileList } from './settings/list-files.js';
import { resolveUserPath } from '../shared/user-path.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from './settings/load-settings.js';
import { checkSettings, SettingsError, withAbsolutePaths } from './settings/load-settings.js';
import { formatIssues } from './settings/settings-file.js';
import { directorySchema, lineSchema } from './settings/settings-schema.js';
import { maskClearSecrets } from './settings/stored-secrets.js';
import { resolveDialingRules, type DialingRules } from '../numbers/dialing-rules.js';
import type { TemplateStore } from '../popup/template-store.js';
import {
  previewActions,
  previewNumber,
  previewPopup,
  type ActionsPreview,
  type NumberPreview,
} from './settings-previews.js';
import { splitProblem, type FieldProblem } from './field-problem.js';
import { checkDirectory, type DirectoryCheck } from './check-directory.js';
import { lineIdentity, type LineIdentity } from './line-identity.js';
import { checkLine, type LineCheck } from './check-line.js';
import type { PopupBuilder } from './popup-builder.js';
import { revealForTest, type SecretAccess } from './secret-reuse.js';
import {
  checkUnsaved,
  savedDocument,
  saveSettings,
  withSite,
  type SaveAnswer,
  type SettingsSaveOptions,
} from './settings-save.js';

export type { FieldWarning, NumberPreview } from './settings-previews.js';
export type { FieldProblem } from './field-problem.js';

/** What the settings service reads, saves (see {@link SettingsSaveOptions}) and tests with. */
export interface SettingsServiceOptions extends SettingsSaveOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The settings in force (for tests of a single part against the rest). */
  readonly current: () => Settings;
  /** The popup builder of the settings in force (for template previews). */
  readonly popups: () => PopupBuilder;
  /** The templates of the settings in force (for the choice of popup template). */
  readonly templates: () => TemplateStore;
}

/** What the wizard and settings window open with. */
export interface SettingsView {
  /**
   * The document as saved over the site settings, secrets as references; `{}` (or the site's) on
   * a first run.
   */
  readonly document: unknown;
  readonly file: string;
  /** The site settings: where from, and the keys the user cannot change. */
  readonly site?: { readonly source: string; readonly locked: readonly string[] };
  /** No settings file yet: the wizard should run. */
  readonly firstRun: boolean;
  /** Dialing rules for the OS locale's country, to prefill the form. */
  readonly defaults: { readonly dialingRules: DialingRules };
  /** The popup templates on offer (bundled and the user's). */
  readonly templates: readonly string[];
  /** What is wrong with the file as saved (hand-edited, unreadable secrets); empty when nothing. */
  readonly problems: readonly FieldProblem[];
}

/** The settings API of the wizard and the settings window (see the file comment). */
export class SettingsService {
  constructor(private readonly options: SettingsServiceOptions) {}

  /** The document as saved (secrets as references), whether there was none yet, and what forms offer. */
  async read(): Promise<SettingsView> {
    const { site } = this.options;
    const common = {
      ...(site == null ? {} : { site: { source: site.source, locked: site.locked } }),
      file: this.options.file,
      defaults: { dialingRules: resolveDialingRules({}, this.options.defaultRegion) },
      templates: await this.options.templates().names(),
    };
    let text: string;
    try {
      text = await readFile(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { ...common, document: maskClearSecrets(this.withSite({})), firstRun: true, problems: [] };
      throw error;
    }
    let document: unknown;
    try {
      document = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      // Shown, not thrown: the window is where the user fixes it (the file is kept as .broken on save).
      const problem = {
        path: '',
        message: `the settings file is not valid JSON: ${(error as Error).message}`,
      };
      return { ...common, document: {}, firstRun: false, problems: [problem] };
    }
    // No answer carries a secret: one written in clear text in the file is shown as kept there.
    const problems = await this.problemsOf(this.withSite(document));
    return { ...common, document: maskClearSecrets(this.withSite(document)), firstRun: false, problems };
  }

  /** What is wrong with a saved document (a file edited by hand, a secret that cannot be read). */
  private async problemsOf(document: unknown): Promise<FieldProblem[]> {
    try {
      await checkSettings(document, this.options.file, {
        defaultRegion: this.options.defaultRegion,
        secrets: this.options.secrets,
      });
      return [];
    } catch (error) {
      if (error instanceof SettingsError) return error.problems.map(splitProblem);
      throw error;
    }
  }

  /** Checks and saves `document` (settings-save.ts); problems are returned per field, nothing saved then. */
  save(document: unknown): Promise<SaveAnswer> {
    return saveSettings(this.options, document);
  }

  /**
   * Checks `document` as `save` would (schema, files, numbers, stored secrets in their places,
   * secrets kept in the file, paths the API may set) without saving or storing anything: typed
   * secrets are checked as plain values.
   */
  check(document: unknown): Promise<SaveAnswer> {
    return checkUnsaved(this.options, document);
  }

  /** Tests a line's settings (unsaved) as the Test button does. */
  async testLine(
    line: unknown,
  ): Promise<(LineCheck & LineIdentity) | { ok: false; problems: FieldProblem[] }> {
    const saved = await this.savedEntries();
    const revealed = await revealForTest(
      line,
      saved.line === undefined ? [] : [saved.line],
      ['line'],
      this.secretAccess(),
    );
    if (revealed.problems.length > 0)
      return {
        ok: false,
        problems: revealed.problems.map((problem) => ({ ...problem, path: `line.${problem.path}` })),
      };
    const parsed = lineSchema.safeParse(revealed.value);
    if (!parsed.success)
      return {
        ok: false,
        problems: formatIssues(parsed.error.issues).map((problem) => splitProblem(`line.${problem}`)),
      };
    const folder = path.dirname(this.options.file);
    const result = await checkLine(
      { ...this.options.current(), source: this.options.file, line: withAbsolutePaths(parsed.data, folder) },
      this.options.env,
    );
    // The product and place, so the form can say a failed connect in the agent's words.
    return { ...result, ...lineIdentity(parsed.data) };
  }

  /** Tests one directory's settings (unsaved). */
  async testDirectory(entry: unknown): Promise<DirectoryCheck | { ok: false; problems: FieldProblem[] }> {
    const revealed = await revealForTest(
      entry,
      (await this.savedEntries()).directories,
      ['directories', 0],
      this.secretAccess(),
    );
    if (revealed.problems.length > 0) return { ok: false, problems: revealed.problems };
    const parsed = directorySchema.safeParse(revealed.value);
    if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error.issues).map(splitProblem) };
    // Relative paths mean the settings file's folder, as when the settings are loaded.
    const resolved =
      'path' in parsed.data
        ? { ...parsed.data, path: resolveUserPath(path.dirname(this.options.file), parsed.data.path) }
        : parsed.data;
    return checkDirectory(
      resolved,
      { ...this.options.current(), source: this.options.file },
      this.options.env,
    );
  }

  /** What unsaved dialing rules make of a number, with their warnings (see settings-previews.ts). */
  previewNumber(rules: unknown, input: string): NumberPreview {
    return previewNumber(rules, input, this.options.defaultRegion);
  }

  /** A template rendered for a sample caller under unsaved `rules` (see settings-previews.ts). */
  previewPopup(template: string, rules?: unknown): Promise<{ html: string }> {
    const current = this.options.current();
    return previewPopup(this.options.popups(), template, {
      rules,
      defaultRegion: this.options.defaultRegion,
      current: current.dialingRules,
      line: current.line.line,
    });
  }

  /** The Actions form's presets, placeholders and sample URLs (see settings-previews.ts). */
  previewActions(
    actions: unknown,
    directory: unknown,
  ): ActionsPreview | { ok: false; problems: FieldProblem[] } {
    return previewActions(actions, directory);
  }

  /** The address books of a kind in the folder a typed path names (see settings/list-files.ts). */
  listFiles(folder: string, kind: FileKind): Promise<FileList> {
    return listFiles(path.dirname(path.resolve(this.options.file)), folder, kind);
  }

  /** The store and the settings file whose secrets a test may reveal. */
  private secretAccess(): SecretAccess {
    return { secrets: this.options.secrets, owner: path.resolve(this.options.file) };
  }

  /** `document` over the site settings, when there are any. */
  private withSite(document: unknown): unknown {
    return withSite(document, this.options.site);
  }

  /** The line and directories as saved, for the secrets a test may use. */
  private async savedEntries(): Promise<{ line: unknown; directories: unknown[] }> {
    // Only the document: the checks and template list `read` adds are not needed here.
    const saved = (await savedDocument(this.options)) as { line?: unknown; directories?: unknown } | null;
    if (saved === null || typeof saved !== 'object') return { line: undefined, directories: [] };
    return { line: saved.line, directories: Array.isArray(saved.directories) ? saved.directories : [] };
  }
}
