/**
 * `ringdesk provider test`: checks the configured line as a PBX integration page does before it
 * lets you switch the integration on: it connects (a login, a listener, a bridge handshake),
 * lists the lines where the provider can, runs the provider's own checks, and says exactly what
 * failed. `ringdesk provider log`: the requests a running host's line received lately.
 */
import { checkLine } from '../../companion/check-line.js';
import type { ProviderCheck } from '../../telephony/line-provider.js';
import type { CliContext } from '../cli-context.js';
import { UsageError, type Command } from '../command.js';
import { callHost, hostTarget } from '../host-client.js';
import { parseOptions } from '../parse-options.js';

const provider: Command = {
  summary: 'test the configured line (provider test) or show the requests it received (provider log)',
  usage: 'provider test [--config FILE] | provider log [--url URL]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      config: { type: 'string' },
      url: { type: 'string' },
    });
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
    if (action === 'test') return test(context, values.config);
    if (action === 'log') {
      const answer = await callHost(await hostTarget(values.url, context.io), 'api/provider/log');
      if (answer.status !== 200) {
        context.emit({ error: String(answer.body.error) });
        return 0;
      }
      for (const entry of (answer.body.requests as object[] | undefined) ?? []) context.emit(entry);
      return 0;
    }
    throw new UsageError(
      action === undefined ? 'say test or log' : `unknown provider action "${action.slice(0, 20)}"`,
    );
  },
};

async function test(context: CliContext, config: string | undefined): Promise<number> {
  const settings = await context.settings(config);
  return report(context, (await checkLine(settings, context.io.env)).checks) ? 0 : 1;
}

/** Prints every finding and the verdict; true when every check passed. */
function report(context: CliContext, checks: readonly ProviderCheck[]): boolean {
  for (const check of checks) context.emit(check);
  const ok = checks.every((check) => check.ok);
  context.emit({ ok });
  context.say(
    ok
      ? 'the line works'
      : `the line does not work: ${checks
          .filter((check) => !check.ok)
          .map((check) => check.detail)
          .join('; ')}`,
  );
  return ok;
}

export default provider;
