/** `ringdesk lookup`: who has this number, in every configured directory. */
import { ContactLookup } from '../../contacts/contact-lookup.js';
import { analyzeNumber } from '../../numbers/analyze-number.js';
import { NumberError } from '../../numbers/number-error.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { withDirectories } from '../with-directories.js';

const lookup: Command = {
  summary: 'look a number up in every directory: its forms and the matching contacts',
  usage: 'lookup [--config FILE] [--] NUMBER',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, { config: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('give exactly one number');
    const input = positionals[0] as string;
    const settings = await context.settings(values.config);
    let number;
    try {
      number = analyzeNumber(input, settings.dialingRules);
    } catch (error) {
      if (!(error instanceof NumberError)) throw error;
      context.emit({ input, error: error.message });
      return 0;
    }
    const e164 = number.e164;
    const result = await withDirectories(settings, context, (directories) =>
      e164 === null
        ? Promise.resolve({ contacts: [], failures: [] })
        : new ContactLookup(directories, { timeoutMs: settings.lookup.timeoutMs }).lookup(e164),
    );
    for (const failure of result.failures) context.say(`warning: ${failure.directory}: ${failure.error}`);
    context.emit({ number, contacts: result.contacts });
    return 0;
  },
};

export default lookup;
