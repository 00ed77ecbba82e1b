/**
 * `ringdesk link`: phone links for Ringdesk without its desktop app. `link register` makes
 * `ringdesk link open` the desktop's handler for tel/callto/phone links (Linux), `link
 * unregister` undoes it, and `link open` hands one link to the running host, which parses it
 * strictly, completes it with the dialing rules and dials it (or asks the agent to confirm
 * first, when the settings say so).
 */
import type { CliContext } from '../cli-context.js';
import { UsageError, type Command } from '../command.js';
import { callHost, hostTarget } from '../host-client.js';
import { parseOptions } from '../parse-options.js';

const link: Command = {
  summary: 'phone links: register this CLI as the desktop’s handler, unregister it, or open a link',
  usage: 'link register [--sip] [--config FILE] | link unregister | link open [--url URL] [--] URI',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      url: { type: 'string' },
      sip: { type: 'boolean' },
      config: { type: 'string' },
    });
    const [action, ...rest] = positionals;
    if (action === 'open') {
      if (rest.length !== 1) throw new UsageError('link open takes exactly one link');
      if (values.sip !== undefined || values.config !== undefined)
        throw new UsageError('--sip and --config belong to link register');
      return open(context, rest[0] as string, values.url);
    }
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]?.slice(0, 40) ?? ''}"`);
    if (values.url !== undefined) throw new UsageError('--url belongs to link open');
    // Registration is loaded only when asked for: `link open` runs at every click on a link.
    const { DesktopEntryError } = await import('../../shell/desktop-entry.js');
    const { LinkRegistrationError, registerLinkOpener, unregisterLinkOpener } =
      await import('../link-registration.js');
    try {
      if (action === 'register') {
        const sip = values.sip === true || (await context.settings(values.config)).links.sip;
        const result = await registerLinkOpener({ ...context.io, sip });
        context.emit(result);
        if (result.refused.length > 0)
          context.say(`the desktop still opens ${result.refused.join(', ')} links with another application`);
        context.say(
          'a browser asks before it hands a phone link to Ringdesk; Chrome and Edge remember "always allow" only on https or localhost pages (an http helpdesk needs the AutoLaunchProtocolsFromOrigins policy)',
        );
        return 0;
      }
      if (action === 'unregister') {
        context.emit(await unregisterLinkOpener(context.io));
        return 0;
      }
    } catch (error) {
      if (error instanceof LinkRegistrationError || error instanceof DesktopEntryError) {
        context.say(`ringdesk link ${action}: ${error.message}`);
        return 2;
      }
      throw error;
    }
    throw new UsageError(
      action === undefined
        ? 'say register, unregister or open'
        : `unknown link action "${action.slice(0, 20)}"`,
    );
  },
};

/**
 * Hands the link to the host's `dialLink` and prints its answer: the dial (`callId`), or a
 * pending confirmation (`callId` null, `confirmationId`), or `{input, error}` when the host
 * refuses the link.
 */
async function open(context: CliContext, uri: string, url: string | undefined): Promise<number> {
  const answer = await callHost(await hostTarget(url, context.io), 'api/command/dialLink', { uri });
  if (answer.status !== 200) {
    const error = String(answer.body.error);
    context.emit({ input: uri, error });
    context.say(`Ringdesk did not dial the link: ${error}`);
    return 0;
  }
  context.emit(answer.body);
  if (typeof answer.body.confirmationId === 'string')
    context.say(`Ringdesk asks the agent to confirm dialling ${String(answer.body.dialable)}`);
  return 0;
}

export default link;
