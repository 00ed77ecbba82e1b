/**
 * `ringdesk directory test`: opens each configured directory on its own (reads the file, binds
 * and syncs, calls the API) and says for each whether it works and, if not, what failed. With
 * `--number`, each is also asked for that number. Exits 1 when any directory fails.
 */
import { checkDirectory } from '../../companion/check-directory.js';
import { analyzeNumber } from '../../numbers/analyze-number.js';
import { NumberError } from '../../numbers/number-error.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

const directory: Command = {
  summary: 'test each configured directory (directory test [--number N]) and name what failed',
  usage: 'directory test [--config FILE] [--number NUMBER]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      config: { type: 'string' },
      number: { type: 'string' },
    });
    if (positionals[0] !== 'test' || positionals.length > 1) throw new UsageError('say "directory test"');
    const settings = await context.settings(values.config);
    let e164: string | null = null;
    if (values.number !== undefined) {
      try {
        e164 = analyzeNumber(values.number, settings.dialingRules).e164;
      } catch (error) {
        if (!(error instanceof NumberError)) throw error;
        throw new UsageError(`--number: ${error.message}`);
      }
    }
    if (settings.directories.length === 0) context.say('no directories are configured');
    let allOk = true;
    for (const entry of settings.directories) {
      const check = await checkDirectory(entry, settings, context.io.env, e164);
      allOk &&= check.ok;
      context.emit(check);
    }
    context.emit({ ok: allOk });
    return allOk ? 0 : 1;
  },
};

export default directory;
