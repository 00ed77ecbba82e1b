/**
 * One call of the call log, as a table row (wide windows) or a card (narrow ones, and at 200 %
 * zoom): when, what happened (missed, not answered, ...), who with company and number, how long,
 * the agent's note, who handled a missed call and when, and the actions: the callback ("Call
 * again" for an outgoing call nobody answered) and a compact "More" menu (mark as handled, note).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { JournalRecord } from '../../../electron/contract/models.js';
import { useI18n, useRun, useServices } from '../app-context.js';
import { causeText } from '../call-cause.js';
import { errorText } from '../error-text.js';
import type { Translator } from '../i18n/i18n.js';
import { recordNumber, recordOutcome } from '../record-words.js';

/** The longest note the journal keeps (journal-record.ts). */
const NOTE_MAX_LENGTH = 2000;

function duration(record: JournalRecord): string {
  if (record.answeredAt === null) return '';
  const seconds = Math.max(
    0,
    Math.round((Date.parse(record.endedAt) - Date.parse(record.answeredAt)) / 1000),
  );
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** An outgoing call nobody answered: marked, and called "again", not "back". */
function unanswered(record: JournalRecord): boolean {
  return record.direction === 'outgoing' && record.answeredAt === null && !record.blocked;
}

export function Outcome({ record, t }: { record: JournalRecord; t: Translator['t'] }) {
  if (record.blocked) return <span className="badge badge-ended">{t('calls.blocked')}</span>;
  if (record.missed) {
    const reason = causeText(record.cause, t);
    return (
      <>
        {record.handled ? (
          <span className="badge badge-ended">{t('calls.missedHandled')}</span>
        ) : (
          <span className="badge badge-missed">{t('calls.missed')}</span>
        )}
        {reason === null ? null : <span className="cause muted"> {reason}</span>}
      </>
    );
  }
  if (unanswered(record)) return <span className="badge badge-unanswered">{t('calls.notAnswered')}</span>;
  // What the line said became of the call: "answered by Anna (7003)", "forwarded to 208", ...
  const outcome = recordOutcome(record, t);
  return (
    <>
      <span className="nowrap">
        {t(record.direction === 'incoming' ? 'calls.incoming' : 'calls.outgoing')}
      </span>
      {record.queue === undefined ? null : (
        <span className="call-queue"> · {t('calls.queue', { queue: record.queue })}</span>
      )}
      {outcome === null ? null : <span className="call-outcome"> · {outcome}</span>}
    </>
  );
}

function Who({ record }: { record: JournalRecord }) {
  const { t, dateTime } = useI18n();
  const number = recordNumber(record, t);
  const name = record.contact?.name ?? record.remoteName;
  return (
    <>
      <bdi className="who">{name ?? number}</bdi>
      {record.contact?.company == null ? null : <bdi className="who-company">{record.contact.company}</bdi>}
      {name !== undefined ? <span className="who-number nowrap">{number}</span> : null}
      {record.handled && record.handledAt !== undefined ? (
        <span className="who-handled">
          {record.handledBy === undefined
            ? t('calls.handledAt', { time: dateTime(Date.parse(record.handledAt)) })
            : t('calls.handledBy', { line: record.handledBy, time: dateTime(Date.parse(record.handledAt)) })}
        </span>
      ) : null}
      {record.note === undefined ? null : (
        <p className="call-note">
          <span className="visually-hidden">{t('calls.note')}: </span>
          <bdi>{record.note}</bdi>
        </p>
      )}
    </>
  );
}

function NoteEditor({ record, who, onDone }: { record: JournalRecord; who: string; onDone: () => void }) {
  const { bridge, store } = useServices();
  const { t } = useI18n();
  const [text, setText] = useState(record.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const save = () => {
    if (text.length > NOTE_MAX_LENGTH) {
      setError(t('calls.noteTooLong', { max: NOTE_MAX_LENGTH }));
      return;
    }
    bridge.invoke('setNote', { journalId: record.id, text }).then(
      () => {
        store.setState({ notice: { kind: 'info', text: t('calls.noteSaved') } });
        onDone();
      },
      (problem: unknown) => setError(errorText(problem, { t })),
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDone();
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
  };
  return (
    <div className="note-editor" onKeyDown={onKeyDown}>
      <label htmlFor={id}>{t('calls.noteLabel', { who })}</label>
      <textarea
        id={id}
        ref={field}
        rows={3}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : `${id}-error`}
        onChange={(event) => setText(event.target.value)}
      />
      {error === null ? null : (
        <p className="field-problem" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={save}>
          {t('calls.saveNote')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('calls.cancelNote')}
        </button>
      </div>
    </div>
  );
}

/** The callback and the "More" menu (mark as handled, note), closed with Esc or a pick. */
function Actions({ record, who, onNote }: { record: JournalRecord; who: string; onNote: () => void }) {
  const { bridge, store } = useServices();
  const { t } = useI18n();
  const run = useRun();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) menu.current?.querySelector('button')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const callback = () =>
    run(async () => {
      const result = await bridge.invoke('callback', { journalId: record.id });
      // A callback that waits for confirmation shows its card instead.
      if (result.callId !== null)
        store.setState({ notice: { kind: 'info', text: t('calls.calling', { who }) } });
    });
  const unhandled = record.missed && !record.handled;
  return (
    <div className="call-actions">
      {record.number.dialable !== '' ? (
        <button type="button" className="nowrap" onClick={callback}>
          {t(unanswered(record) ? 'calls.callAgain' : 'calls.callBack')}
        </button>
      ) : null}
      <div
        className="more"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            close();
          }
        }}
      >
        <button
          type="button"
          ref={toggle}
          className="secondary nowrap"
          aria-expanded={open}
          aria-controls={menuId}
          aria-label={t('calls.moreFor', { who })}
          onClick={() => setOpen(!open)}
        >
          {t('calls.more')} <span aria-hidden="true">▾</span>
        </button>
        {open ? (
          <div className="more-menu" id={menuId} ref={menu}>
            {unhandled ? (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  close();
                  run(() => bridge.invoke('markHandled', { journalId: record.id }));
                }}
              >
                {t('calls.markHandled')}
              </button>
            ) : null}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setOpen(false);
                onNote();
              }}
            >
              {t(record.note === undefined ? 'calls.addNote' : 'calls.editNote')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** One call, as a row of the table or as a card. */
export function CallRow({ record, layout }: { record: JournalRecord; layout: 'table' | 'cards' }) {
  const { t, dateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const who = record.contact?.name ?? record.remoteName ?? recordNumber(record, t);
  const missed = record.missed && !record.handled;
  const time = <time dateTime={record.startedAt}>{dateTime(Date.parse(record.startedAt))}</time>;
  const actions = <Actions record={record} who={who} onNote={() => setEditing(true)} />;
  const editor = editing ? <NoteEditor record={record} who={who} onDone={() => setEditing(false)} /> : null;
  if (layout === 'cards')
    return (
      <li className={`call-card${missed ? ' missed' : ''}`} data-record-id={record.id}>
        <div className="call-card-head">
          <Outcome record={record} t={t} />
          <span className="nowrap muted">{time}</span>
          {duration(record) === '' ? null : <span className="nowrap muted">{duration(record)}</span>}
        </div>
        <div className="call-card-who">
          <Who record={record} />
        </div>
        {actions}
        {editor}
      </li>
    );
  return (
    <tr data-record-id={record.id} className={missed ? 'missed' : undefined}>
      <td className="nowrap">{time}</td>
      <td>
        <Outcome record={record} t={t} />
      </td>
      <td className="call-who">
        <Who record={record} />
        {editor}
      </td>
      <td className="nowrap">{duration(record)}</td>
      <td>{actions}</td>
    </tr>
  );
}
