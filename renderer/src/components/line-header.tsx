/** The line's state and the connection to Ringdesk, with a dial box. */
import { useState, type SubmitEvent } from 'react';
import { useI18n, useRun, useServices, useView } from '../app-context.js';

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
  else {
    const known = ['simulator', 'action-url', 'ami', 'tapi'] as const;
    const product = known.find((each) => each === line.provider);
    const values = {
      line: line.line,
      // The product's name from the catalogue, not the settings' identifier.
      provider: product === undefined ? line.provider : t(`providerName.${product}`),
      state: t(`line.state.${line.state}`),
      reason: line.reason ?? '',
    };
    label =
      line.reason !== null && line.state !== 'connected'
        ? t('line.statusReason', values)
        : t('line.status', values);
  }
  const dial = (event: SubmitEvent) => {
    event.preventDefault();
    if (number.trim() === '') return;
    run(() => bridge.invoke('dial', { number }), t('dial.dialling', { number }));
  };
  return (
    <header className="line-header">
      <h1>{t('app.title')}</h1>
      <p className="line-state" data-state={state} role="status">
        {label}
      </p>
      <form className="dial" onSubmit={dial}>
        <label htmlFor="dial-number" className="visually-hidden">
          {t('dial.label')}
        </label>
        <input
          id="dial-number"
          type="tel"
          placeholder={t('dial.placeholder')}
          value={number}
          onChange={(event) => setNumber(event.target.value)}
        />
        <button type="submit">{t('dial.button')}</button>
      </form>
    </header>
  );
}
