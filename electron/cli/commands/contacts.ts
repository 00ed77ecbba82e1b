/** `ringdesk contacts`: every contact of every configured directory, one per line. */
import { ContactLookup } from '../../contacts/contact-lookup.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { withDirectories } from '../with-directories.js';

const contacts: Command = {
  summary: 'list every contact of every directory, one JSON object per line',
  usage: 'contacts [--config FILE]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, { config: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
    const settings = await context.settings(values.config);
    const all = await withDirectories(settings, context, (directories) =>
      new ContactLookup(directories).listAll(),
    );
    for (const failure of all.failures) context.say(`warning: ${failure.directory}: ${failure.error}`);
    for (const contact of all.contacts) context.emit(contact);
    return 0;
  },
};

export default contacts;
