/**
 * The line's state and the connection to Ringdesk, with a dial box. While the line is down the
 * dial box is disabled and says why (the banner above says what is wrong).
 */
import { useState, type SubmitEvent } from 'react';
import { useI18n, useRun, useServices, useView } from '../app-context.js';
import { isLineDown, productName } from '../line-words.js';

export function LineHeader() {
  const line = useView((state) => state.line);
  const connection = useView((state) => state.connection);
  const { bridge } = useServices();
  const { t } = useI18n();
  const run = useRun();
  const [number, setNumber] = useState('');
  const state = connection !== 'open' ? 'offline' : (line?.state ?? 'disconnected');
  let label: string;
  if (connection !== 'open') label = t('line.offline');
  else if (line === null) label = t('line.unknown');
  else
    label = t('line.status', {
      line: line.line,
      provider: productName(t, line),
      state: t(`line.state.${line.state}`),
    });
  // Nothing can be dialled on a line that is down (nor without the host): say so by the box.
  const dialOff = connection !== 'open' || isLineDown(line);
  const dial = (event: SubmitEvent) => {
    event.preventDefault();
    if (number.trim() === '' || dialOff) return;
    run(() => bridge.invoke('dial', { number }), t('dial.dialling', { number }));
  };
  return (
    <header className="line-header">
      <h1>{t('app.title')}</h1>
      <p className="line-state" data-state={state} role="status">
        {label}
      </p>
      <form className="dial" onSubmit={dial} aria-describedby={dialOff ? 'dial-off' : undefined}>
        <label htmlFor="dial-number" className="visually-hidden">
          {t('dial.label')}
        </label>
        <input
          id="dial-number"
          type="tel"
          placeholder={t('dial.placeholder')}
          value={number}
          disabled={dialOff}
          aria-describedby={dialOff ? 'dial-off' : undefined}
          onChange={(event) => setNumber(event.target.value)}
        />
        <button type="submit" disabled={dialOff}>
          {t('dial.button')}
        </button>
      </form>
      {dialOff ? (
        <p id="dial-off" className="dial-off">
          {connection !== 'open' ? t('line.offline') : t('dial.off')}
        </p>
      ) : null}
    </header>
  );
}
