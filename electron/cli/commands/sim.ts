/** `ringdesk sim`: drives the simulated line of a running host. */
import { readFile } from 'node:fs/promises';
import { parseRecording } from '../../telephony/line-recorder.js';
import { UsageError, type Command } from '../command.js';
import { callHost, hostTarget } from '../host-client.js';
import { parseOptions } from '../parse-options.js';

const sim: Command = {
  summary: 'simulate calls on a running host: incoming, answer, hangup, dialled, replay a recording',
  usage:
    'sim incoming FROM [--to LINE] | sim answer CALLID | sim hangup CALLID [--cause CAUSE] | sim dialled | sim replay FILE [--speed N]  [--url URL]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      url: { type: 'string' },
      to: { type: 'string' },
      cause: { type: 'string' },
      speed: { type: 'string' },
    });
    const [action, target, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
    const base = await hostTarget(values.url, context.io);
    let answer;
    switch (action) {
      case 'incoming':
        if (target === undefined) throw new UsageError('sim incoming needs the caller’s number');
        answer = await callHost(
          base,
          'api/sim/incoming',
          values.to === undefined ? { from: target } : { from: target, to: values.to },
        );
        break;
      case 'answer':
      case 'hangup':
        if (target === undefined) throw new UsageError(`sim ${action} needs a call id`);
        answer = await callHost(
          base,
          `api/sim/${action}`,
          values.cause === undefined ? { callId: target } : { callId: target, cause: values.cause },
        );
        break;
      case 'replay': {
        if (target === undefined) throw new UsageError('sim replay needs a recording file');
        const events = parseRecording(await readFile(target, 'utf8'));
        const speed = values.speed === undefined ? 0 : Number(values.speed);
        if (!Number.isFinite(speed) || speed < 0)
          throw new UsageError('--speed must be 0 (at once) or a positive factor');
        answer = await callHost(base, 'api/sim/replay', { events, speed });
        break;
      }
      case 'dialled':
        answer = await callHost(base, 'api/sim/dialled');
        for (const call of (answer.body.dialled as object[] | undefined) ?? []) context.emit(call);
        return 0;
      default:
        throw new UsageError(
          action === undefined ? 'say what to simulate' : `unknown sim action "${action.slice(0, 20)}"`,
        );
    }
    context.emit(answer.status === 200 ? answer.body : { input: target, error: String(answer.body.error) });
    return 0;
  },
};

export default sim;
