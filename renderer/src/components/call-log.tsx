/**
 * Recent calls, newest first: filters (missed, incoming, outgoing), search by name or number,
 * missed calls marked until handled, callback and "mark as handled", and CSV export.
 */
import { useState } from 'react';
import type { JournalRecord } from '../../../electron/contract/models.js';
import { useI18n, useRun, useServices, useView } from '../app-context.js';
import { FILTERS, matches, type Filter } from '../call-filter.js';
import type { Translator } from '../i18n/i18n.js';

function duration(record: JournalRecord): string {
  if (record.answeredAt === null) return '';
  const seconds = Math.max(
    0,
    Math.round((Date.parse(record.endedAt) - Date.parse(record.answeredAt)) / 1000),
  );
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function Outcome({ record, t }: { record: JournalRecord; t: Translator['t'] }) {
  if (record.blocked) return <span className="badge badge-ended">{t('calls.blocked')}</span>;
  if (record.missed) {
    return record.handled ? (
      <span className="badge badge-ended">{t('calls.missedHandled')}</span>
    ) : (
      <span className="badge badge-missed">{t('calls.missed')}</span>
    );
  }
  return <>{t(record.direction === 'incoming' ? 'calls.incoming' : 'calls.outgoing')}</>;
}

export function CallLog() {
  const journal = useView((state) => state.journal);
  const { bridge, store } = useServices();
  const { t, dateTime } = useI18n();
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
    <section className="call-log" aria-label={t('calls.region')}>
      <header className="call-log-header">
        <h2>
          {t('calls.title')}{' '}
          {unhandled > 0 ? (
            <span className="badge badge-missed unhandled">
              {t('calls.missedCount', { count: unhandled })}
            </span>
          ) : null}
        </h2>
        <div className="call-log-tools">
          <div className="filters" role="group" aria-label={t('calls.filter')}>
            {FILTERS.map((each) => (
              <button
                key={each}
                type="button"
                className={filter === each ? undefined : 'secondary'}
                aria-pressed={filter === each}
                onClick={() => setFilter(each)}
              >
                {t(`calls.filter.${each}`)}
              </button>
            ))}
          </div>
          <input
            type="search"
            placeholder={t('calls.searchPlaceholder')}
            aria-label={t('calls.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <button type="button" className="secondary" onClick={exportCsv}>
            {t('calls.export')}
          </button>
        </div>
      </header>
      {shown.length === 0 ? (
        <p className="empty">{journal.length === 0 ? t('calls.none') : t('calls.noMatch')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('calls.column.time')}</th>
              <th scope="col">{t('calls.column.call')}</th>
              <th scope="col">{t('calls.column.who')}</th>
              <th scope="col">{t('calls.column.length')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('calls.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((record) => {
              const who = record.contact?.name ?? record.number.display;
              return (
                <tr
                  key={record.id}
                  data-record-id={record.id}
                  className={record.missed && !record.handled ? 'missed' : undefined}
                >
                  <td>{dateTime(Date.parse(record.startedAt))}</td>
                  <td>
                    <Outcome record={record} t={t} />
                  </td>
                  <td>
                    <span className="who">{who}</span>
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
                          run(async () => {
                            const result = await bridge.invoke('callback', { journalId: record.id });
                            // A callback that waits for confirmation shows its card instead.
                            if (result.callId !== null)
                              store.setState({ notice: { kind: 'info', text: t('calls.calling', { who }) } });
                          })
                        }
                      >
                        {t('calls.callBack')}
                      </button>
                    ) : null}
                    {record.missed && !record.handled ? (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => run(() => bridge.invoke('markHandled', { journalId: record.id }))}
                      >
                        {t('calls.markHandled')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
