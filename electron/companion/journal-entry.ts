/**
 * The journal record of a finished call: its number in every form, the contact the popup showed
 * (the only match, or the one the agent picked), its times, and whether it was missed or blocked;
 * where the line said, how the number was presented, the caller's name, the queue and what became
 * of the call (answered elsewhere, refused, forwarded, abandoned). After a party change it holds
 * the party the call ended with.
 */
import type { JournalRecord } from '../contract/models.js';
import { CallState } from '../telephony/call-session.js';
import type { PopupState } from './popup-builder.js';

/** The record for `state`'s call, with id `id`; `now` stands in for a missing end time. */
export function journalRecordOf(state: PopupState, id: string, now: number): JournalRecord {
  const { call, number } = state;
  const contact =
    state.selected !== null
      ? state.contacts[state.selected]
      : state.contacts.length === 1
        ? state.contacts[0]
        : undefined;
  const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
  return {
    id,
    callId: call.callId,
    direction: call.direction,
    line: call.line,
    number: {
      raw: number.raw,
      e164: number.e164,
      display: number.display,
      kind: number.kind,
      dialable: number.dialable,
    },
    contact:
      contact === undefined
        ? null
        : { name: contact.name, company: contact.company, directory: contact.directory, id: contact.id },
    startedAt: new Date(call.startedAt).toISOString(),
    answeredAt: iso(call.answeredAt),
    endedAt: new Date(call.endedAt ?? now).toISOString(),
    missed: call.state === CallState.Missed && state.blocked !== true,
    blocked: state.blocked === true,
    handled: false,
    cause: call.cause,
    ...(call.presentation === undefined || call.presentation === 'allowed'
      ? {}
      : { presentation: call.presentation }),
    ...(call.remoteName == null ? {} : { remoteName: call.remoteName }),
    ...(call.queue == null ? {} : { queue: call.queue }),
    ...(call.outcome == null ? {} : { outcome: call.outcome }),
  };
}
