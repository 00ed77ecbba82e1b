/** `ringdesk popup`: what a popup template renders for a caller, for template authors. */
import { createPopupBuilder, createTemplateStore } from '../../companion/create-companion.js';
import { numberView } from '../../companion/number-view.js';
import { ContactLookup } from '../../contacts/contact-lookup.js';
import { bundledTemplatesDir } from '../../popup/template-store.js';
import { userDataDir } from '../../settings/settings-paths.js';
import { CallState } from '../../telephony/call-session.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { withDirectories } from '../with-directories.js';

const popup: Command = {
  summary: 'print the popup a template renders for a caller ({"template","html"}; --raw: the HTML only)',
  usage: 'popup [--config FILE] --number NUMBER [--template NAME] [--missed] [--raw]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      config: { type: 'string' },
      number: { type: 'string' },
      template: { type: 'string' },
      missed: { type: 'boolean' },
      raw: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
    if (values.number === undefined) throw new UsageError('--number is required');
    const settings = await context.settings(values.config);
    const warnings: string[] = [];
    const environment = {
      dataDir: userDataDir(context.io),
      templatesDir: bundledTemplatesDir(),
      locale: context.io.locale,
      onWarning: (message: string) => warnings.push(message),
    };
    const builder = createPopupBuilder(settings, createTemplateStore(settings, environment), environment);
    const number = numberView(values.number, settings.dialingRules);
    const found = await withDirectories(settings, context, (directories) =>
      number.e164 === null
        ? Promise.resolve({ contacts: [], failures: [] })
        : new ContactLookup(directories).lookup(number.e164),
    );
    const now = Date.now();
    const model = await builder.build(
      {
        call: {
          callId: 'preview',
          direction: 'incoming',
          line: settings.line.line,
          remote: values.number,
          dialled: null,
          state: values.missed === true ? CallState.Missed : CallState.Ringing,
          startedAt: now,
          answeredAt: null,
          endedAt: values.missed === true ? now : null,
          cause: null,
        },
        number,
        lookup: 'done',
        contacts: found.contacts,
        selected: null,
        failures: found.failures,
      },
      values.template,
    );
    if (warnings.length > 0) {
      for (const warning of warnings) context.say(`ringdesk popup: ${warning}`);
      return 2;
    }
    if (values.raw === true) context.io.stdout(model.html);
    else context.emit({ template: model.template, html: model.html });
    return 0;
  },
};

export default popup;
