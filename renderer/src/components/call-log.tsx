/**
 * Recent calls, newest first: filters (missed, incoming, outgoing), search by name or number,
 * missed calls marked until handled, callback and "mark as handled", and CSV export.
 */
import { useState } from 'react';
import type { JournalRecord } from '../../../electron/contract/models.js';
import { useRun, useServices, useView } from '../app-context.js';
import { FILTERS, matches, type Filter } from '../call-filter.js';

const time = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'short', timeStyle: 'short' });

function duration(record: JournalRecord): string {
  if (record.answeredAt === null) return '';
  const seconds = Math.max(
    0,
    Math.round((Date.parse(record.endedAt) - Date.parse(record.answeredAt)) / 1000),
  );
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function Outcome({ record }: { record: JournalRecord }) {
  if (record.blocked) return <span className="badge badge-ended">Blocked</span>;
  if (record.missed) {
    return record.handled ? (
      <span className="badge badge-ended">Missed · handled</span>
    ) : (
      <span className="badge badge-missed">Missed</span>
    );
  }
  return <>{record.direction === 'incoming' ? 'Incoming' : 'Outgoing'}</>;
}

export function CallLog() {
  const journal = useView((state) => state.journal);
  const { bridge } = useServices();
  const run = useRun();
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const shown = journal.filter((record) => matches(record, filter, search));
  const unhandled = journal.filter((record) => record.missed && !record.handled).length;

  const exportCsv = () => {
    run(async () => {
      const { filename, csv } = await bridge.invoke('exportJournal', {});
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = filename;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  };

  return (
    <section className="call-log" aria-label="Call log">
      <header className="call-log-header">
        <h2>
          Calls{' '}
          {unhandled > 0 ? <span className="badge badge-missed unhandled">{unhandled} missed</span> : null}
        </h2>
        <div className="call-log-tools">
          <div className="filters" role="group" aria-label="Show">
            {FILTERS.map((each) => (
              <button
                key={each.id}
                type="button"
                className={filter === each.id ? undefined : 'secondary'}
                aria-pressed={filter === each.id}
                onClick={() => setFilter(each.id)}
              >
                {each.label}
              </button>
            ))}
          </div>
          <input
            type="search"
            placeholder="Search name or number"
            aria-label="Search calls"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <button type="button" className="secondary" onClick={exportCsv}>
            Export CSV
          </button>
        </div>
      </header>
      {shown.length === 0 ? (
        <p className="empty">{journal.length === 0 ? 'No calls yet.' : 'No calls match.'}</p>
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
              <tr
                key={record.id}
                data-record-id={record.id}
                className={record.missed && !record.handled ? 'missed' : undefined}
              >
                <td>{time.format(Date.parse(record.startedAt))}</td>
                <td>
                  <Outcome record={record} />
                </td>
                <td>
                  <span className="who">{record.contact?.name ?? record.number.display}</span>
                  {record.contact !== null ? (
                    <span className="who-number">{record.number.display}</span>
                  ) : null}
                </td>
                <td>{duration(record)}</td>
                <td className="row-actions">
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
                  {record.missed && !record.handled ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => run(() => bridge.invoke('markHandled', { journalId: record.id }))}
                    >
                      Mark as handled
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
