/**
 * Popup templates by name: the user's folder of overrides first, then the bundled defaults.
 * Names are plain (`contact-details`), so a name can never reach outside the two folders; a
 * template that breaks the safety rules is refused with the reason.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplate, TemplateError, type CompiledTemplate } from './template-engine.js';

/** The templates Ringdesk picks by situation. */
export const TEMPLATE_NAMES = ['contact-details', 'contact-list', 'unknown-caller', 'missed-call'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The bundled `templates/` folder: the nearest one above this module that holds the default
 * templates (the source tree and the packaged app place it at different depths).
 */
export function bundledTemplatesDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'contact-details.html'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('the bundled templates folder was not found');
    dir = parent;
  }
}

export class TemplateStore {
  private readonly cache = new Map<string, { file: string; template: CompiledTemplate }>();

  constructor(
    /** Bundled defaults. */
    private readonly defaultsDir: string,
    /** The user's overrides, or null. */
    private readonly userDir: string | null = null,
  ) {}

  /** Loads (and checks) the template called `name`. @throws TemplateError */
  async get(name: string): Promise<CompiledTemplate> {
    if (!NAME.test(name))
      throw new TemplateError(`"${name.slice(0, 40)}" is not a template name (a-z, 0-9, -)`);
    const file = this.locate(name);
    if (file === null) throw new TemplateError(`no template called "${name}"`);
    const cached = this.cache.get(name);
    if (cached?.file === file) return cached.template;
    const template = compileTemplate(name, await readFile(file, 'utf8'));
    this.cache.set(name, { file, template });
    return template;
  }

  /** Every template name on offer: the user's and the bundled, sorted, each once. */
  async names(): Promise<string[]> {
    const names = new Set<string>();
    for (const dir of [this.userDir, this.defaultsDir]) {
      if (dir === null) continue;
      let files: string[];
      try {
        files = await readdir(dir);
      } catch {
        continue; // the user's folder need not exist
      }
      for (const file of files) {
        const name = file.endsWith('.html') ? file.slice(0, -'.html'.length) : '';
        if (NAME.test(name)) names.add(name);
      }
    }
    return [...names].sort();
  }

  /** Forgets loaded templates, so edited files are read again. */
  refresh(): void {
    this.cache.clear();
  }

  private locate(name: string): string | null {
    for (const dir of [this.userDir, this.defaultsDir]) {
      if (dir === null) continue;
      const file = path.join(dir, `${name}.html`);
      if (existsSync(file)) return file;
    }
    return null;
  }
}
