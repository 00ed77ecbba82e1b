/**
 * A fake `xdg-mime` for cli/link-registration.ts: remembers the defaults it is told, answers
 * queries from them, and can be missing (ENOENT), or keep another handler for some types (as a
 * desktop whose own settings win).
 */
import type { ProgramRunner } from '../cli/link-registration.js';

export class FakeXdgMime {
  /** Every call, as the argument list. */
  readonly calls: string[][] = [];
  readonly defaults = new Map<string, string>();
  /** Types whose default stays with this other handler whatever `default` says. */
  readonly pinned = new Map<string, string>();
  missing = false;

  readonly run: ProgramRunner = (file, args) => {
    if (file !== 'xdg-mime') return Promise.reject(new Error(`unexpected program ${file}`));
    if (this.missing)
      return Promise.reject(Object.assign(new Error('spawn xdg-mime ENOENT'), { code: 'ENOENT' }));
    this.calls.push([...args]);
    const [verb, second, third] = args;
    if (verb === '--version') return Promise.resolve('xdg-mime 1.1.3\n');
    if (verb === 'default' && second !== undefined && third !== undefined) {
      this.defaults.set(third, second);
      return Promise.resolve('');
    }
    if (verb === 'query' && second === 'default' && third !== undefined) {
      return Promise.resolve(`${this.pinned.get(third) ?? this.defaults.get(third) ?? ''}\n`);
    }
    return Promise.reject(new Error(`fake xdg-mime does not know ${args.join(' ')}`));
  };
}
