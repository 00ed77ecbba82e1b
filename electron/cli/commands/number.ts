/** `ringdesk number`: complete, classify, dial and display phone numbers. */
import { analyzeNumber } from '../../numbers/analyze-number.js';
import type { Command } from '../command.js';
import { eachInput } from '../each-input.js';
import { parseOptions } from '../parse-options.js';

const number: Command = {
  summary: 'complete, classify and make dialable phone numbers as written',
  usage: 'number [--rules FILE | --config FILE] [--] INPUT...',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      rules: { type: 'string' },
      config: { type: 'string' },
    });
    const rules = await context.dialingRules(values);
    await eachInput(positionals, context, (input) => analyzeNumber(input, rules));
    return 0;
  },
};

export default number;
