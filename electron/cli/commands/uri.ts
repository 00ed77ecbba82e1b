/** `ringdesk uri`: parse tel:, phone:, callto: and sip: links as the app would dial them. */
import { parseTelUri } from '../../numbers/tel-uri.js';
import type { Command } from '../command.js';
import { eachInput } from '../each-input.js';
import { parseOptions } from '../parse-options.js';

const uri: Command = {
  summary: 'parse tel:/phone:/callto:/sip: links and show what would be dialled',
  usage: 'uri [--rules FILE | --config FILE] [--] URI...',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      rules: { type: 'string' },
      config: { type: 'string' },
    });
    const rules = await context.dialingRules(values);
    await eachInput(positionals, context, (input) => parseTelUri(input, rules));
    return 0;
  },
};

export default uri;
