/**
 * Recent calls, newest first, with the current calls on top: filters (missed, incoming,
 * outgoing), search by name, number or note, missed calls marked until handled, CSV export in
 * the UI's language. Below about 640 CSS px (a narrow window, or 200 % zoom) the calls are
 * cards instead of table rows; numbers and badges never wrap.
 */
import { useState } from 'react';
import type { PopupModel } from '../../../electron/contract/models.js';
import { useI18n, useRun, useServices, useView } from '../app-context.js';
import { FILTERS, matches, type Filter } from '../call-filter.js';
import { numberText } from '../number-text.js';
import { useMediaQuery } from '../use-media-query.js';
import { CallRow } from './call-row.js';

/** Narrower than this (in CSS px, so 200 % zoom of a 1,280 px window too), calls are cards. */
export const CARDS_BELOW = '(max-width: 40rem)';

const CURRENT: ReadonlySet<PopupModel['state']> = new Set(['ringing', 'dialing', 'connected']);

/** The calls going on now (their popups), newest first. */
function CurrentCalls() {
  const popups = useView((state) => state.popups);
  const { t, time } = useI18n();
  const current = popups.filter((popup) => CURRENT.has(popup.state));
  if (current.length === 0) return null;
  return (
    <section className="current-calls" aria-labelledby="current-calls-title">
      <h3 id="current-calls-title">{t('calls.current')}</h3>
      <ul>
        {current.map((popup) => {
          const contact =
            popup.selected !== null
              ? popup.contacts[popup.selected]
              : popup.contacts.length === 1
                ? popup.contacts[0]
                : undefined;
          return (
            <li key={popup.callId} data-call-id={popup.callId}>
              <span className={`badge badge-${popup.state}`}>{t(`popup.state.${popup.state}`)}</span>
              <bdi className="who">{contact?.name ?? numberText(popup.number, t)}</bdi>
              {contact?.company == null ? null : <bdi className="who-company">{contact.company}</bdi>}
              <span className="nowrap muted">{time(popup.startedAt)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function CallLog() {
  const journal = useView((state) => state.journal);
  const { bridge } = useServices();
  const { t, language } = useI18n();
  const run = useRun();
  const cards = useMediaQuery(CARDS_BELOW);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const shown = journal.filter((record) => matches(record, filter, search));
  const unhandled = journal.filter((record) => record.missed && !record.handled).length;

  const exportCsv = () => {
    run(async () => {
      const { filename, csv } = await bridge.invoke('exportJournal', { language });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = filename;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  };

  return (
    <section className="call-log" aria-label={t('calls.region')} data-layout={cards ? 'cards' : 'table'}>
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
      <CurrentCalls />
      {shown.length === 0 ? (
        <p className="empty">{journal.length === 0 ? t('calls.none') : t('calls.noMatch')}</p>
      ) : cards ? (
        <ul className="call-cards" aria-label={t('calls.region')}>
          {shown.map((record) => (
            <CallRow key={record.id} record={record} layout="cards" />
          ))}
        </ul>
      ) : (
        <table>
          <caption className="visually-hidden">{t('calls.region')}</caption>
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
            {shown.map((record) => (
              <CallRow key={record.id} record={record} layout="table" />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
