/** `ringdesk calls`: the current and recent calls of a running host, with their contacts. */
import type { JournalRecord, PopupModel } from '../../contract/models.js';
import { UsageError, type Command } from '../command.js';
import { callHost, hostTarget } from '../host-client.js';
import { parseOptions } from '../parse-options.js';

const calls: Command = {
  summary: 'list current calls, then recent ones, with their matched contacts',
  usage: 'calls [--url URL] [--limit N]',
  async run(args, context) {
    const { values, positionals } = parseOptions(args, {
      url: { type: 'string' },
      limit: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
    const limit = Number(values.limit ?? 20);
    if (!Number.isInteger(limit) || limit < 0) throw new UsageError('--limit must be a whole number');
    const answer = await callHost(await hostTarget(values.url, context.io), 'api/calls');
    const popups = (answer.body.calls as PopupModel[] | undefined) ?? [];
    const recent = (answer.body.recent as JournalRecord[] | undefined) ?? [];
    for (const popup of popups.filter((each) => each.state !== 'ended' && each.state !== 'missed')) {
      const picked = popup.selected !== null ? [popup.contacts[popup.selected]] : popup.contacts;
      context.emit({
        callId: popup.callId,
        direction: popup.direction,
        state: popup.state,
        line: popup.line,
        number: popup.number,
        contacts: picked.flatMap((contact) =>
          contact === undefined
            ? []
            : [{ name: contact.name, company: contact.company, directory: contact.directory }],
        ),
        startedAt: new Date(popup.startedAt).toISOString(),
        answeredAt: popup.answeredAt === null ? null : new Date(popup.answeredAt).toISOString(),
        endedAt: null,
      });
    }
    for (const record of recent.slice(0, limit)) {
      context.emit({
        callId: record.callId,
        direction: record.direction,
        state: record.missed ? 'missed' : 'ended',
        line: record.line,
        number: record.number,
        contacts:
          record.contact === null
            ? []
            : [
                {
                  name: record.contact.name,
                  company: record.contact.company,
                  directory: record.contact.directory,
                },
              ],
        startedAt: record.startedAt,
        answeredAt: record.answeredAt,
        endedAt: record.endedAt,
        id: record.id,
      });
    }
    return 0;
  },
};

export default calls;
