/** Recent calls, newest first: missed ones marked, each with a callback button. */
import { useState } from 'react';
import type { JournalRecord } from '../../../electron/contract/models.js';
import { useRun, useServices, useView } from '../app-context.js';

const time = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'short', timeStyle: 'short' });

function duration(record: JournalRecord): string {
  if (record.answeredAt === null) return '';
  const seconds = Math.max(
    0,
    Math.round((Date.parse(record.endedAt) - Date.parse(record.answeredAt)) / 1000),
  );
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function CallLog() {
  const journal = useView((state) => state.journal);
  const { bridge } = useServices();
  const run = useRun();
  const [missedOnly, setMissedOnly] = useState(false);
  const shown = missedOnly ? journal.filter((record) => record.missed) : journal;

  return (
    <section className="call-log" aria-label="Call log">
      <header className="call-log-header">
        <h2>Calls</h2>
        <label>
          <input
            type="checkbox"
            checked={missedOnly}
            onChange={(event) => setMissedOnly(event.target.checked)}
          />{' '}
          Missed only
        </label>
      </header>
      {shown.length === 0 ? (
        <p className="empty">No calls yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Call</th>
              <th scope="col">Who</th>
              <th scope="col">Length</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((record) => (
              <tr key={record.id} data-record-id={record.id} className={record.missed ? 'missed' : undefined}>
                <td>{time.format(Date.parse(record.startedAt))}</td>
                <td>
                  {record.blocked ? (
                    <span className="badge badge-ended">Blocked</span>
                  ) : record.missed ? (
                    <span className="badge badge-missed">Missed</span>
                  ) : record.direction === 'incoming' ? (
                    'Incoming'
                  ) : (
                    'Outgoing'
                  )}
                </td>
                <td>
                  <span className="who">{record.contact?.name ?? record.number.display}</span>
                  {record.contact !== null ? (
                    <span className="who-number">{record.number.display}</span>
                  ) : null}
                </td>
                <td>{duration(record)}</td>
                <td>
                  {record.number.dialable !== '' ? (
                    <button
                      type="button"
                      onClick={() =>
                        run(
                          () => bridge.invoke('callback', { journalId: record.id }),
                          `Calling ${record.contact?.name ?? record.number.display}…`,
                        )
                      }
                    >
                      Call back
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
